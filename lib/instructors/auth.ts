import { getDb } from '../db/client';
import { getEnv } from '../env';
import { ApiError } from '../http/api';
import { readCookie, serializeCookie } from '../session';
import { INSTRUCTOR_COOKIE, INSTRUCTOR_SESSION_HOURS, findInstructorBySession, type Instructor } from './store';

/** The signed-in instructor of an API request, or 401. */
export async function requireInstructor(request: Request): Promise<Instructor> {
  const instructor = await findInstructorBySession(await getDb(), readCookie(request.headers.get('cookie'), INSTRUCTOR_COOKIE));
  if (!instructor) throw new ApiError('unauthorized', 'Sign in as an instructor first (POST /api/instructor/session).');
  return instructor;
}

/** Set-Cookie value for the instructor session (httpOnly, SameSite=Lax, Secure on https). */
export function instructorCookieHeader(token: string | null): string {
  return serializeCookie(INSTRUCTOR_COOKIE, token ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().PUBLIC_URL.startsWith('https:'),
    path: '/',
    maxAge: token ? INSTRUCTOR_SESSION_HOURS * 3600 : 0,
  });
}
