/**
 * /redirect for every exercise (SPEC §9): the page checks a code for the exercise whose
 * checked authorization URL carried the returned state, else the one its link names, else
 * Refresh Tokens. Real database.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, type DB } from '@/lib/db/client';
import { ensureLearner } from '@/lib/db/learners';
import { exerciseForState, findRedirectExercise, redirectTarget } from '@/lib/engine/redirect-target';
import { recordAttempt } from '@/lib/engine/store';
import { makeReport, pass } from '@/lib/exercise/report';
import { useTempDatabase } from './support/db';

async function checkedUrl(db: DB, learnerId: string, exercise: string, state: string, at: Date) {
  const report = makeReport('authorize-url', [pass('url', 'ok')]);
  await recordAttempt(db, learnerId, exercise, report, { artifact: { state, scopes: [], redirectUri: null } }, at);
}

describe('redirect target', () => {
  useTempDatabase();
  let db: DB;
  const learner = randomUUID();
  const other = randomUUID();

  beforeAll(async () => {
    db = await getDb();
    await ensureLearner(db, learner, new Date());
    await ensureLearner(db, other, new Date());
    await checkedUrl(db, learner, 'refresh', 'refresh-state', new Date('2026-01-01T00:00:00Z'));
    await checkedUrl(db, learner, 'web', 'web-state', new Date('2026-01-01T00:01:00Z'));
    await checkedUrl(db, other, 'web', 'others-state', new Date('2026-01-01T00:02:00Z'));
  });

  it('finds the exercise whose checked authorization URL carried the state', async () => {
    expect((await exerciseForState(db, learner, 'web-state'))?.id).toBe('web');
    expect((await exerciseForState(db, learner, 'refresh-state'))?.id).toBe('refresh');
    expect(await exerciseForState(db, learner, 'unknown')).toBeNull();
    expect(await exerciseForState(db, learner, '')).toBeNull();
    // Another learner's state is not this learner's.
    expect(await exerciseForState(db, learner, 'others-state')).toBeNull();
  });

  it('falls back to the exercise the link names, then to Refresh Tokens', async () => {
    expect((await redirectTarget(db, learner, { state: 'web-state', exercise: 'refresh' })).id).toBe('web');
    expect((await redirectTarget(db, learner, { state: 'unknown', exercise: 'web' })).id).toBe('web');
    expect((await redirectTarget(db, learner, { exercise: 'service' })).id).toBe('refresh');
    expect((await redirectTarget(db, null, { state: 'web-state' })).id).toBe('refresh');
    expect((await redirectTarget(db, learner, {})).id).toBe('refresh');
    expect(findRedirectExercise('device')).toBeNull();
  });
});
