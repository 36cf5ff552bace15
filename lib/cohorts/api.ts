import { getDb } from '../db/client';
import { ApiError } from '../http/api';
import { requireInstructor } from '../instructors/auth';
import { findOwnCohort, type Cohort } from './store';

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
