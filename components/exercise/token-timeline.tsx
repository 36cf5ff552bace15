import { TimeLeft } from './expiry-countdown';

/** One access token on the timeline. */
export interface TimelineToken {
  label: string;
  issuedAt: number | null;
  expiresAt: number | null;
}

const time = (epoch: number) =>
  new Date(epoch * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' }) + ' UTC';

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.round(seconds / 60)} minutes`;
}

/**
 * The access tokens' lifetimes on one time axis, each with its facts once: when it was
 * issued, when it expires and how long it has left (the bars are decorative; the text says
 * it all). Tokens issued seconds apart have bars that look alike, so the gap is said too.
 */
export function TokenTimeline({ tokens }: { tokens: TimelineToken[] }) {
  const known = tokens.filter(
    (t): t is TimelineToken & { issuedAt: number; expiresAt: number } => t.issuedAt !== null && t.expiresAt !== null,
  );
  if (known.length === 0) return <p>The access tokens were not JWTs, so their times are unknown.</p>;
  const start = Math.min(...known.map((t) => t.issuedAt));
  const end = Math.max(...known.map((t) => t.expiresAt));
  const span = Math.max(end - start, 1);
  const gap = known.length === 2 ? known[1]!.issuedAt - known[0]!.issuedAt : null;

  return (
    <div className="space-y-4">
      <ul className="space-y-4">
        {known.map((t, index) => (
          <li key={t.label} className="space-y-1">
            <div className="text-sm font-medium">{t.label}</div>
            <div aria-hidden="true" className="relative h-6 rounded bg-slate-100 dark:bg-slate-800">
              <div
                className={
                  index === 0
                    ? 'absolute h-6 rounded bg-indigo-300 dark:bg-indigo-800'
                    : 'absolute h-6 rounded bg-[repeating-linear-gradient(135deg,var(--color-emerald-400)_0_8px,var(--color-emerald-500)_8px_16px)] dark:bg-emerald-700'
                }
                style={{
                  left: `${((t.issuedAt - start) / span) * 100}%`,
                  width: `${Math.max(((t.expiresAt - t.issuedAt) / span) * 100, 1)}%`,
                }}
              />
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Issued {time(t.issuedAt)}, expires {time(t.expiresAt)} (valid for {duration(t.expiresAt - t.issuedAt)}) ·{' '}
              <TimeLeft expiresAt={t.expiresAt} />
            </p>
          </li>
        ))}
      </ul>
      {gap !== null && gap >= 0 && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The new token was issued {duration(gap)} after the first, so its bar starts and ends {duration(gap)} later: both last as long, and
          each works until its own expiry.
        </p>
      )}
    </div>
  );
}
