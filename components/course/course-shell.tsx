import Link from 'next/link';
import { ProgressBar } from '@/components/exercise/progress-bar';
import { ResetButton } from '@/components/exercise/reset-button';
import type { ExerciseDeclaration } from '@/lib/course/types';
import type { ExerciseView } from '@/lib/engine/view';
import { CourseStepNav } from './course-step-nav';

/**
 * The frame of an exercise's overview and step pages (like ExerciseShell for Refresh
 * Tokens): the content first in the document, the exercise's steps and progress beside it
 * on wide screens and after it on phones.
 */
export function CourseShell({
  exercise,
  view,
  current,
  children,
}: {
  exercise: ExerciseDeclaration;
  view: ExerciseView;
  current: string | null;
  children: React.ReactNode;
}) {
  const total = view.steps.length;
  const bar = (id: string) => <ProgressBar done={view.stepsDone} total={total} id={id} />;
  const overview = `/exercise/${exercise.id}`;
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1">
        <div className="lg:hidden">{bar('progress-label-compact')}</div>
        {children}
      </div>
      <aside
        aria-label="Exercise progress"
        className="space-y-4 border-t border-slate-200 pt-6 lg:sticky lg:top-4 lg:col-start-1 lg:row-start-1 lg:self-start lg:border-0 lg:pt-0 dark:border-slate-800"
      >
        <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
          <Link href={overview} prefetch={false} aria-current={current === null ? 'page' : undefined} className="hover:underline">
            {exercise.title}
          </Link>
        </p>
        <div className="hidden lg:block">{bar('progress-label')}</div>
        <CourseStepNav exercise={exercise} view={view} current={current} />
        <ResetButton endpoint={`/api/exercises/${exercise.id}/progress`} afterHref={overview} />
        <p className="text-sm">
          <Link href="/exercises" prefetch={false} className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300">
            All exercises
          </Link>
        </p>
      </aside>
    </div>
  );
}
