import type { DB } from '../db/client';
import { assertNotLimited, countFailure } from '../http/rate-limits';
import { findCohortByCode } from './store';

/**
 * The open cohort a join code or link names, for a learner at `address`. Codes that match
 * nothing count against the address (`joinFailuresPerAddress`); past the limit this throws
 * RateLimited before looking, so trying codes one after another gets nowhere. Good codes
 * never count: a whole class joining behind one NAT is never stopped.
 */
export async function findCohortToJoin(
  db: DB,
  code: string,
  address: string,
): Promise<{ id: string; name: string; capacity: number } | null> {
  await assertNotLimited('joinFailuresPerAddress', address);
  const cohort = code.length <= 100 ? await findCohortByCode(db, code) : null;
  if (!cohort) await countFailure('joinFailuresPerAddress', address);
  return cohort;
}

/**
 * The name a learner joined a cohort under, or null when they have not joined it: a learner
 * who opens the join link again is shown that they are in, and as whom (issue 20), instead
 * of an empty form whose submission would rename them.
 */
export async function findJoinedName(db: DB, cohortId: string, learnerId: string): Promise<string | null> {
  const row = await db
    .selectFrom('cohort_members')
    .select('display_name')
    .where('cohort_id', '=', cohortId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}
