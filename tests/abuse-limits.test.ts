/**
 * Limits a client cannot walk around (issue 8): checks limited per address whatever the
 * cookie, learner rows created only on a first action and limited per address, instructor
 * sign-in counting failures only; the counters live in the database, shared by every
 * instance. Real route handlers, real Requests, a real database (SQLite or Postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPracticeApp } from '@/app/api/practice/app/route';
import { GET as getProgress } from '@/app/api/progress/route';
import { POST as signIn } from '@/app/api/instructor/session/route';
import { POST as joinCohort } from '@/app/api/cohorts/join/route';
import { createCohort } from '@/lib/cohorts/store';
import { closeDb, getDb } from '@/lib/db/client';
import { getLogger } from '@/lib/logging/logger';
import { sweepIdleLearners } from '@/lib/server/retention';
import { resetEnvCache } from '@/lib/env';
import { createInstructor } from '@/lib/instructors/store';
import { useTempDatabase } from './support/db';
import { callStep, expectApiError } from './support/exercise-api';
import { apiRequest, learnerCookie } from './support/requests';

/** Sets variables for one describe block (limiters are keyed by their numbers, so each starts fresh). */
function withEnv(vars: Record<string, string>) {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries(vars)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    resetEnvCache();
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  });
}

const learnerCount = async () =>
  (
    await (
      await getDb()
    )
      .selectFrom('learners')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('abuse limits', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  describe('checks per address, whatever the cookie', () => {
    withEnv({ RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '4', RATE_LIMIT_CHECKS_PER_MINUTE: '100' });

    it('refuses a client that drops its cookie once its address has used the allowance', async () => {
      const headers = { 'x-forwarded-for': '198.51.100.10' };
      const statuses: number[] = [];
      // No cookie: every request is a new learner with a fresh per-learner bucket.
      for (let i = 0; i < 6; i += 1) statuses.push((await callStep('authorize-url', { json: { url: 'x' }, headers })).status);
      expect(statuses.slice(0, 4)).toEqual([409, 409, 409, 409]);
      expect(statuses.slice(4)).toEqual([429, 429]);
      const limited = await callStep('authorize-url', { json: { url: 'x' }, headers });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectApiError(limited, 429, 'rate_limited');
      // Another address (another classroom) is unaffected.
      expect((await callStep('authorize-url', { json: { url: 'x' }, headers: { 'x-forwarded-for': '198.51.100.11' } })).status).toBe(409);
    });
  });

  describe('learner rows', () => {
    withEnv({ RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: '3' });

    it('creates none for reading progress, and none for a check that cannot run yet', async () => {
      const before = await learnerCount();
      for (let i = 0; i < 5; i += 1) {
        expect((await getProgress(apiRequest('/api/progress', { headers: { 'x-forwarded-for': '198.51.100.20' } }))).status).toBe(200);
        expect(
          (await callStep('redirect', { json: { code: 'c', state: 's' }, headers: { 'x-forwarded-for': '198.51.100.20' } })).status,
        ).toBe(409);
      }
      expect(await learnerCount()).toBe(before);
    });

    it('limits new learners per address: a client that drops its cookie cannot fill the database', async () => {
      const before = await learnerCount();
      const headers = { 'x-forwarded-for': '198.51.100.21' };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await callStep('setup', { json: { mode: 'practice' }, headers })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(await learnerCount()).toBe(before + 3);
      // GET /api/practice/app creates an app, so it counts as a first action too.
      const refused = await getPracticeApp(apiRequest('/api/practice/app', { headers }));
      await expectApiError(refused, 429, 'rate_limited');
      expect(await learnerCount()).toBe(before + 3);
    });

    it('never limits a learner who already has a row', async () => {
      const headers = { 'x-forwarded-for': '198.51.100.22' };
      const known = learnerCookie();
      expect((await callStep('setup', { cookie: known.cookie, json: { mode: 'practice' }, headers })).status).toBe(200);
      for (let i = 0; i < 2; i += 1) expect((await callStep('setup', { json: { mode: 'practice' }, headers })).status).toBe(200);
      for (let i = 0; i < 3; i += 1)
        expect((await callStep('setup', { cookie: known.cookie, json: { mode: 'practice' }, headers })).status).toBe(200);
      expect((await getPracticeApp(apiRequest('/api/practice/app', { cookie: known.cookie, headers }))).status).toBe(200);
    });
  });

  describe('instructor sign-in', () => {
    withEnv({ RATE_LIMIT_SIGNIN_PER_MINUTE: '3', RATE_LIMIT_SIGNIN_FAILURES_PER_USERNAME_PER_MINUTE: '5' });
    beforeAll(async () => {
      await createInstructor(await getDb(), 'limits@example.com', 'right-password-1');
    });

    const attempt = async (password: string, address: string) =>
      (
        await signIn(
          apiRequest('/api/instructor/session', {
            json: { email: 'limits@example.com', password },
            headers: { 'x-forwarded-for': address },
          }),
        )
      ).status;

    it('counts failures only: many good sign-ins from one address are all accepted', async () => {
      const statuses = [];
      for (let i = 0; i < 8; i += 1) statuses.push(await attempt('right-password-1', '198.51.100.30'));
      expect(statuses.every((s) => s === 200)).toBe(true);
    });

    it('slows guessing per address, and per account across addresses', async () => {
      const fromOne = [];
      for (let i = 0; i < 4; i += 1) fromOne.push(await attempt('wrong', '198.51.100.31'));
      expect(fromOne).toEqual([401, 401, 401, 429]);
      // Two more failures from other addresses reach the per-account limit (5)...
      expect(await attempt('wrong', '198.51.100.32')).toBe(401);
      expect(await attempt('wrong', '198.51.100.33')).toBe(401);
      // ...after which even the right password waits, from any address.
      expect(await attempt('right-password-1', '198.51.100.34')).toBe(429);
    });
  });

  describe('joining a cohort', () => {
    withEnv({ RATE_LIMIT_JOIN_FAILURES_PER_MINUTE: '3' });
    let code: string;
    beforeAll(async () => {
      const db = await getDb();
      const teacher = await createInstructor(db, 'joins@example.com', 'right-password-1');
      code = (await createCohort(db, teacher!.id, 'Limits class')).code;
    });

    const join = async (joinCode: string, address: string) =>
      (
        await joinCohort(
          apiRequest('/api/cohorts/join', {
            ...learnerCookie(),
            json: { code: joinCode, displayName: 'Learner' },
            headers: { 'x-forwarded-for': address },
          }),
        )
      ).status;

    it('lets a whole class join from one address: good codes never count', async () => {
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push(await join(code, '198.51.100.40'));
      expect(statuses.every((s) => s === 200)).toBe(true);
    });

    it('stops an address that tries codes that do not work, even before a good one', async () => {
      const tries = [];
      for (let i = 0; i < 4; i += 1) tries.push(await join(`K7PX-3MQ${i + 2}`, '198.51.100.41'));
      expect(tries).toEqual([404, 404, 404, 429]);
      const limited = await joinCohort(
        apiRequest('/api/cohorts/join', {
          ...learnerCookie(),
          json: { code, displayName: 'Guesser' },
          headers: { 'x-forwarded-for': '198.51.100.41' },
        }),
      );
      await expectApiError(limited, 429, 'rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another address is unaffected.
      expect(await join(code, '198.51.100.42')).toBe(200);
    });
  });
});

describe('rate-limit counters shared by every instance (issue 10)', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase({ RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '3', RATE_LIMIT_CHECKS_PER_MINUTE: '100' });
  });
  afterAll(() => temp.cleanup());

  it('keeps the counts in the database, where another instance (a new connection) sees them', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.40' };
    for (let i = 0; i < 3; i += 1) expect((await callStep('authorize-url', { json: { url: 'x' }, headers })).status).toBe(409);
    const row = await temp.db.selectFrom('rate_limits').selectAll().where('key', '=', 'checksPerAddress:198.51.100.40').executeTakeFirst();
    expect(row).toMatchObject({ points: 3 });
    expect(Number(row?.expire)).toBeGreaterThan(Date.now());
    // A second instance behind the load balancer: its own client on the same database.
    await closeDb();
    await expectApiError(await callStep('authorize-url', { json: { url: 'x' }, headers }), 429, 'rate_limited');
    expect((await callStep('authorize-url', { json: { url: 'x' }, headers: { 'x-forwarded-for': '198.51.100.41' } })).status).toBe(409);
  });

  it('sweeps counters whose window ended an hour ago', async () => {
    const db = await getDb();
    await db
      .insertInto('rate_limits')
      .values({ key: 'checksPerAddress:203.0.113.1', points: 5, expire: Date.now() - 2 * 3600_000 })
      .execute();
    await sweepIdleLearners(db, { ANONYMOUS_RETENTION_DAYS: 30 }, getLogger());
    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain('checksPerAddress:203.0.113.1');
    expect(keys).toContain('checksPerAddress:198.51.100.40');
  });
});
