import { cn } from '@/components/ui/cn';
import { CheckIcon, CrossIcon, DisclosureIcon } from '@/components/ui/icons';
import type { CheckResult, Report } from '@/lib/exercise/report';

const ICON: Record<CheckResult['status'], { symbol: React.ReactNode; label: string; className: string }> = {
  pass: { symbol: <CheckIcon />, label: 'Passed', className: 'bg-emerald-700 text-white' },
  fail: { symbol: <CrossIcon />, label: 'Failed', className: 'bg-red-700 text-white' },
  warn: { symbol: '!', label: 'Warning', className: 'bg-amber-500 text-slate-950' },
  info: { symbol: 'i', label: 'Note', className: 'bg-sky-700 text-white' },
};

/** Problems first, then notes. */
const ORDER: Record<CheckResult['status'], number> = { fail: 0, warn: 1, info: 2, pass: 3 };

function ResultItem({ result }: { result: CheckResult }) {
  const icon = ICON[result.status];
  return (
    <li
      data-status={result.status}
      data-code={result.code}
      className={cn(
        'flex gap-3 rounded-md border p-3',
        result.status === 'fail' && 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40',
        result.status === 'warn' && 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40',
        result.status === 'info' && 'border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/40',
        result.status === 'pass' && 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
      )}
    >
      <span
        aria-hidden="true"
        className={cn('mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-sm font-bold', icon.className)}
      >
        {icon.symbol}
      </span>
      <div className="min-w-0 space-y-1">
        <p className="break-words">
          <span className="sr-only">{icon.label}: </span>
          {result.message}
        </p>
        {result.hint && <p className="text-sm break-words text-slate-700 dark:text-slate-300">{result.hint}</p>}
        {result.code && (
          <p className="text-xs">
            <a
              href={`/docs/codes#${result.code}`}
              className="font-mono text-slate-700 underline decoration-dotted underline-offset-2 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white"
              target="_blank"
              aria-label={`${result.code}: what this code means (opens in a new tab)`}
            >
              {result.code}
            </a>
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * The checklist, outcome first: the verdict and the next action side by side, then each
 * failure with its hint, then warnings and notes; the checks that passed are folded into
 * a summary a learner can open. Status is told in icons and words, never colour alone.
 */
export function CheckResults({ report, headingId, action }: { report: Report; headingId: string; action?: React.ReactNode }) {
  const problems = report.results.filter((r) => r.status !== 'pass').sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const passes = report.results.filter((r) => r.status === 'pass');
  const failures = problems.filter((r) => r.status === 'fail').length;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      {/* The verdict and the next action, kept together at the top: what useRevealResult scrolls into view. */}
      <div data-verdict className="flex scroll-mt-4 flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} tabIndex={-1} className="text-lg font-semibold">
          {report.status === 'pass' ? (
            <>
              <CheckIcon className="mr-1.5" />
              All checks passed
            </>
          ) : (
            <>
              <CrossIcon className="mr-1.5" />
              {failures} {failures === 1 ? 'problem' : 'problems'} to fix
            </>
          )}
        </h3>
        {action}
      </div>
      {problems.length > 0 && (
        <ul className="space-y-2" data-testid="check-results">
          {problems.map((result, index) => (
            <ResultItem key={`${result.check}-${result.code ?? 'ok'}-${index}`} result={result} />
          ))}
        </ul>
      )}
      {passes.length > 0 && (
        <details className="group rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800">
            <DisclosureIcon className="mr-2 transition-transform group-open:rotate-90" />
            {passes.length} {passes.length === 1 ? 'check' : 'checks'} passed
          </summary>
          <ul className="space-y-2 p-3 pt-1">
            {passes.map((result, index) => (
              <ResultItem key={`${result.check}-pass-${index}`} result={result} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
