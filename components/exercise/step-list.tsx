import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import type { StepStatus } from '@/lib/exercise/steps';

const STATUS_TEXT: Record<StepStatus, string> = { pass: 'done', fail: 'needs another try', pending: 'not done yet' };

export interface StepListItem {
  key: string;
  href: string;
  title: string;
  status: StepStatus;
  /** Shown in the mark while the step is pending. */
  number: number;
  current: boolean;
}

/**
 * An exercise's steps as links, with their status (a mark, and in words for screen readers)
 * and the current page marked; `children` come after the list (Refresh Tokens' results link).
 * Used by Refresh Tokens' {@link StepNav} and the course's CourseStepNav.
 */
export function StepList({ steps, children }: { steps: StepListItem[]; children?: React.ReactNode }) {
  return (
    <nav aria-label="Exercise steps">
      <ol className="space-y-1">
        {steps.map((step) => (
          <li key={step.key}>
            <Link
              href={step.href}
              prefetch={false}
              aria-current={step.current ? 'step' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm',
                step.current
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
        ))}
      </ol>
      {children}
    </nav>
  );
}
