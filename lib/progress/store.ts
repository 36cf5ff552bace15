/**
 * The Refresh Tokens exercise's saved state, as its use cases and pages have always read it,
 * on the course's store (lib/engine/store.ts): each passed step's artefact is kept on its
 * step row, the run keeps the completion, the server is the learner's.
 */
import { refresh } from '../course/exercises/refresh';
import type { DB } from '../db/client';
import { loadRun, PENDING_STEP, recordAttempt as recordEngineAttempt, resetRun, type AttemptEffects } from '../engine/store';
import type { Report, StepId } from '../exercise/report';
import type { ProviderConfig } from '../exercise/setup';
import type { TokenSummary } from '../exercise/token/inspect';
import type { AuthorizeUrlRequest } from '../exercise/authorize-url';
import { CHECK_STEPS, type StepStatus } from '../exercise/steps';

export const REFRESH_EXERCISE = refresh.id;

export interface StepProgress {
  status: StepStatus;
  attempts: number;
  lastCodes: string[];
  updatedAt: string | null;
}

/** The responses that completed the exercise, kept as they were until Reset or a new setup. */
export interface Completion {
  first: TokenSummary;
  refresh: TokenSummary;
  completedAt: string;
}

/** A learner's saved exercise state. Nothing here is a secret. */
export interface ExerciseState {
  provider: ProviderConfig | null;
  authorizeRequest: AuthorizeUrlRequest | null;
  codeFingerprint: string | null;
  firstResponse: TokenSummary | null;
  refreshResponse: TokenSummary | null;
  startedAt: string | null;
  completedAt: string | null;
  completion: Completion | null;
  steps: Record<StepId, StepProgress>;
}

/**
 * Loads the learner's Refresh Tokens state (an empty one when they have not started). The
 * server choice counts as the setup step done, wherever it was made (Getting Started too).
 */
export async function loadExerciseState(db: DB, learnerId: string): Promise<ExerciseState> {
  const run = await loadRun(db, learnerId, REFRESH_EXERCISE);
  const record = (step: StepId) => run.steps[step] ?? PENDING_STEP;
  const steps = Object.fromEntries(
    CHECK_STEPS.map((step) => {
      const { status, attempts, lastCodes, updatedAt } = record(step);
      return [step, { status: step === 'setup' && run.provider ? 'pass' : status, attempts, lastCodes, updatedAt }];
    }),
  ) as Record<StepId, StepProgress>;
  const artifact = <T>(step: StepId) => (record(step).artifact ?? null) as T | null;
  return {
    provider: run.provider,
    authorizeRequest: artifact<AuthorizeUrlRequest>('authorize-url'),
    codeFingerprint: artifact<{ codeFingerprint: string }>('redirect')?.codeFingerprint ?? null,
    firstResponse: artifact<TokenSummary>('token-response'),
    refreshResponse: artifact<TokenSummary>('refresh-response'),
    startedAt: run.startedAt,
    completedAt: run.completedAt,
    completion: run.completion as Completion | null,
    steps,
  };
}

/** Records one Refresh Tokens check attempt (see the engine's recordAttempt for what `effects` do). */
export async function recordAttempt(
  db: DB,
  learnerId: string,
  report: Report,
  options: AttemptEffects & { now?: Date } = {},
): Promise<void> {
  const { now, ...effects } = options;
  await recordEngineAttempt(db, learnerId, REFRESH_EXERCISE, report, effects, now);
}

/**
 * Starts the Refresh Tokens exercise over (`DELETE /api/progress`): its progress and the
 * learner's resume links go; the attempt log stays. For a learner who has done nothing else
 * in the course, the server choice goes too, as it always has ("start over"); with other
 * exercises under way it stays, since they use it (SPEC §9: the server is the learner's).
 */
export async function resetExercise(db: DB, learnerId: string): Promise<void> {
  await resetRun(db, learnerId, REFRESH_EXERCISE);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('resume_links').where('learner_id', '=', learnerId).execute();
    const others = await trx.selectFrom('exercise_runs').select('exercise').where('learner_id', '=', learnerId).executeTakeFirst();
    if (!others) {
      await trx.deleteFrom('exercise_steps').where('learner_id', '=', learnerId).execute();
      await trx.deleteFrom('exercise_progress').where('learner_id', '=', learnerId).execute();
    }
  });
}
