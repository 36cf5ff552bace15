import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { CheckIcon, StarIcon } from '@/components/ui/icons';
import { RESULTS_PAGE, stepHref, type StepStatus } from '@/lib/exercise/steps';
import type { JourneyView } from '@/lib/progress/view';

const STATUS_TEXT: Record<StepStatus, string> = { pass: 'done', fail: 'needs another try', pending: 'not done yet' };

/** The six steps with their status, the current page marked, and the results page once earned. */
export function StepNav({ journey, current }: { journey: JourneyView; current: string }) {
  return (
    <nav aria-label="Exercise steps">
      <ol className="space-y-1">
        {journey.steps.map((step) => {
          const isCurrent = step.slug === current;
          return (
            <li key={step.slug}>
              <Link
                href={stepHref(step.slug)}
                prefetch={false}
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
                    step.status === 'pass' && 'border-emerald-700 bg-emerald-700 text-white',
                    step.status === 'fail' && 'border-red-700 text-red-700 dark:border-red-400 dark:text-red-300',
                    step.status === 'pending' && 'border-slate-400 text-slate-600 dark:text-slate-300',
                  )}
                >
                  {step.status === 'pass' ? <CheckIcon className="size-3.5" /> : step.status === 'fail' ? '!' : step.number}
                </span>
                <span>
                  {step.title}
                  <span className="sr-only"> ({STATUS_TEXT[step.status]})</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      {journey.completed && (
        <Link
          href={stepHref(RESULTS_PAGE.slug)}
          prefetch={false}
          aria-current={current === RESULTS_PAGE.slug ? 'page' : undefined}
          className="mt-2 flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-emerald-800 hover:bg-emerald-50 aria-[current=page]:bg-emerald-50 dark:text-emerald-300 dark:hover:bg-emerald-950 dark:aria-[current=page]:bg-emerald-950"
        >
          <StarIcon />
          {RESULTS_PAGE.title}
        </Link>
      )}
    </nav>
  );
}
