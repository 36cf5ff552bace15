import { sql } from 'kysely';
import type { DB } from './client';

/** Whether the learner has a row (created on their first action, not on a page view). */
export async function learnerExists(db: DB, learnerId: string): Promise<boolean> {
  const row = await db.selectFrom('learners').select('id').where('id', '=', learnerId).executeTakeFirst();
  return row !== undefined;
}

/** Makes sure the learner row exists (created on first need) and records activity. */
export async function ensureLearner(db: DB, learnerId: string, now: Date = new Date()): Promise<void> {
  const iso = now.toISOString();
  await db
    .insertInto('learners')
    .values({ id: learnerId, created_at: iso, last_seen_at: iso })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen_at: iso }))
    .execute();
}

/**
 * Removes anonymous learners idle since `cutoff`: in no cohort, and with no check, console
 * edit or practice-server token since then. Their practice app, progress, attempts and
 * token origins go with them (foreign keys cascade; token origins are keyed by client).
 * Returns how many learners went.
 */
export async function deleteIdleAnonymousLearners(db: DB, cutoff: Date, batchSize = 500): Promise<number> {
  const iso = cutoff.toISOString();
  const seconds = Math.floor(cutoff.getTime() / 1000);
  let total = 0;
  for (;;) {
    const idle = await db
      .selectFrom('learners')
      .select('id')
      .where('last_seen_at', '<', iso)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('cohort_members').select(sql.lit(1).as('one')).whereRef('cohort_members.learner_id', '=', 'learners.id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('exercise_runs')
              .select(sql.lit(1).as('one'))
              .whereRef('exercise_runs.learner_id', '=', 'learners.id')
              .where('exercise_runs.updated_at', '>=', iso),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('practice_clients')
              .select(sql.lit(1).as('one'))
              .whereRef('practice_clients.learner_id', '=', 'learners.id')
              .where(({ or, eb }) =>
                or([
                  eb('practice_clients.updated_at', '>=', iso),
                  eb.exists(
                    eb
                      .selectFrom('practice_token_origins')
                      .select(sql.lit(1).as('one'))
                      .whereRef('practice_token_origins.client_id', '=', 'practice_clients.client_id')
                      .where('practice_token_origins.issued_at', '>=', seconds),
                  ),
                ]),
              ),
          ),
        ),
      )
      .limit(batchSize)
      .execute();
    if (idle.length === 0) return total;
    const ids = idle.map((row) => row.id);
    await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('practice_token_origins')
        .where('client_id', 'in', trx.selectFrom('practice_clients').select('client_id').where('learner_id', 'in', ids))
        .execute();
      await trx.deleteFrom('learners').where('id', 'in', ids).execute();
    });
    total += ids.length;
    if (ids.length < batchSize) return total;
  }
}
