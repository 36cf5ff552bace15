import type { DB } from '../db/client';
import { ensureLearner, learnerExists } from '../db/learners';
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
