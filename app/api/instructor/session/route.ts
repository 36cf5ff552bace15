import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { instructorCookieHeader } from '@/lib/http/instructor-auth';
import { INSTRUCTOR_COOKIE, authenticateInstructor, createInstructorSession, deleteInstructorSession } from '@/lib/instructors/store';
import { assertNotLimited, clientAddressOf, countFailure } from '@/lib/http/rate-limits';
import { readCookie } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const credentials = z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

/**
 * Signs an instructor in: a session cookie on success, 401 on bad credentials. Failed
 * attempts are limited per client address and per email (successes do not count).
 */
export const POST = handleApi(async (request: Request) => {
  const address = clientAddressOf(request);
  const { email, password } = await readJsonBody(request, credentials);
  const emailKey = `instructor:${email.toLowerCase()}`;
  await assertNotLimited('signInFailuresPerAddress', address);
  await assertNotLimited('signInFailuresPerUsername', emailKey);
  const db = await getDb();
  const instructor = await authenticateInstructor(db, email, password);
  if (!instructor) {
    await Promise.all([countFailure('signInFailuresPerAddress', address), countFailure('signInFailuresPerUsername', emailKey)]);
    throw new ApiError('unauthorized', 'Wrong email or password.');
  }
  const { token } = await createInstructorSession(db, instructor.id);
  return jsonResponse({ email: instructor.email }, { headers: { 'Set-Cookie': instructorCookieHeader(token) } });
});

/** Signs out: the session is deleted and the cookie cleared. */
export const DELETE = handleApi(async (request: Request) => {
  await deleteInstructorSession(await getDb(), readCookie(request.headers.get('cookie'), INSTRUCTOR_COOKIE));
  return jsonResponse({ signedOut: true }, { headers: { 'Set-Cookie': instructorCookieHeader(null) } });
});
