import Link from 'next/link';
import { ResetButton } from '@/components/exercise/reset-button';
import { ShellFrame } from '@/components/exercise/shell-frame';
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
  const overview = `/exercise/${exercise.id}`;
  return (
    <ShellFrame
      done={view.stepsDone}
      total={view.steps.length}
      heading={
        <Link href={overview} prefetch={false} aria-current={current === null ? 'page' : undefined} className="hover:underline">
          {exercise.title}
        </Link>
      }
      sidebar={
        <>
          <CourseStepNav exercise={exercise} view={view} current={current} />
          <ResetButton endpoint={`/api/exercises/${exercise.id}/progress`} afterHref={overview} />
          <p className="text-sm">
            <Link href="/exercises" prefetch={false} className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300">
              All exercises
            </Link>
          </p>
        </>
      }
    >
      {children}
    </ShellFrame>
  );
}
