/**
 * Plain-language explanations of a decoded access token for the UI: what each claim means
 * and, for the time claims, when that is relative to now ("Expires at … (in 59 minutes)").
 *
 * Pure and browser-safe. Times are shown in UTC so the text is the same on the server, in
 * the browser and in tests; the UI may add a local-time rendering of `time`.
 */

/** One row of the "what's inside your token" table. */
export interface ClaimExplanation {
  /** The claim (or header parameter) name, e.g. `exp`. */
  name: string;
  /** The value as display text: arrays joined, objects as JSON, times as the raw number. */
  value: string;
  /** What it means, in plain language. */
  meaning: string;
  /** For time claims: the instant as an ISO 8601 string. */
  time?: string;
}

type Describe = (value: unknown, payload: Record<string, unknown>, now: Date) => string;

const timeClaim =
  (label: (when: string, relative: string, past: boolean) => string): Describe =>
  (value, _payload, now) => {
    if (!isNumericDate(value)) return `${label('an unreadable time', '', false)} — the value is not a number of seconds.`;
    const past = value * 1000 <= now.getTime();
    return label(formatUtc(value), describeRelative(value, now), past);
  };

/**
 * Known claims, in the order the table shows them. RFC 7519 §4.1 registered claims,
 * RFC 9068 access token claims, and the ones Okta, Auth0 and Keycloak add.
 */
const KNOWN_CLAIMS: ReadonlyArray<[string, Describe]> = [
  [
    'iss',
    () => 'Issuer: the authorization server that created and signed this token. An API accepts the token only from the issuer it trusts.',
  ],
  [
    'sub',
    (v) =>
      `Subject: who the token is about — the user who logged in${typeof v === 'string' && v.includes('@') ? ' (here their username)' : ''}. A refreshed token has the same subject.`,
  ],
  [
    'aud',
    (v) =>
      `Audience: the API${Array.isArray(v) && v.length > 1 ? 's' : ''} this token is meant for. An API rejects tokens whose audience isn't itself.`,
  ],
  ['cid', () => 'Client ID (Okta): the app that requested this token — yours.'],
  ['client_id', () => 'Client ID: the app that requested this token — yours.'],
  ['azp', () => 'Authorized party: the client (app) the token was issued to.'],
  ['uid', () => "User ID (Okta): the server's internal ID of the user who logged in."],
  ['scp', (v) => `Scopes (Okta): what the app may do with this token${scopeNote(v)}.`],
  ['scope', (v) => `Scopes: what the app may do with this token${scopeNote(v)}.`],
  ['permissions', () => 'Permissions (Auth0): the API permissions granted to this token.'],
  [
    'iat',
    timeClaim(
      (when, relative) =>
        `Issued at ${when}${relative ? ` (${relative})` : ''}. A refreshed token has a later issue time than the first one.`,
    ),
  ],
  [
    'nbf',
    timeClaim((when, relative, past) => `Not valid before ${when}${relative ? ` (${relative})` : ''}${past ? '' : ' — not usable yet'}.`),
  ],
  [
    'exp',
    (value, payload, now) => {
      if (!isNumericDate(value)) return 'Expiry time — the value is not a number of seconds, so it cannot be read.';
      const past = value * 1000 <= now.getTime();
      const lifetime =
        isNumericDate(payload.iat) && value > payload.iat ? ` The token lives ${formatDuration(value - payload.iat)} in total.` : '';
      return past
        ? `Expired at ${formatUtc(value)} (${describeRelative(value, now)}). APIs reject it now; use the refresh token to get a new one.${lifetime}`
        : `Expires at ${formatUtc(value)} (${describeRelative(value, now)}). After that, use the refresh token to get a new one.${lifetime}`;
    },
  ],
  [
    'auth_time',
    timeClaim(
      (when, relative) =>
        `The user logged in at ${when}${relative ? ` (${relative})` : ''}. A refresh keeps this time: no new login happened.`,
    ),
  ],
  ['jti', () => 'JWT ID: a unique ID for this token, so the server can track or revoke it.'],
  ['ver', () => 'Version (Okta) of the token format.'],
  ['gty', (v) => `Grant type (Auth0) used to get this token${typeof v === 'string' ? `: ${v}` : ''}.`],
  ['typ', () => 'Token type (Keycloak), e.g. "Bearer" for an access token.'],
  ['sid', () => 'Session ID: the login session this token belongs to.'],
  ['amr', () => 'Authentication methods used at login (e.g. pwd for a password).'],
  ['acr', () => 'Authentication context: how strongly the user was authenticated.'],
  ['realm_access', () => 'Realm roles (Keycloak) of the user.'],
  ['resource_access', () => 'Client roles (Keycloak) of the user, per app.'],
  ['email', () => "The user's email address."],
  ['name', () => "The user's display name."],
  ['preferred_username', () => "The user's username."],
];

