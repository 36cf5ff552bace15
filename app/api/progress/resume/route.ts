import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { findLearnerByResumeToken } from '@/lib/learners/resume-links';
import { sessionCookieFor } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ token: z.string().max(100) });

/** Makes this browser continue as the learner of a resume link (the /resume/<token> page's button). */
export const POST = handleApi(async (request: Request) => {
  const { token } = await readJsonBody(request, body);
  const learnerId = await findLearnerByResumeToken(await getDb(), token);
  if (!learnerId)
    throw new ApiError('not_found', 'This resume link does not work (any more): the exercise was reset, or the link is incomplete.');
  return jsonResponse({ resumed: true }, { headers: { 'Set-Cookie': sessionCookieFor(learnerId) } });
});
