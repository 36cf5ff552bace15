import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { JOURNEY, stepHref, type JourneyPage, type StepStatus } from '@/lib/exercise/steps';
import type { ProgressView } from '@/lib/progress/view';

const STATUS_TEXT: Record<StepStatus | 'info', string> = { pass: 'passed', fail: 'needs another try', pending: 'not started', info: '' };

/**
 * A page's status in the list. The two pages without a check count as done once the
 * learner is past them: "Enable" when a refresh token was obtained, "Complete" when done.
 */
function stepStatus(step: JourneyPage, progress: ProgressView): StepStatus | 'info' {
  if (step.check) return progress.steps[step.check].status;
  if (step.slug === 'enable') return progress.steps['token-response'].status === 'pass' ? 'pass' : 'info';
  return progress.completedAt ? 'pass' : 'info';
}

/** The list of steps with their status; marks the current page. */
export function StepNav({ progress, current }: { progress: ProgressView; current: string }) {
  return (
    <nav aria-label="Exercise steps">
      <ol className="space-y-1">
        {JOURNEY.map((step, index) => {
          const status = stepStatus(step, progress);
          const isCurrent = step.slug === current;
          return (
            <li key={step.slug}>
              <Link
                href={stepHref(step.slug)}
                aria-current={isCurrent ? 'step' : undefined}
                className={cn(
                  'flex items-center gap-3 rounded-md px-3 py-2 text-sm',
                  isCurrent
                    ? 'bg-indigo-50 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                )}
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    'flex size-6 shrink-0 items-center justify-center rounded-full border text-xs',
                    status === 'pass' && 'border-emerald-700 bg-emerald-700 text-white',
                    status === 'fail' && 'border-red-700 text-red-700 dark:border-red-400 dark:text-red-300',
                    (status === 'pending' || status === 'info') && 'border-slate-400 text-slate-600 dark:text-slate-300',
                  )}
                >
                  {status === 'pass' ? '✓' : status === 'fail' ? '!' : index + 1}
                </span>
                <span>
                  {step.title}
                  {STATUS_TEXT[status] && <span className="sr-only"> ({STATUS_TEXT[status]})</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
