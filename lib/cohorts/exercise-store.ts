/**
 * What a cohort's views read, per exercise: its members, their steps and runs of the exercise,
 * their servers, and the attempts recorded in the cohort. The Refresh Tokens view
 * (`fetchCohortRows` in ./store.ts) and every other exercise's view ({@link fetchExerciseRows})
 * read the same way.
 */
import { checkedSteps } from '../course/catalogue';
import type { ExerciseDeclaration } from '../course/types';
import type { DB } from '../db/client';
import type { ProviderConfig } from '../exercise/setup';
import { buildExerciseRows, countMistakes, type AttemptInput, type DashboardInput, type ExerciseRow, type MistakeCount } from './dashboard';

/** A cohort's attempts, oldest first: of one exercise or all, of one learner or all. */
export async function cohortAttempts(db: DB, cohortId: string, { exercise, learnerId }: { exercise?: string; learnerId?: string } = {}) {
  let query = db
    .selectFrom('exercise_attempts')
    .select(['learner_id', 'exercise', 'step', 'status', 'codes', 'claims', 'created_at'])
    .where('cohort_id', '=', cohortId)
    .orderBy('created_at', 'asc');
  if (exercise) query = query.where('exercise', '=', exercise);
  if (learnerId) query = query.where('learner_id', '=', learnerId);
  return query.execute();
}

export const toAttemptInput = (a: {
  learner_id: string;
  step: string;
  status: 'pass' | 'fail';
  codes: string;
  created_at: string;
}): AttemptInput => ({
  learnerId: a.learner_id,
  step: a.step,
  status: a.status,
  codes: JSON.parse(a.codes) as string[],
  createdAt: a.created_at,
});

/** The cohort's members (one, when `learnerId` is given), in the order they joined. */
export async function readMembers(db: DB, cohortId: string, learnerId?: string) {
  let query = db
    .selectFrom('cohort_members')
    .select(['learner_id', 'display_name', 'joined_at'])
    .where('cohort_id', '=', cohortId)
    .orderBy('joined_at');
  if (learnerId) query = query.where('learner_id', '=', learnerId);
  const members = await query.execute();
  return members.map((m) => ({ learnerId: m.learner_id, displayName: m.display_name, joinedAt: m.joined_at }));
}

/** Each learner's server, parsed (null before they chose one). */
export async function readProviders(db: DB, ids: string[]): Promise<{ learnerId: string; provider: ProviderConfig | null }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('exercise_progress').select(['learner_id', 'provider']).where('learner_id', 'in', ids).execute();
  return rows.map((p) => ({ learnerId: p.learner_id, provider: p.provider ? (JSON.parse(p.provider) as ProviderConfig) : null }));
}

/** One exercise's rows as plain data, with each learner's server. */
export async function readExerciseInput(
  db: DB,
  cohortId: string,
  exercise: string,
  learnerId?: string,
): Promise<DashboardInput & { providers: { learnerId: string; provider: ProviderConfig | null }[] }> {
  const members = await readMembers(db, cohortId, learnerId);
  if (members.length === 0) return { members, steps: [], completions: [], attempts: [], providers: [] };
  const ids = members.map((m) => m.learnerId);
  const [steps, providers, runs, attempts] = await Promise.all([
    db
      .selectFrom('exercise_steps')
      .select(['learner_id', 'step', 'status'])
      .where('learner_id', 'in', ids)
      .where('exercise', '=', exercise)
      .execute(),
    readProviders(db, ids),
    db
      .selectFrom('exercise_runs')
      .select(['learner_id', 'completed_at'])
      .where('learner_id', 'in', ids)
      .where('exercise', '=', exercise)
      .execute(),
    cohortAttempts(db, cohortId, { exercise, learnerId }),
  ]);
  return {
    members,
    steps: [
      ...steps.map((s) => ({ learnerId: s.learner_id, step: s.step, status: s.status })),
      // The server choice counts as setup done wherever it was made (Getting Started too).
      ...providers.flatMap((p) => (p.provider ? [{ learnerId: p.learnerId, step: 'setup', status: 'pass' as const }] : [])),
    ],
    completions: runs.map((r) => ({ learnerId: r.learner_id, completedAt: r.completed_at })),
    attempts: attempts.map(toAttemptInput),
    providers,
  };
}

/** An exercise's rows for the per-exercise view (any exercise; Refresh Tokens has its own, with Enable: `fetchCohortRows`). */
export async function fetchExerciseRows(
  db: DB,
  cohortId: string,
  exercise: ExerciseDeclaration,
  now = new Date(),
  learnerId?: string,
): Promise<ExerciseRow[]> {
  const input = await readExerciseInput(db, cohortId, exercise.id, learnerId);
  return buildExerciseRows(
    input,
    now,
    checkedSteps(exercise).map((step) => step.id),
  );
}

/** Per checked step of an exercise, the cohort's diagnosis codes, most frequent first. */
export async function fetchExerciseMistakes(
  db: DB,
  cohortId: string,
  exercise: ExerciseDeclaration,
): Promise<Record<string, MistakeCount[]>> {
  const attempts = await cohortAttempts(db, cohortId, { exercise: exercise.id });
  return countMistakes(
    attempts.map(toAttemptInput),
    checkedSteps(exercise).map((step) => step.id),
  );
}

/** What an exercise's view shows first: its rows and mistakes, and when they were read (epoch ms). */
export async function fetchExerciseDashboard(db: DB, cohortId: string, exercise: ExerciseDeclaration, now = new Date()) {
  const [rows, mistakes] = await Promise.all([
    fetchExerciseRows(db, cohortId, exercise, now),
    fetchExerciseMistakes(db, cohortId, exercise),
  ]);
  return { rows, mistakes, readAt: now.getTime() };
}
