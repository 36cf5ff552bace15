/**
 * A cohort's exercises (issue 21): the instructor chooses and orders them; null (never chosen)
 * means every built exercise, in course order. Only built exercises can be chosen: a coming one
 * has no pages or checks. Pure, and light enough for the browser (the chooser uses it).
 */
import { BUILT_EXERCISES, COURSE, findBuiltExercise } from '../course/catalogue';
import type { ExerciseDeclaration } from '../course/types';

/** Every built exercise's id, in course order: a cohort's exercises until the instructor chooses. */
export const DEFAULT_COHORT_EXERCISES: readonly string[] = BUILT_EXERCISES.map((exercise) => exercise.id);

/** The ids in a choice that are not built exercises (unknown, or coming), each once, as given. */
export function unknownExerciseIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => !findBuiltExercise(id)))];
}

/** The ids given more than once. */
export function repeatedExerciseIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

/**
 * What is wrong with a choice of exercises, in words for a 400 answer, or null when it is a
 * valid one: at least one, each a built exercise, none twice.
 */
export function describeBadExerciseChoice(ids: readonly string[]): string | null {
  if (ids.length === 0) return 'Choose at least one exercise.';
  const unknown = unknownExerciseIds(ids);
  if (unknown.length > 0) {
    const quoted = unknown.map((id) => JSON.stringify(id.slice(0, 40))).join(', ');
    return `Not exercises a cohort can do: ${quoted}. Exercises: ${DEFAULT_COHORT_EXERCISES.join(', ')}.`;
  }
  const repeated = repeatedExerciseIds(ids);
  if (repeated.length > 0) return `Each exercise once: ${repeated.map((id) => JSON.stringify(id)).join(', ')} given more than once.`;
  return null;
}

/**
 * A cohort's exercises from its stored column (a JSON array, or null: every built exercise).
 * An exercise that is no longer built, or a column that is not a list, is skipped rather than
 * breaking the dashboard; a choice with nothing left falls back to the whole course.
 */
export function parseCohortExercises(stored: string | null): string[] {
  if (stored === null) return [...DEFAULT_COHORT_EXERCISES];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [...DEFAULT_COHORT_EXERCISES];
  }
  const ids = Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string' && findBuiltExercise(id) !== null) : [];
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : [...DEFAULT_COHORT_EXERCISES];
}

/** The declarations of a cohort's exercises, in the cohort's order. */
export function cohortExerciseDeclarations(ids: readonly string[]): ExerciseDeclaration[] {
  return ids.flatMap((id) => {
    const exercise = findBuiltExercise(id);
    return exercise ? [exercise] : [];
  });
}

/** One line of the chooser: an exercise, whether it is chosen, and whether it can be (coming ones cannot). */
export interface ExerciseChoice {
  id: string;
  title: string;
  chosen: boolean;
  coming: boolean;
}

/**
 * The chooser's list: the chosen exercises in their order, then the other built ones in
 * course order (unchosen), then the coming ones (shown, not choosable).
 */
export function exerciseChoices(chosen: readonly string[]): ExerciseChoice[] {
  const picked = cohortExerciseDeclarations(chosen);
  const rest = BUILT_EXERCISES.filter((exercise) => !chosen.includes(exercise.id));
  const coming = COURSE.filter((exercise) => exercise.status === 'coming');
  return [
    ...picked.map((e) => ({ id: e.id, title: e.title, chosen: true, coming: false })),
    ...rest.map((e) => ({ id: e.id, title: e.title, chosen: false, coming: false })),
    ...coming.map((e) => ({ id: e.id, title: e.title, chosen: false, coming: true })),
  ];
}

/** Moves the item at `index` one place up (-1) or down (+1) among the choosable ones; a no-op at either end. */
export function moveChoice(choices: readonly ExerciseChoice[], index: number, direction: -1 | 1): ExerciseChoice[] {
  const target = index + direction;
  const list = [...choices];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list;
  if (list[index]!.coming || list[target]!.coming) return list;
  [list[index], list[target]] = [list[target]!, list[index]!];
  return list;
}

/** The chosen ids, in the chooser's order. */
export const chosenIds = (choices: readonly ExerciseChoice[]) => choices.filter((c) => c.chosen && !c.coming).map((c) => c.id);

/**
 * The dashboard's view when none is asked for: the Refresh Tokens view when the cohort does it
 * (the dashboard instructors knew before the course, where their links and habits lead), else
 * the course view.
 */
export function defaultDashboardView(exercises: readonly string[]): string {
  return exercises.includes('refresh') ? 'refresh' : 'course';
}

/** The view asked for (`?view=`) when it is one of the cohort's, else the default. */
export function dashboardView(requested: unknown, exercises: readonly string[]): string {
  if (typeof requested === 'string' && (requested === 'course' || exercises.includes(requested))) return requested;
  return defaultDashboardView(exercises);
}
