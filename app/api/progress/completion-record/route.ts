import { z } from 'zod';
import { displayNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { recordCompletion } from '@/lib/engine/completion';
import { getEnv } from '@/lib/env';
import { handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { REFRESH_EXERCISE } from '@/lib/progress/store';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ displayName: displayNameSchema.optional() });

/** A shareable record of the learner's completed Refresh Tokens exercise (docs/api.md): `{ url, record }`. */
export const POST = handleApi(async (request: Request) => {
  const { displayName } = await readJsonBody(request, body);
  const record = await recordCompletion(await getDb(), learnerForRequest(request), REFRESH_EXERCISE, displayName ?? null);
  return jsonResponse({ url: `${getEnv().PUBLIC_URL}/completions/${record.id}`, record }, { status: 201 });
});
