import { getDb } from '@/lib/db/client';
import { getEnv, practiceIssuer } from '@/lib/env';
import { ApiError, handleApi, jsonResponse } from '@/lib/http/api';
import { clientAddressOf, enforceRateLimit } from '@/lib/http/rate-limits';
import { getPracticeKeyResolver } from '@/lib/practice-server/keys';
import type { PhotosRequest } from '@/lib/practice-server/photos-api';
import { answerAndRecordPhotosRequest } from '@/lib/practice-server/photos-calls';

export const dynamic = 'force-dynamic';

async function answer(request: Request, bodyTokens: string[] = []): Promise<Response> {
  const env = getEnv();
  if (!env.PRACTICE_SERVER) throw new ApiError('not_found', 'The practice server is turned off on this site (PRACTICE_SERVER=false).');
  await enforceRateLimit('checksPerAddress', clientAddressOf(request));
  const db = await getDb();
  const carried: PhotosRequest = {
    authorization: request.headers.get('authorization'),
    queryTokens: new URL(request.url).searchParams.getAll('access_token'),
    bodyTokens,
  };
  const answer = await answerAndRecordPhotosRequest(db, carried, { issuer: practiceIssuer(env), getKey: await getPracticeKeyResolver(db) });
  if (answer.status === 200) return jsonResponse(answer.body);
  return jsonResponse(answer.body, { status: answer.status, headers: { 'WWW-Authenticate': answer.wwwAuthenticate } });
}

/** The practice server's protected API (docs/api.md): a photo list for a valid access token with api:read. */
export const GET = handleApi(async (request: Request) => answer(request));

/** The same, with the token in a form-encoded body (RFC 6750 §2.2); the Node server caps the body at 64 KiB. */
export const POST = handleApi(async (request: Request) => {
  const form = /^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')
    ? new URLSearchParams(await request.text())
    : new URLSearchParams();
  return answer(request, form.getAll('access_token'));
});
