import type { DB } from './client';

/** Makes sure the learner row exists (created on first need) and records activity. */
export async function ensureLearner(db: DB, learnerId: string, now: Date = new Date()): Promise<void> {
  const iso = now.toISOString();
  await db
    .insertInto('learners')
    .values({ id: learnerId, created_at: iso, last_seen_at: iso })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen_at: iso }))
    .execute();
}
