import { getDb } from '@/lib/db/client';
import { findCheck, runStep } from '@/lib/engine/run-step';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { clientAddressOf } from '@/lib/http/rate-limits';
import { enforceCheckLimits } from '@/lib/learners/admission';
import { CHECK_STEPS } from '@/lib/exercise/steps';
import { REFRESH_EXERCISE } from '@/lib/progress/store';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

/**
 * The Refresh Tokens exercise's checks (docs/api.md), the API it has always had: the same
 * engine check as `POST /api/exercises/refresh/<step>`. 200 with a report whenever the check ran, pass or fail.
 */
export const POST = handleApi(async (request: Request, context: { params: Promise<{ step: string }> }) => {
  const { step } = await context.params;
  const found = findCheck(REFRESH_EXERCISE, step);
  if (!found) {
    throw new ApiError('not_found', `Unknown step "${step.slice(0, 40)}". Steps: ${CHECK_STEPS.join(', ')}.`);
  }
  const learner = { id: learnerForRequest(request), address: clientAddressOf(request) };
  const db = await getDb();
  await enforceCheckLimits(db, learner);
  return jsonResponse(await runStep(db, getEnv(), learner, found, await readJsonBody(request, found.kind.body)));
});
