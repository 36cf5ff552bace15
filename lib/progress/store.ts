import { randomUUID } from 'node:crypto';
import type { DB } from '../db/client';
import type { Report, StepId } from '../exercise/report';
import type { ProviderConfig } from '../exercise/setup';
import type { TokenSummary } from '../exercise/token/inspect';
import type { AuthorizeUrlRequest } from '../exercise/authorize-url';

import { CHECK_STEPS, type StepStatus } from '../exercise/steps';

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

const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

function emptySteps(): Record<StepId, StepProgress> {
  const pending = (): StepProgress => ({ status: 'pending', attempts: 0, lastCodes: [], updatedAt: null });
  return Object.fromEntries(CHECK_STEPS.map((step) => [step, pending()])) as Record<StepId, StepProgress>;
}

/**
 * Loads the learner's exercise state (an empty one when they have not started). The
 * checks need the saved values but not the step statuses: they pass `withSteps: false`
 * and save a query on the API's hot path.
 */
export async function loadExerciseState(db: DB, learnerId: string, { withSteps = true } = {}): Promise<ExerciseState> {
  const [row, stepRows] = await Promise.all([
    db.selectFrom('exercise_progress').selectAll().where('learner_id', '=', learnerId).executeTakeFirst(),
    withSteps ? db.selectFrom('exercise_steps').selectAll().where('learner_id', '=', learnerId).execute() : [],
  ]);
  const steps = emptySteps();
  for (const s of stepRows) {
    if (s.step in steps) {
      steps[s.step as StepId] = {
        status: s.status,
        attempts: Number(s.attempts),
        lastCodes: JSON.parse(s.last_codes) as string[],
        updatedAt: s.updated_at,
      };
    }
  }
  return {
    provider: parse<ProviderConfig>(row?.provider ?? null),
    authorizeRequest: parse<AuthorizeUrlRequest>(row?.authorize_request ?? null),
    codeFingerprint: row?.code_fingerprint ?? null,
    firstResponse: parse<TokenSummary>(row?.first_response ?? null),
    refreshResponse: parse<TokenSummary>(row?.refresh_response ?? null),
    startedAt: row?.started_at ?? null,
    completedAt: row?.completed_at ?? null,
    completion: parse<Completion>(row?.completion ?? null),
    steps,
  };
}

export type StatePatch = Partial<{
  provider: ProviderConfig | null;
  authorizeRequest: AuthorizeUrlRequest | null;
  codeFingerprint: string | null;
  firstResponse: TokenSummary | null;
  refreshResponse: TokenSummary | null;
  completedAt: string | null;
  completion: Completion | null;
}>;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Records one check attempt of an admitted learner: the step's status and attempt count, the attempt log (codes
 * and decoded claims only), and any state the passing check produced — in one transaction.
 * `restartSteps` go back to pending (with no attempts) when the patch cleared their state.
 */
export async function recordAttempt(
  db: DB,
  learnerId: string,
  report: Report,
  options: { patch?: StatePatch; claims?: Record<string, unknown> | null; now?: Date; restartSteps?: readonly StepId[] } = {},
): Promise<void> {
  const now = (options.now ?? new Date()).toISOString();
  const codes = JSON.stringify(report.results.flatMap((r) => (r.code && r.status !== 'info' ? [r.code] : [])));
  const patch = options.patch ?? {};
  const columns: Record<string, string | null> = {};
  if ('provider' in patch) columns.provider = json(patch.provider);
  if ('authorizeRequest' in patch) columns.authorize_request = json(patch.authorizeRequest);
  if ('codeFingerprint' in patch) columns.code_fingerprint = patch.codeFingerprint ?? null;
  if ('firstResponse' in patch) columns.first_response = json(patch.firstResponse);
  if ('refreshResponse' in patch) columns.refresh_response = json(patch.refreshResponse);
  if ('completedAt' in patch) columns.completed_at = patch.completedAt ?? null;
  if ('completion' in patch) columns.completion = json(patch.completion);

  // Few statements, one transaction: checks are the API's hot path (docs/decisions/005-performance-budgets.md). The
  // learner's row exists already (lib/learners/admission.ts).
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('exercise_progress')
      .values({ learner_id: learnerId, started_at: now, updated_at: now, ...columns })
      .onConflict((oc) => oc.column('learner_id').doUpdateSet({ updated_at: now, ...columns }))
      .execute();

    // Steps whose saved state the patch cleared are pending again (the attempt log keeps them).
    if (options.restartSteps?.length) {
      await trx
        .deleteFrom('exercise_steps')
        .where('learner_id', '=', learnerId)
        .where('step', 'in', [...options.restartSteps])
        .execute();
    }

    await trx
      .insertInto('exercise_steps')
      .values({ learner_id: learnerId, step: report.step, status: report.status, attempts: 1, last_codes: codes, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['learner_id', 'step']).doUpdateSet((eb) => ({
          // A step that passed stays passed: later attempts (extra credit, experiments) are
          // recorded, but only Reset or a new setup (restartSteps) takes a step back.
          status: eb
            .case()
            .when('exercise_steps.status', '=', 'pass')
            .then(eb.val<'pass' | 'fail'>('pass'))
            .else(eb.val<'pass' | 'fail'>(report.status))
            .end(),
          attempts: eb('exercise_steps.attempts', '+', 1),
          last_codes: codes,
          updated_at: now,
        })),
      )
      .execute();

    await trx
      .insertInto('exercise_attempts')
      .values((eb) => ({
        id: randomUUID(),
        learner_id: learnerId,
        step: report.step,
        status: report.status,
        codes,
        claims: json(options.claims),
        created_at: now,
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

/** Starts the exercise over: progress, step statuses and resume links go; the attempt log stays. */
export async function resetExercise(db: DB, learnerId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('exercise_steps').where('learner_id', '=', learnerId).execute();
    await trx.deleteFrom('exercise_progress').where('learner_id', '=', learnerId).execute();
    await trx.deleteFrom('resume_links').where('learner_id', '=', learnerId).execute();
  });
}
