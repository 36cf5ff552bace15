import { z } from 'zod';
import { BUILT_EXERCISES, findBuiltExercise } from '@/lib/course/catalogue';
import { displayNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { recordCompletion } from '@/lib/engine/completion';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ displayName: displayNameSchema.optional() });

/** A shareable record of one completed exercise (docs/api.md): `{ url, record }`; 409 before it is complete. */
export const POST = handleApi(async (request: Request, context: { params: Promise<{ exercise: string }> }) => {
  const { exercise: id } = await context.params;
  const exercise = findBuiltExercise(id);
  if (!exercise)
    throw new ApiError('not_found', `Unknown exercise "${id.slice(0, 40)}". Exercises: ${BUILT_EXERCISES.map((e) => e.id).join(', ')}.`);
  const { displayName } = await readJsonBody(request, body);
  const record = await recordCompletion(await getDb(), learnerForRequest(request), exercise.id, displayName ?? null);
  return jsonResponse({ url: `${getEnv().PUBLIC_URL}/completions/${record.id}`, record }, { status: 201 });
});
