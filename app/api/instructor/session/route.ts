import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http';
import { instructorCookieHeader } from '@/lib/instructors/auth';
import { INSTRUCTOR_COOKIE, authenticateInstructor, createInstructorSession, deleteInstructorSession } from '@/lib/instructors/store';
import { clientKey, getRateLimiter } from '@/lib/rate-limit';
import { readCookie } from '@/lib/session';

export const dynamic = 'force-dynamic';

const credentials = z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

/** Signs an instructor in: a session cookie on success, 401 on bad credentials. */
export const POST = handleApi(async (request: Request) => {
  const limit = getRateLimiter('instructor-signin', getEnv().RATE_LIMIT_SIGNIN_PER_MINUTE).hit(clientKey(request));
  if (!limit.allowed) {
    throw new ApiError('rate_limited', `Too many sign-in attempts: wait ${limit.retryAfterSeconds} seconds.`, {
      'Retry-After': String(limit.retryAfterSeconds),
    });
  }
  const { email, password } = await readJsonBody(request, credentials);
  const db = await getDb();
  const instructor = await authenticateInstructor(db, email, password);
  if (!instructor) throw new ApiError('unauthorized', 'Wrong email or password.');
  const { token } = await createInstructorSession(db, instructor.id);
  return jsonResponse({ email: instructor.email }, { headers: { 'Set-Cookie': instructorCookieHeader(token) } });
});

/** Signs out: the session is deleted and the cookie cleared. */
export const DELETE = handleApi(async (request: Request) => {
  await deleteInstructorSession(await getDb(), readCookie(request.headers.get('cookie'), INSTRUCTOR_COOKIE));
  return jsonResponse({ signedOut: true }, { headers: { 'Set-Cookie': instructorCookieHeader(null) } });
});
