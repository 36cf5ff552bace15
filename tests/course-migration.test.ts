/**
 * Issue 21: a database made by the release before the course (migrations up to 010) keeps
 * every learner's Refresh Tokens progress, attempts and cohort statistics through migration
 * 013, on SQLite and Postgres alike.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCohortRows, fetchLearnerTimeline } from '@/lib/cohorts/store';
import { openDatabase, migrateToLatest, type DB } from '@/lib/db/client';
import { migrations } from '@/lib/db/migrations';
import { loadExerciseState } from '@/lib/progress/store';
import { toProgressView } from '@/lib/progress/view';
import { useTempDatabase, type TempDatabase } from './support/db';

const PREVIOUS_RELEASE = Object.keys(migrations).filter((name) => name <= '010-practice-recipe-mistakes');

const previousRelease: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(PREVIOUS_RELEASE.map((name) => [name, migrations[name]!])) as Record<string, Migration>,
};

const T = (minute: number) => `2026-11-30T10:${String(minute).padStart(2, '0')}:00.000Z`;
const REQUEST = {
  state: 'st4te-0123456789abcdef',
  redirectUri: 'http://localhost:3999/redirect',
  scopes: ['offline_access', 'api:read'],
  codeChallenge: 'c'.repeat(43),
};
const SUMMARY = (fp: string) => ({ accessTokenFingerprint: fp, refreshTokenFingerprint: `r-${fp}`, issuedAt: 100, expiresAt: 3700 });

describe('migration 013 on a database of the previous release', () => {
  let temp: TempDatabase;
  let old: DB;

  beforeAll(async () => {
    temp = await useTempDatabase();
    const url = await temp.createEmptyDatabase();
    old = openDatabase(url);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the old schema is not today's type
    const raw = old as unknown as Kysely<any>;
    const { error } = await new Migrator({ db: raw, provider: previousRelease }).migrateToLatest();
    if (error) throw error;

    await raw
      .insertInto('learners')
      .values([
        { id: 'done', created_at: T(0), last_seen_at: T(30) },
        { id: 'halfway', created_at: T(0), last_seen_at: T(20) },
      ])
      .execute();
    await raw
      .insertInto('instructors')
      .values({ id: 'i1', email: 'i@example.com', password_hash: 'x', created_at: T(0) })
      .execute();
    await raw
      .insertInto('cohorts')
      .values({
        id: 'c1',
        instructor_id: 'i1',
        name: 'Before the course',
        join_code: 'j'.repeat(22),
        short_code: 'K7PX3MQA',
        created_at: T(0),
        archived_at: null,
      })
      .execute();
    await raw
      .insertInto('cohort_members')
      .values([
        { cohort_id: 'c1', learner_id: 'done', display_name: 'Ada', joined_at: T(1) },
        { cohort_id: 'c1', learner_id: 'halfway', display_name: 'Grace', joined_at: T(1) },
      ])
      .execute();
    const provider = JSON.stringify({
      mode: 'practice',
      kind: 'okta',
      issuer: 'http://localhost:3999/oauth2/default',
      authorizationEndpoint: 'http://localhost:3999/oauth2/default/v1/authorize',
      tokenEndpoint: 'http://localhost:3999/oauth2/default/v1/token',
      jwksUri: 'http://localhost:3999/oauth2/default/v1/keys',
      scopesSupported: null,
      clientId: '0oaOLD',
      redirectUri: 'http://localhost:3999/redirect',
    });
    const completion = { first: SUMMARY('a1'), refresh: SUMMARY('a2'), completedAt: T(25) };
    await raw
      .insertInto('exercise_progress')
      .values([
        {
          learner_id: 'done',
          provider,
          authorize_request: JSON.stringify(REQUEST),
          code_fingerprint: 'fp-code',
          first_response: JSON.stringify(SUMMARY('a1')),
          refresh_response: JSON.stringify(SUMMARY('a2')),
          started_at: T(2),
          updated_at: T(25),
          completed_at: T(25),
          completion: JSON.stringify(completion),
        },
        {
          learner_id: 'halfway',
          provider,
          authorize_request: JSON.stringify(REQUEST),
          code_fingerprint: null,
          first_response: null,
          refresh_response: null,
          started_at: T(3),
          updated_at: T(12),
          completed_at: null,
          completion: null,
        },
      ])
      .execute();
    const step = (learner_id: string, step: string, status: string, attempts: number, minute: number) => ({
      learner_id,
      step,
      status,
      attempts,
      last_codes: status === 'fail' ? '["state.missing"]' : '[]',
      updated_at: T(minute),
    });
    await raw
      .insertInto('exercise_steps')
      .values([
        step('done', 'setup', 'pass', 1, 2),
        step('done', 'authorize-url', 'pass', 2, 5),
        step('done', 'redirect', 'pass', 1, 8),
        step('done', 'token-response', 'pass', 1, 15),
        step('done', 'refresh-response', 'pass', 1, 25),
        step('halfway', 'setup', 'pass', 1, 3),
        step('halfway', 'authorize-url', 'pass', 3, 12),
        step('halfway', 'redirect', 'fail', 2, 14),
      ])
      .execute();
    const attempt = (id: string, learner_id: string, stepId: string, status: string, minute: number, codes = '[]') => ({
      id,
      learner_id,
      step: stepId,
      status,
      codes,
      claims: null,
      created_at: T(minute),
      cohort_id: 'c1',
    });
    await raw
      .insertInto('exercise_attempts')
      .values([
        attempt('1', 'done', 'setup', 'pass', 2),
        attempt('2', 'done', 'authorize-url', 'fail', 4, '["state.missing"]'),
        attempt('3', 'done', 'authorize-url', 'pass', 5),
        attempt('4', 'done', 'redirect', 'pass', 8),
        attempt('5', 'done', 'token-response', 'pass', 15),
        attempt('6', 'done', 'refresh-response', 'pass', 25),
        attempt('7', 'halfway', 'setup', 'pass', 3),
        attempt('8', 'halfway', 'redirect', 'fail', 14, '["state.mismatch"]'),
      ])
      .execute();

    await migrateToLatest(old);
  });

  afterAll(async () => {
    await old?.destroy();
    await temp.cleanup();
  });

  it('keeps a finished learner’s state, step by step', async () => {
    const state = await loadExerciseState(old, 'done');
    expect(state.provider?.clientId).toBe('0oaOLD');
    expect(state.authorizeRequest).toEqual(REQUEST);
    expect(state.codeFingerprint).toBe('fp-code');
    expect(state.firstResponse).toEqual(SUMMARY('a1'));
    expect(state.refreshResponse).toEqual(SUMMARY('a2'));
    expect(state.startedAt).toBe(T(2));
    expect(state.completedAt).toBe(T(25));
    expect(state.completion).toEqual({ first: SUMMARY('a1'), refresh: SUMMARY('a2'), completedAt: T(25) });
    expect(toProgressView(state)).toMatchObject({ stepsDone: 5, currentStep: null, completedAt: T(25) });
    expect(state.steps['authorize-url']).toEqual({ status: 'pass', attempts: 2, lastCodes: [], updatedAt: T(5) });
  });

  it('keeps a learner halfway where they were', async () => {
    const state = await loadExerciseState(old, 'halfway');
    expect(toProgressView(state)).toMatchObject({ stepsDone: 2, currentStep: 'redirect', completedAt: null });
    expect(state.steps.redirect).toEqual({ status: 'fail', attempts: 2, lastCodes: ['state.missing'], updatedAt: T(14) });
    expect(state.codeFingerprint).toBeNull();
  });

  it('counts every old attempt as the Refresh Tokens exercise’s, for the cohort too', async () => {
    const attempts = await old.selectFrom('exercise_attempts').select(['exercise']).execute();
    expect(attempts).toHaveLength(8);
    expect(new Set(attempts.map((a) => a.exercise))).toEqual(new Set(['refresh']));
    const rows = await fetchCohortRows(old, 'c1', new Date(T(40)));
    const ada = rows.find((r) => r.displayName === 'Ada')!;
    const grace = rows.find((r) => r.displayName === 'Grace')!;
    expect(ada.completedAt).toBe(T(25));
    expect(ada.currentStep).toBe('complete');
    expect(grace.currentStep).toBe('redirect');
    expect(grace.steps.redirect.failures).toBe(1);
    const timeline = await fetchLearnerTimeline(old, 'c1', 'done');
    expect(timeline?.attempts).toHaveLength(6);
    expect(timeline?.completedAt).toBe(T(25));
  });
});
