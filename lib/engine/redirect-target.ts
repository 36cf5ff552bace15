/**
 * Which exercise a visit to /redirect answers (SPEC §9: the redirect step's page is the
 * redirect URI, /redirect, for every exercise): the exercise whose checked authorization
 * URL carried the `state` the server sent back. Without a match, the exercise the page was
 * opened for (`?exercise=`, from a step list), else Refresh Tokens (the page's first owner).
 */
import { BUILT_EXERCISES, findBuiltExercise } from '../course/catalogue';
import { refresh } from '../course/exercises/refresh';
import type { ExerciseDeclaration } from '../course/types';
import type { DB } from '../db/client';
import type { AuthorizeUrlRequest } from '../exercise/authorize-url';

/** The exercise every redirect belongs to when nothing says otherwise. */
export const DEFAULT_REDIRECT_EXERCISE = refresh.id;

/** Built exercises with a redirect step, and their authorize-url steps' ids. */
function redirectExercises(): { exercise: ExerciseDeclaration; authorizeSteps: string[] }[] {
  return BUILT_EXERCISES.filter((e) => e.steps.some((s) => s.kind === 'redirect')).map((exercise) => ({
    exercise,
    authorizeSteps: exercise.steps.filter((s) => s.kind === 'authorize-url').map((s) => s.id),
  }));
}

/** An exercise with a redirect step, by id, or null. */
export function findRedirectExercise(id: string | null | undefined): ExerciseDeclaration | null {
  if (!id) return null;
  const exercise = findBuiltExercise(id);
  return exercise && exercise.steps.some((s) => s.kind === 'redirect') ? exercise : null;
}

/** The exercise whose checked authorization URL's state is `state` (the latest checked, if several), or null. */
export async function exerciseForState(db: DB, learnerId: string, state: string): Promise<ExerciseDeclaration | null> {
  if (!state) return null;
  const candidates = redirectExercises();
  const rows = await db
    .selectFrom('exercise_steps')
    .select(['exercise', 'step', 'artifact', 'updated_at'])
    .where('learner_id', '=', learnerId)
    .where(
      'exercise',
      'in',
      candidates.map((c) => c.exercise.id),
    )
    .where('artifact', 'is not', null)
    .orderBy('updated_at', 'desc')
    .execute();
  for (const row of rows) {
    const candidate = candidates.find((c) => c.exercise.id === row.exercise);
    if (!candidate?.authorizeSteps.includes(row.step)) continue;
    let request: Partial<AuthorizeUrlRequest> | null = null;
    try {
      request = JSON.parse(row.artifact!) as Partial<AuthorizeUrlRequest> | null;
    } catch {
      continue;
    }
    if (request?.state === state) return candidate.exercise;
  }
  return null;
}

/** The exercise a visit to /redirect answers: by state, else by `?exercise=`, else Refresh Tokens. */
export async function redirectTarget(
  db: DB,
  learnerId: string | null,
  search: { state?: string | null; exercise?: string | null },
): Promise<ExerciseDeclaration> {
  const byState = learnerId && search.state ? await exerciseForState(db, learnerId, search.state) : null;
  return byState ?? findRedirectExercise(search.exercise) ?? findBuiltExercise(DEFAULT_REDIRECT_EXERCISE)!;
}
