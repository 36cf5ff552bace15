import { CopyButton } from '@/components/ui/copy-button';
import type { QrGeometry } from '@/lib/cohorts/qr';

/**
 * How learners get in, sized for a projector: the short code in large type (typed at
 * `<host>/join`), the QR code of the full join link (phones scan it), and the full link
 * to paste into a chat. The QR code is an inline SVG drawn on the server — no script, no
 * image request — dark on white in both colour schemes (scanners expect that), with an
 * accessible name that says what it encodes.
 */
export function JoinPanel({
  joinUrl,
  shortCode,
  shortJoinUrl,
  joinPageUrl,
  qr,
}: {
  joinUrl: string;
  /** As shown: `K7PX-3MQA`. */
  shortCode: string;
  shortJoinUrl: string;
  /** Where the code is typed: `<PUBLIC_URL>/join`. */
  joinPageUrl: string;
  qr: QrGeometry;
}) {
  const typeAt = joinPageUrl.replace(/^https?:\/\//, '');
  return (
    <section
      aria-labelledby="join-heading"
      className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center sm:justify-between dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="min-w-0 space-y-4">
        <h2 id="join-heading" className="text-xl font-semibold">
          Invite your learners
        </h2>
        <div className="space-y-1">
          <p className="text-slate-700 dark:text-slate-300">
            Go to <strong className="font-semibold break-all text-slate-900 dark:text-slate-100">{typeAt}</strong> and type the code:
          </p>
          <p className="font-mono text-5xl font-bold tracking-widest text-slate-950 sm:text-6xl dark:text-white">
            {/* Read out one character at a time: a screen reader would try to say "K7PX" as a word. */}
            <span className="sr-only">Join code: {shortCode.split('').join(' ')}</span>
            <span aria-hidden="true" data-testid="short-code">
              {shortCode}
            </span>
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            or open <span className="font-mono break-all">{shortJoinUrl}</span>, or scan the QR code.
          </p>
        </div>
        <div className="space-y-1.5 text-sm">
          <p>Full join link (to paste in a chat or an email):</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-slate-100 px-2 py-1 font-mono break-all dark:bg-slate-800">{joinUrl}</code>
            <CopyButton value={joinUrl} label="join link" />
          </div>
        </div>
      </div>
      <svg
        role="img"
        aria-label={`QR code of the join link ${joinUrl}`}
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        shapeRendering="crispEdges"
        className="size-48 shrink-0 self-center rounded-md sm:size-56"
      >
        <rect width={qr.size} height={qr.size} fill="#ffffff" />
        <path d={qr.path} fill="#000000" />
      </svg>
    </section>
  );
}
