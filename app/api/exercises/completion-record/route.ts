import { z } from 'zod';
import { displayNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { recordCompletion } from '@/lib/engine/completion';
import { getEnv } from '@/lib/env';
import { handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ displayName: displayNameSchema.optional() });

/** A shareable record of the whole course, once every built exercise is completed (docs/api.md): `{ url, record }`; 409 before. */
export const POST = handleApi(async (request: Request) => {
  const { displayName } = await readJsonBody(request, body);
  const record = await recordCompletion(await getDb(), learnerForRequest(request), null, displayName ?? null);
  return jsonResponse({ url: `${getEnv().PUBLIC_URL}/completions/${record.id}`, record }, { status: 201 });
});
