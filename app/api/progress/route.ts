import { getDb } from '@/lib/db/client';
import { ApiError, handleApi, jsonResponse } from '@/lib/http';
import { toProgressView } from '@/lib/progress/view';
import { loadExerciseState, resetExercise } from '@/lib/progress/store';
import { learnerIdFromRequest } from '@/lib/session';

export const dynamic = 'force-dynamic';

function requireLearner(request: Request): string {
  const learnerId = learnerIdFromRequest(request);
  if (!learnerId) throw new ApiError('unauthorized', 'No learner session: load any page of the site first to get a session cookie.');
  return learnerId;
}

/** The learner's progress (SPEC §4): provider (no secrets), per-step status and attempts. */
export const GET = handleApi(async (request: Request) => {
  const state = await loadExerciseState(await getDb(), requireLearner(request));
  return jsonResponse(toProgressView(state));
});

/** Starts the exercise over. */
export const DELETE = handleApi(async (request: Request) => {
  const db = await getDb();
  const learnerId = requireLearner(request);
  await resetExercise(db, learnerId);
  return jsonResponse(toProgressView(await loadExerciseState(db, learnerId)));
});