const KNOWN = new Map(KNOWN_CLAIMS);

/**
 * Explains every claim of a decoded access token payload, known claims first in a fixed
 * order, then any others as "custom claim".
 *
 * @example explainClaims({ exp: 1767268800 }, now) // [{ name: 'exp', value: '1767268800', meaning: 'Expires at 2026-01-01 12:00:00 UTC (in 59 minutes). …', time: '2026-01-01T12:00:00.000Z' }]
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
export function explainClaims(payload: Record<string, unknown>, now: Date): ClaimExplanation[] {
  const rows: ClaimExplanation[] = [];
  for (const [name, describe] of KNOWN_CLAIMS) {
    if (!Object.hasOwn(payload, name)) continue;
    rows.push(row(name, payload[name], describe(payload[name], payload, now), TIME_CLAIMS.has(name)));
  }
  for (const [name, value] of Object.entries(payload)) {
    if (KNOWN.has(name)) continue;
    rows.push(row(name, value, 'A custom claim this server adds to its tokens.', false));
  }
  return rows;
}

const HEADER_PARAMETERS: Readonly<Record<string, string>> = {
  alg: 'Signing algorithm. RS256 means an RSA signature the server makes with its private key; anyone can check it with the public key from the JWKS.',
  kid: "Key ID: which of the server's published keys (JWKS) verifies the signature.",
  typ: 'Token type. "at+jwt" marks an OAuth access token (RFC 9068).',
};

/**
 * Explains the JOSE header of a decoded access token (`alg`, `kid`, `typ`).
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.1
 */
export function explainHeader(header: Record<string, unknown>): ClaimExplanation[] {
  return Object.entries(header).map(([name, value]) =>
    row(name, value, HEADER_PARAMETERS[name] ?? 'A header parameter of this token.', false),
  );
}

/** "in 59 minutes", "3 hours 5 minutes ago", "just now" — for a NumericDate (seconds). */
export function describeRelative(seconds: number, now: Date): string {
  const diff = Math.round(seconds - now.getTime() / 1000);
  if (Math.abs(diff) < 1) return 'just now';
  const span = formatDuration(Math.abs(diff));
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

/** "45 seconds", "59 minutes", "1 hour 30 minutes", "2 days 3 hours" (rounded down). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (s < 60) return plural(s, 'second');
  if (s < 3600) return plural(Math.floor(s / 60), 'minute');
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m > 0 ? `${plural(h, 'hour')} ${plural(m, 'minute')}` : plural(h, 'hour');
  }
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  return h > 0 ? `${plural(d, 'day')} ${plural(h, 'hour')}` : plural(d, 'day');
}

/**
 * A NumericDate (seconds since the epoch) as "2026-01-01 12:00:00 UTC". Total: a value that
 * is no time (see {@link isNumericDate}) is shown as itself, e.g. "9000000000000 (not a
 * valid time)", where `toISOString()` would throw a RangeError.
 */
export function formatUtc(seconds: number): string {
  if (!isNumericDate(seconds)) return `${String(seconds)} (not a valid time)`;
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** 9999-12-31T23:59:59Z: the last NumericDate shown with a four-digit year. */
export const LATEST_NUMERIC_DATE = 253_402_300_799;

/**
 * Whether a claim value is a time a token can have: a NumericDate (RFC 7519 §2), a number of
 * seconds from 1970 up to the year 9999. Fractions are allowed; negative, huge, non-finite
 * and non-number values are not (a Date cannot hold most of them).
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-2
 */
export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LATEST_NUMERIC_DATE;
}

const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp', 'auth_time']);

function row(name: string, value: unknown, meaning: string, isTime: boolean): ClaimExplanation {
  return {
    name,
    value: displayValue(value),
    meaning,
    ...(isTime && isNumericDate(value) ? { time: new Date(value * 1000).toISOString() } : {}),
  };
}

function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' ');
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function scopeNote(value: unknown): string {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  return list.includes('offline_access') ? ' (offline_access is what allowed a refresh token)' : '';
}
