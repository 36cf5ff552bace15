import { getDb } from '@/lib/db/client';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { toProgressView } from '@/lib/progress/view';
import { loadExerciseState, resetExercise } from '@/lib/progress/store';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

/** The learner's progress (docs/api.md): provider (no secrets), per-step status and attempts. */
export const GET = handleApi(async (request: Request) => {
  const state = await loadExerciseState(await getDb(), learnerForRequest(request));
  return jsonResponse(toProgressView(state));
});

/** Starts the exercise over. */
export const DELETE = handleApi(async (request: Request) => {
  const db = await getDb();
  const learnerId = learnerForRequest(request);
  await resetExercise(db, learnerId);
  return jsonResponse(toProgressView(await loadExerciseState(db, learnerId)));
});
