/**
 * Progress of every exercise, keyed by (learner, exercise, step) (docs/decisions/014-course-engine.md):
 * - the learner's server: `exercise_progress.provider`, one per learner, shared by every exercise;
 * - an exercise's run: `exercise_runs` (started, completed, the completion that finished it);
 * - each step: `exercise_steps` (status, attempts since the last reset, latest codes, and the
 *   artefact a passed step keeps for the steps after it);
 * - every attempt: `exercise_attempts`, kept across resets, for instructors.
 * Nothing here is a secret: artefacts hold fingerprints and decoded, non-secret claims.
 */
import { randomUUID } from 'node:crypto';
import type { DB } from '../db/client';
import type { Report } from '../exercise/report';
import type { ProviderConfig } from '../exercise/setup';

export type StepStatus = 'pending' | 'pass' | 'fail';

export interface StepRecord {
  status: StepStatus;
  attempts: number;
  lastCodes: string[];
  updatedAt: string | null;
  /** What the passed step kept (its kind's shape), or null. */
  artifact: unknown;
}

export interface ExerciseRun {
  exercise: string;
  /** The learner's server, shared by every exercise. */
  provider: ProviderConfig | null;
  startedAt: string | null;
  completedAt: string | null;
  completion: unknown;
  /** Recorded steps only; a step with no row is pending. */
  steps: Record<string, StepRecord>;
}

export const PENDING_STEP: StepRecord = Object.freeze({ status: 'pending', attempts: 0, lastCodes: [], updatedAt: null, artifact: null });

const parse = (json: string | null): unknown => (json ? JSON.parse(json) : null);
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * A learner's run of one exercise, in one query (a check's hot path, decision 005): the
 * learner's server, the run and its steps, one row per recorded step.
 */
export async function loadRun(db: DB, learnerId: string, exercise: string): Promise<ExerciseRun> {
  const rows = await db
    .selectFrom('learners')
    .leftJoin('exercise_progress', 'exercise_progress.learner_id', 'learners.id')
    .leftJoin('exercise_runs', (join) =>
      join.onRef('exercise_runs.learner_id', '=', 'learners.id').on('exercise_runs.exercise', '=', exercise),
    )
    .leftJoin('exercise_steps', (join) =>
      join.onRef('exercise_steps.learner_id', '=', 'learners.id').on('exercise_steps.exercise', '=', exercise),
    )
    .select([
      'exercise_progress.provider',
      'exercise_runs.started_at',
      'exercise_runs.completed_at',
      'exercise_runs.completion',
      'exercise_steps.step',
      'exercise_steps.status',
      'exercise_steps.attempts',
      'exercise_steps.last_codes',
      'exercise_steps.artifact',
      'exercise_steps.updated_at',
    ])
    .where('learners.id', '=', learnerId)
    .execute();
  const steps: Record<string, StepRecord> = {};
  for (const s of rows) {
    if (s.step === null || s.status === null) continue;
    steps[s.step] = {
      status: s.status,
      attempts: Number(s.attempts),
      lastCodes: JSON.parse(s.last_codes ?? '[]') as string[],
      updatedAt: s.updated_at,
      artifact: parse(s.artifact),
    };
  }
  const row = rows[0];
  return {
    exercise,
    provider: parse(row?.provider ?? null) as ProviderConfig | null,
    startedAt: row?.started_at ?? null,
    completedAt: row?.completed_at ?? null,
    completion: parse(row?.completion ?? null),
    steps,
  };
}

/** The learner's chosen server, or null. */
export async function loadProvider(db: DB, learnerId: string): Promise<ProviderConfig | null> {
  const row = await db.selectFrom('exercise_progress').select('provider').where('learner_id', '=', learnerId).executeTakeFirst();
  return parse(row?.provider ?? null) as ProviderConfig | null;
}

export interface AttemptEffects {
  /** The artefact the attempted step keeps (set only when given; null clears it). */
  artifact?: unknown;
  /** Artefacts of other steps of the exercise to clear (their status stays). */
  clearArtifacts?: readonly string[];
  /** Steps of the exercise that start over (back to pending, no attempts). */
  restartSteps?: readonly string[];
  /** A new server for the learner: every exercise starts over from its server choice. */
  provider?: ProviderConfig;
  /** Marks the run completed with this completion (only when it was not already). */
  completion?: { completedAt: string; completion: unknown };
  /** Decoded, non-secret claims for the attempt log. */
  claims?: Record<string, unknown> | null;
}

