/**
 * The Refresh Tokens exercise's use cases, as its own API (`/api/exercise/<step>`) has always
 * called them: each is the course engine's check of the same step (lib/engine/run-step.ts),
 * so both APIs run one implementation.
 */
import type { DB } from '../db/client';
import type { Env } from '../env';
import type { AuthorizeUrlReport } from '../exercise/authorize-url';
import type { RedirectInput, RedirectReport } from '../exercise/redirect';
import type { SetupReport } from '../exercise/setup';
import type { RefreshResponseReport } from '../exercise/token/refresh-step';
import type { TokenResponseReport } from '../exercise/token/token-step';
import type { LearnerRef } from '../learners/admission';
import { findCheck, runStep } from '../engine/run-step';
import type { SetupChoice } from '../engine/kinds/setup';
import { REFRESH_EXERCISE } from './store';

export type { SetupChoice } from '../engine/kinds/setup';

const refreshCheck = (step: string) => findCheck(REFRESH_EXERCISE, step)!;

export async function runSetupStep(db: DB, env: Env, learner: LearnerRef, input: SetupChoice): Promise<SetupReport> {
  return (await runStep(db, env, learner, refreshCheck('setup'), input)) as SetupReport;
}

export async function runAuthorizeUrlStep(db: DB, env: Env, learner: LearnerRef, url: string): Promise<AuthorizeUrlReport> {
  return (await runStep(db, env, learner, refreshCheck('authorize-url'), { url })) as AuthorizeUrlReport;
}

export async function runRedirectStep(db: DB, env: Env, learner: LearnerRef, input: RedirectInput): Promise<RedirectReport> {
  return (await runStep(db, env, learner, refreshCheck('redirect'), input)) as RedirectReport;
}

export async function runTokenResponseStep(db: DB, env: Env, learner: LearnerRef, text: string): Promise<TokenResponseReport> {
  return (await runStep(db, env, learner, refreshCheck('token-response'), { response: text })) as TokenResponseReport;
}

export async function runRefreshResponseStep(
  db: DB,
  env: Env,
  learner: LearnerRef,
  text: string,
  options: { expectRevoked?: boolean } = {},
): Promise<RefreshResponseReport> {
  const body = { response: text, ...(options.expectRevoked ? { expect: 'revoked' as const } : {}) };
  return (await runStep(db, env, learner, refreshCheck('refresh-response'), body)) as RefreshResponseReport;
}
