import { getDb } from '../db/client';
import { getEnv } from '../env';
import { ApiError } from './api';
import { readCookie, serializeCookie } from '../session/cookie';
import { findOwnCohort, type Cohort } from '../cohorts/store';
import { INSTRUCTOR_COOKIE, INSTRUCTOR_SESSION_HOURS, findInstructorBySession, type Instructor } from '../instructors/store';

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

/**
 * The instructor's own cohort for an API request: 401 when not signed in, 404 when the
 * cohort is someone else's (not 403: other instructors' cohort ids are not confirmed).
 */
export async function requireOwnCohort(request: Request, cohortId: string): Promise<Cohort> {
  const instructor = await requireInstructor(request);
  const cohort = await findOwnCohort(await getDb(), instructor.id, cohortId);
  if (!cohort) throw new ApiError('not_found', 'No such cohort.');
  return cohort;
}
