/**
 * Idle anonymous learners expire (issue 8: every cookie-less request used to leave rows
 * forever): after ANONYMOUS_RETENTION_DAYS without activity, a learner in no cohort goes,
 * with their practice app, progress, attempts and token origins. Real SQLite file.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type DB } from '@/lib/db/client';
import { ensureLearner } from '@/lib/db/learners';
import { findCodeExchange, getOrCreatePracticeApp, recordCodeExchange, recordTokenOrigin } from '@/lib/db/practice-clients';
import { makeReport, pass } from '@/lib/exercise/report';
import { getLogger } from '@/lib/logging/logger';
import { recordAttempt } from '@/lib/progress/store';
import { retentionCutoff, sweepIdleLearners } from '@/lib/server/retention';
import { useTempDatabase } from './support/db';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

async function learnerWith(
  db: DB,
  lastSeen: Date,
  extras: { progressAt?: Date; appUpdatedAt?: Date; tokenAt?: Date; cohort?: boolean } = {},
) {
  const id = randomUUID();
  await ensureLearner(db, id, lastSeen);
  const app = await getOrCreatePracticeApp(db, id, 'http://localhost:3999', extras.appUpdatedAt ?? lastSeen);
  if (extras.progressAt) await recordAttempt(db, id, makeReport('setup', [pass('server', 'ok')]), { now: extras.progressAt });
  if (extras.tokenAt) {
    await recordTokenOrigin(db, {
      jti: randomUUID(),
      grantType: 'authorization_code',
      clientId: app.clientId,
      subject: 'x',
      grantId: null,
      issuedAt: Math.floor(extras.tokenAt.getTime() / 1000),
    });
  }
  if (extras.cohort) {
    const instructor = randomUUID();
    await db
      .insertInto('instructors')
      .values({ id: instructor, email: `${instructor}@example.com`, password_hash: 'x', created_at: NOW.toISOString() })
      .execute();
    const cohort = randomUUID();
    await db
      .insertInto('cohorts')
      .values({ id: cohort, instructor_id: instructor, name: 'c', join_code: cohort, created_at: NOW.toISOString(), archived_at: null })
      .execute();
    await db
      .insertInto('cohort_members')
      .values({ cohort_id: cohort, learner_id: id, display_name: 'Ada', joined_at: lastSeen.toISOString() })
      .execute();
  }
  return { id, clientId: app.clientId };
}

describe('anonymous learner retention', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it('removes idle anonymous learners with everything of theirs, and keeps the active and the enrolled', async () => {
    const db = await getDb();
    const idle = await learnerWith(db, daysAgo(45), { progressAt: daysAgo(40) });
    const recentCheck = await learnerWith(db, daysAgo(45), { progressAt: daysAgo(2) });
    const recentConsole = await learnerWith(db, daysAgo(45), { appUpdatedAt: daysAgo(1) });
    const recentToken = await learnerWith(db, daysAgo(45), { tokenAt: daysAgo(3) });
    const enrolled = await learnerWith(db, daysAgo(90), { cohort: true });
    const fresh = await learnerWith(db, daysAgo(1));
    const exchange = { codeFingerprint: 'f'.repeat(64), clientId: idle.clientId, grantId: 'g', exchangedAt: 1 };
    await recordCodeExchange(db, exchange);
    expect(await findCodeExchange(db, exchange.codeFingerprint)).not.toBeNull();

    const removed = await sweepIdleLearners(db, { ANONYMOUS_RETENTION_DAYS: 30 }, getLogger(), NOW);
    expect(removed).toBe(1);

    const remaining = (await db.selectFrom('learners').select('id').execute()).map((r) => r.id);
    expect(remaining).not.toContain(idle.id);
    for (const kept of [recentCheck, recentConsole, recentToken, enrolled, fresh]) expect(remaining).toContain(kept.id);
    for (const table of ['practice_clients', 'exercise_progress', 'exercise_steps', 'exercise_attempts'] as const) {
      const rows = await db.selectFrom(table).select('learner_id').where('learner_id', '=', idle.id).execute();
      expect(rows, table).toHaveLength(0);
    }
    // The practice server's record of the app's code exchanges goes with the app.
    expect(await findCodeExchange(db, exchange.codeFingerprint)).toBeNull();
    // A second sweep finds nothing more.
    expect(await sweepIdleLearners(db, { ANONYMOUS_RETENTION_DAYS: 30 }, getLogger(), NOW)).toBe(0);
  });

  it('computes the cutoff from the configured days', () => {
    expect(retentionCutoff(NOW, 30).toISOString()).toBe('2026-11-01T12:00:00.000Z');
  });
});