/**
 * Records one check attempt: the step's status and attempt count, the attempt log (codes and
 * claims only), and what the attempt changed — in one transaction. A step that passed stays
 * passed: later attempts (extra credit, experiments) are recorded, but only a reset, a restart
 * or a new server takes it back. The learner's row exists already (lib/learners/admission.ts).
 */
export async function recordAttempt(
  db: DB,
  learnerId: string,
  exercise: string,
  report: Report<string>,
  effects: AttemptEffects = {},
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const codes = JSON.stringify(report.results.flatMap((r) => (r.code && r.status !== 'info' ? [r.code] : [])));
  const hasArtifact = 'artifact' in effects;
  const artifact = hasArtifact ? json(effects.artifact) : null;

  await db.transaction().execute(async (trx) => {
    if (effects.provider) {
      await trx
        .insertInto('exercise_progress')
        .values({ learner_id: learnerId, provider: json(effects.provider), started_at: at, updated_at: at })
        .onConflict((oc) => oc.column('learner_id').doUpdateSet({ provider: json(effects.provider), updated_at: at }))
        .execute();
      // Artefacts from another server mean nothing on this one: every exercise starts over,
      // except the server choices themselves (step kind `setup`, always the step id 'setup').
      await trx.deleteFrom('exercise_steps').where('learner_id', '=', learnerId).where('step', '!=', 'setup').execute();
      await trx
        .updateTable('exercise_runs')
        .set({ completed_at: null, completion: null, updated_at: at })
        .where('learner_id', '=', learnerId)
        .execute();
    }

    await trx
      .insertInto('exercise_runs')
      .values({
        learner_id: learnerId,
        exercise,
        started_at: at,
        updated_at: at,
        completed_at: effects.completion?.completedAt ?? null,
        completion: json(effects.completion?.completion),
      })
      .onConflict((oc) =>
        oc.columns(['learner_id', 'exercise']).doUpdateSet((eb) => ({
          updated_at: at,
          // A finished exercise stays finished with the completion that finished it.
          ...(effects.completion
            ? {
                completed_at: eb.fn.coalesce('exercise_runs.completed_at', eb.val(effects.completion.completedAt)),
                completion: eb.fn.coalesce('exercise_runs.completion', eb.val(json(effects.completion.completion))),
              }
            : {}),
        })),
      )
      .execute();

    if (effects.restartSteps?.length) {
      await trx
        .deleteFrom('exercise_steps')
        .where('learner_id', '=', learnerId)
        .where('exercise', '=', exercise)
        .where('step', 'in', [...effects.restartSteps])
        .execute();
    }
    if (effects.clearArtifacts?.length) {
      await trx
        .updateTable('exercise_steps')
        .set({ artifact: null })
        .where('learner_id', '=', learnerId)
        .where('exercise', '=', exercise)
        .where('step', 'in', [...effects.clearArtifacts])
        .execute();
    }

    await trx
      .insertInto('exercise_steps')
      .values({
        learner_id: learnerId,
        exercise,
        step: report.step,
        status: report.status,
        attempts: 1,
        last_codes: codes,
        artifact,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['learner_id', 'exercise', 'step']).doUpdateSet((eb) => ({
          status: eb
            .case()
            .when('exercise_steps.status', '=', 'pass')
            .then(eb.val<'pass' | 'fail'>('pass'))
            .else(eb.val<'pass' | 'fail'>(report.status))
            .end(),
          attempts: eb('exercise_steps.attempts', '+', 1),
          last_codes: codes,
          ...(hasArtifact ? { artifact } : {}),
          updated_at: at,
        })),
      )
      .execute();

    await trx
      .insertInto('exercise_attempts')
      .values((eb) => ({
        id: randomUUID(),
        learner_id: learnerId,
        exercise,
        step: report.step,
        status: report.status,
        codes,
        claims: json(effects.claims),
        created_at: at,
        // Attempts count for the cohort the learner is enrolled in now (the latest one joined).
        cohort_id: eb
          .selectFrom('cohort_members')
          .select('cohort_id')
          .where('learner_id', '=', learnerId)
          .orderBy('joined_at', 'desc')
          .limit(1),
      }))
      .execute();
  });
}

/** Starts one exercise over: its run and step statuses go; the server choice and the attempt log stay. */
export async function resetRun(db: DB, learnerId: string, exercise: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('exercise_steps').where('learner_id', '=', learnerId).where('exercise', '=', exercise).execute();
    await trx.deleteFrom('exercise_runs').where('learner_id', '=', learnerId).where('exercise', '=', exercise).execute();
  });
}
