/**
 * How the instructor's pages and exports write times and durations. Pure (no clock, no
 * locale of the machine): the same text on the server, in the browser and in tests.
 */

const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `25 Nov 2026, 10:01:05 UTC`: a date and time anyone reads, whatever their time zone. */
export function formatUtc(iso: string | number | Date): string {
  return `${UTC_FORMAT.format(new Date(iso))} UTC`;
}

/** A duration for people: `45 s`, `23 min`, `1 h 05 min` (seconds dropped past a minute). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A duration as `h:mm:ss` (`1:23:05`), which spreadsheets read as a duration. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** JWT claims that hold a time in Unix seconds (RFC 7519 §4.1, OIDC's auth_time). */
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time']);
/** Up to the year 9999: beyond, a "time" is not one a person would want converted. */
const MAX_UNIX_SECONDS = 253402300799;

/**
 * A decoded claim as the learner timeline shows it: times as UTC dates with the number
 * kept beside them (the learner's token says the number), lists space-separated as in a
 * `scope` string, strings as they are, anything else as JSON.
 */
export function describeClaim(name: string, value: unknown): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_UNIX_SECONDS) {
    return `${formatUtc(value * 1000)} (${value})`;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(' ');
  if (typeof value === 'string' && !TIME_CLAIMS.has(name)) return value;
  return JSON.stringify(value) ?? String(value);
}
