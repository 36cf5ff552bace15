import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import type { ExerciseDeclaration } from '@/lib/course/types';
import type { ExerciseView, StepView } from '@/lib/engine/view';
import { courseStepHref } from './hrefs';

const STATUS_TEXT: Record<StepView['status'], string> = { pass: 'done', fail: 'needs another try', pending: 'not done yet' };

/** An exercise's steps from its declaration, with their status and the current page marked. */
export function CourseStepNav({
  exercise,
  view,
  current,
}: {
  exercise: ExerciseDeclaration;
  view: ExerciseView;
  /** The current step's id, or null on the overview. */
  current: string | null;
}) {
  return (
    <nav aria-label="Exercise steps">
      <ol className="space-y-1">
        {exercise.steps.map((step, index) => {
          const isCurrent = step.id === current;
          const status = view.steps.find((s) => s.id === step.id)?.status ?? 'pending';
          return (
            <li key={step.id}>
              <Link
                href={courseStepHref(exercise, step)}
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
                    status === 'pass' && 'border-emerald-700 bg-emerald-700 text-white',
                    status === 'fail' && 'border-red-700 text-red-700 dark:border-red-400 dark:text-red-300',
                    status === 'pending' && 'border-slate-400 text-slate-600 dark:text-slate-300',
                  )}
                >
                  {status === 'pass' ? <CheckIcon className="size-3.5" /> : status === 'fail' ? '!' : index + 1}
                </span>
                <span>
                  {step.title}
                  <span className="sr-only"> ({STATUS_TEXT[status]})</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
