/**
 * The course, in order (SPEC §9). Adding an exercise: a module in ./exercises, one line
 * here. Everything else — pages, the check API, progress, the dashboard, the codes page —
 * follows from the declarations.
 */
import { api, challenge, device, native, openid, revoke, spa } from './exercises/coming';
import { gettingStarted } from './exercises/getting-started';
import { refresh } from './exercises/refresh';
import { service } from './exercises/service';
import { web } from './exercises/web';
import type { ExerciseDeclaration, StepDeclaration } from './types';

export const COURSE: readonly ExerciseDeclaration[] = [
  gettingStarted,
  web,
  spa,
  native,
  service,
  refresh,
  openid,
  device,
  revoke,
  api,
  challenge,
];

/** The exercises a learner can do today. */
export const BUILT_EXERCISES = COURSE.filter((exercise) => exercise.status === 'built');

export function findExercise(id: string): ExerciseDeclaration | null {
  return COURSE.find((exercise) => exercise.id === id) ?? null;
}

/** A built exercise by id, or null (unknown and coming exercises have no pages or checks). */
export function findBuiltExercise(id: string): ExerciseDeclaration | null {
  const exercise = findExercise(id);
  return exercise?.status === 'built' ? exercise : null;
}

export function findStep(exercise: ExerciseDeclaration, stepId: string): StepDeclaration | null {
  return exercise.steps.find((step) => step.id === stepId) ?? null;
}

/** The step whose page is at `slug` (its id unless it declares a slug). */
export function findStepBySlug(exercise: ExerciseDeclaration, slug: string): StepDeclaration | null {
  return exercise.steps.find((step) => (step.slug ?? step.id) === slug) ?? null;
}

/** The steps a learner's progress counts: every step with a check (a console task is done by what it changes). */
export function checkedSteps(exercise: ExerciseDeclaration): StepDeclaration[] {
  return exercise.steps.filter((step) => step.kind !== 'console-task');
}

/** Where an exercise's pages are. */
export function exerciseHref(exercise: ExerciseDeclaration): string {
  return exercise.basePath ?? `/exercise/${exercise.id}`;
}

/** A step's page. The redirect step's page is the redirect URI, /redirect, for every exercise. */
export function stepPageHref(exercise: ExerciseDeclaration, step: StepDeclaration): string {
  if (step.kind === 'redirect') return '/redirect';
  return `${exerciseHref(exercise)}/${step.slug ?? step.id}`;
}
