import { getDb } from '@/lib/db/client';
import { getEnv, practiceIssuer } from '@/lib/env';
import { ApiError, handleApi, jsonResponse } from '@/lib/http/api';
import { clientAddressOf, enforceRateLimit } from '@/lib/http/rate-limits';
import { getPracticeKeyResolver } from '@/lib/practice-server/keys';
import { answerPhotosRequest } from '@/lib/practice-server/photos-api';

export const dynamic = 'force-dynamic';

/** The practice server's protected API (docs/api.md): a photo list for a valid access token with api:read. */
export const GET = handleApi(async (request: Request) => {
  const env = getEnv();
  if (!env.PRACTICE_SERVER) throw new ApiError('not_found', 'The practice server is turned off on this site (PRACTICE_SERVER=false).');
  await enforceRateLimit('checksPerAddress', clientAddressOf(request));
  const answer = await answerPhotosRequest(request.headers.get('authorization'), {
    issuer: practiceIssuer(env),
    getKey: await getPracticeKeyResolver(await getDb()),
  });
  if (answer.status === 200) return jsonResponse(answer.body);
  return jsonResponse(answer.body, { status: answer.status, headers: { 'WWW-Authenticate': answer.wwwAuthenticate } });
});
