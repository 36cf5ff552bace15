import { getDb } from '@/lib/db/client';
import { findCheck, runStep } from '@/lib/engine/run-step';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { clientAddressOf } from '@/lib/http/rate-limits';
import { enforceCheckLimits } from '@/lib/learners/admission';
import { learnerForRequest } from '@/lib/session/cookie';
import { BUILT_EXERCISES, findBuiltExercise, checkedSteps } from '@/lib/course/catalogue';

export const dynamic = 'force-dynamic';

/** A check of any exercise's step (SPEC §9, docs/api.md): 200 with a report whenever the check ran, pass or fail. */
export const POST = handleApi(async (request: Request, context: { params: Promise<{ exercise: string; step: string }> }) => {
  const { exercise: exerciseId, step: stepId } = await context.params;
  const found = findCheck(exerciseId, stepId);
  if (!found) {
    const exercise = findBuiltExercise(exerciseId);
    throw new ApiError(
      'not_found',
      exercise
        ? `Exercise "${exercise.id}" has no checked step "${stepId.slice(0, 40)}". Steps: ${checkedSteps(exercise)
            .map((s) => s.id)
            .join(', ')}.`
        : `Unknown exercise "${exerciseId.slice(0, 40)}". Exercises: ${BUILT_EXERCISES.map((e) => e.id).join(', ')}.`,
    );
  }
  const learner = { id: learnerForRequest(request), address: clientAddressOf(request) };
  const db = await getDb();
  await enforceCheckLimits(db, learner);
  const body = await readJsonBody(request, found.kind.body);
  return jsonResponse(await runStep(db, getEnv(), learner, found, body));
});
