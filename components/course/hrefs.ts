import { stepPageHref } from '@/lib/course/catalogue';
import type { ExerciseDeclaration, StepDeclaration } from '@/lib/course/types';
import { DEFAULT_REDIRECT_EXERCISE } from '@/lib/engine/redirect-target';

/**
 * A step's page as the course's links point to it. The redirect step's page is /redirect for
 * every exercise; a link from another exercise than Refresh Tokens names it, so the page
 * knows whose step it shows before any code arrives.
 */
export function courseStepHref(exercise: ExerciseDeclaration, step: StepDeclaration): string {
  const href = stepPageHref(exercise, step);
  return step.kind === 'redirect' && exercise.id !== DEFAULT_REDIRECT_EXERCISE ? `${href}?exercise=${exercise.id}` : href;
}

/** A check's endpoint: `POST /api/exercises/<id>/<step>`. */
export const checkEndpoint = (exercise: ExerciseDeclaration, step: StepDeclaration): string => `/api/exercises/${exercise.id}/${step.id}`;

/** The step after `step` in the declaration, or null. */
export function nextStep(exercise: ExerciseDeclaration, step: StepDeclaration): StepDeclaration | null {
  const index = exercise.steps.findIndex((s) => s.id === step.id);
  return exercise.steps[index + 1] ?? null;
}

/** The "Next: …" link after `step`: the next step's page, or the overview once the last step is done. */
export function nextLink(exercise: ExerciseDeclaration, step: StepDeclaration): { href: string; label: string } {
  const next = nextStep(exercise, step);
  return next
    ? { href: courseStepHref(exercise, next), label: `Next: ${lowerFirst(next.title)}` }
    : { href: exercise.basePath ?? `/exercise/${exercise.id}`, label: 'See the exercise overview' };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
