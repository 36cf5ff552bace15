/** One access token on the timeline. */
export interface TimelineToken {
  label: string;
  issuedAt: number | null;
  expiresAt: number | null;
}

const time = (epoch: number) =>
  new Date(epoch * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' }) + ' UTC';

/**
 * A picture of the two access tokens' lifetimes on one time axis, with the same facts
 * in text for screen readers (the bars are decorative).
 */
export function TokenTimeline({ tokens }: { tokens: TimelineToken[] }) {
  const known = tokens.filter(
    (t): t is TimelineToken & { issuedAt: number; expiresAt: number } => t.issuedAt !== null && t.expiresAt !== null,
  );
  if (known.length === 0) return <p>The access tokens were not JWTs, so their times are unknown.</p>;
  const start = Math.min(...known.map((t) => t.issuedAt));
  const end = Math.max(...known.map((t) => t.expiresAt));
  const span = Math.max(end - start, 1);

  return (
    <figure className="space-y-3">
      <div aria-hidden="true" className="space-y-3">
        {known.map((t, index) => (
          <div key={t.label} className="space-y-1">
            <div className="text-sm font-medium">{t.label}</div>
            <div className="relative h-6 rounded bg-slate-100 dark:bg-slate-800">
              <div
                className={
                  index === 0
                    ? 'absolute h-6 rounded bg-indigo-300 dark:bg-indigo-800'
                    : 'absolute h-6 rounded bg-emerald-400 dark:bg-emerald-700'
                }
                style={{
                  left: `${((t.issuedAt - start) / span) * 100}%`,
                  width: `${Math.max(((t.expiresAt - t.issuedAt) / span) * 100, 1)}%`,
                }}
              />
            </div>
          </div>
        ))}
      </div>
      <figcaption>
        <ul className="space-y-1 text-sm">
          {known.map((t) => (
            <li key={t.label}>
              <strong>{t.label}</strong>: issued {time(t.issuedAt)}, expires {time(t.expiresAt)} (valid for{' '}
              {Math.round((t.expiresAt - t.issuedAt) / 60)} minutes).
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
