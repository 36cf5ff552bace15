import { z } from 'zod';
import { displayNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { createCompletionRecord } from '@/lib/progress/completion-records';
import { loadExerciseState } from '@/lib/progress/store';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ displayName: displayNameSchema.optional() });

/** A shareable record of the learner's completed exercise (docs/api.md): `{ url, record }`. */
export const POST = handleApi(async (request: Request) => {
  const { displayName } = await readJsonBody(request, body);
  const db = await getDb();
  const learnerId = learnerForRequest(request);
  const state = await loadExerciseState(db, learnerId);
  if (!state.completion || !state.provider) throw new ApiError('conflict', 'Complete the exercise first: the record says you did.');
  const record = await createCompletionRecord(db, {
    learnerId,
    displayName: displayName ?? null,
    completion: state.completion,
    serverKind: state.provider.mode === 'practice' ? 'practice' : state.provider.kind,
  });
  return jsonResponse({ url: `${getEnv().PUBLIC_URL}/completions/${record.id}`, record }, { status: 201 });
});
