import { StepList } from '@/components/exercise/step-list';
import type { ExerciseDeclaration } from '@/lib/course/types';
import type { ExerciseView } from '@/lib/engine/view';
import { courseStepHref } from './hrefs';

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
  const steps = exercise.steps.map((step, index) => ({
    key: step.id,
    href: courseStepHref(exercise, step),
    title: step.title,
    status: view.steps.find((s) => s.id === step.id)?.status ?? ('pending' as const),
    number: index + 1,
    current: step.id === current,
  }));
  return <StepList steps={steps} />;
}
