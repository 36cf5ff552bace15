import type { DB } from '../db/client';
import { ensureLearner, learnerExists } from '../db/learners';
import { COHORT_CHECKS_PER_LEARNER_PER_MINUTE } from '../cohorts/capacity';
import { cohortAllowanceOf } from '../cohorts/store';
import { enforceRateLimit } from '../http/rate-limits';

/** Who is acting: the learner of the session cookie, and the client address it came from. */
export interface LearnerRef {
  id: string;
  address: string;
}

/**
 * Makes sure the learner has a row before their first write. Rows are created only when
 * a learner first *does* something (a check, a console edit, joining a cohort) — never
 * for a page view — and new learners per client address are rate-limited, so a client
 * that drops its cookie cannot fill the database.
 */
export async function admitLearner(db: DB, learner: LearnerRef, now: Date = new Date()): Promise<void> {
  if (await learnerExists(db, learner.id)) return;
  await enforceRateLimit('newLearnersPerAddress', learner.address);
  await ensureLearner(db, learner.id, now);
}

/**
 * Counts one check against the learner's allowances: their own (per learner, keyed with the
 * address too), and either their cohort's budget — capacity × a human pace, so a class
 * behind one NAT is never refused for being many — or, for a learner in no cohort, their
 * address's (a client that drops its cookie gets no fresh allowance).
 */
export async function enforceCheckLimits(db: DB, learner: LearnerRef): Promise<void> {
  const cohort = await cohortAllowanceOf(db, learner.id);
  if (cohort) {
    await enforceRateLimit('checksPerCohort', cohort.cohortId, cohort.capacity * COHORT_CHECKS_PER_LEARNER_PER_MINUTE);
  } else {
    await enforceRateLimit('checksPerAddress', learner.address);
  }
  await enforceRateLimit('checksPerLearner', `${learner.address}|${learner.id}`);
}
