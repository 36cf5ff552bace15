/**
 * A lecture hall behind one NAT (issue 18): learners who join a cohort with its code are
 * admitted against the cohort's own allowance (its capacity), not the anonymous per-address
 * one, and their checks count against the cohort's budget rather than the address's. Real
 * route handlers, a real database (SQLite or Postgres), every learner from one address.
 */
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as joinRoute } from '@/app/api/cohorts/join/route';
import { POST as createCohortRoute } from '@/app/api/instructor/cohorts/route';
import { POST as signIn } from '@/app/api/instructor/session/route';
import { createCohort } from '@/lib/cohorts/store';
import { getDb, openDatabase } from '@/lib/db/client';
import { migrations } from '@/lib/db/migrations';
import { createInstructor } from '@/lib/instructors/store';
import { useTempDatabase } from './support/db';
import { callStep, expectApiError } from './support/exercise-api';
import { apiRequest, learnerCookie } from './support/requests';

const HALL = { 'x-forwarded-for': '198.51.100.77' };

describe('a cohort behind one address', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let instructorId: string;
  beforeAll(async () => {
    temp = await useTempDatabase({
      RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: '2',
      RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '3',
      RATE_LIMIT_CHECKS_PER_MINUTE: '1000',
    });
    instructorId = (await createInstructor(await getDb(), 'hall@example.com', 'right-password-1'))!.id;
  });
  afterAll(() => temp.cleanup());

  const join = (code: string, cookie: string, displayName = 'Learner') =>
    joinRoute(apiRequest('/api/cohorts/join', { cookie, json: { code, displayName }, headers: HALL }));
  const setup = (cookie?: string) => callStep('setup', { cookie, json: { mode: 'practice' }, headers: HALL });

  it('admits the whole cohort from one address, up to its capacity, whatever the per-address allowance', async () => {
    const cohort = await createCohort(await getDb(), instructorId, 'Lecture hall', { capacity: 5 });
    const learners = Array.from({ length: 5 }, () => learnerCookie());
    for (const learner of learners) expect((await join(cohort.code, learner.cookie)).status).toBe(200);
    // Full: the sixth is told so (409), not rate-limited as if it were abuse.
    const sixth = await expectApiError(await join(cohort.code, learnerCookie().cookie), 409, 'conflict');
    expect(sixth.message).toMatch(/full: it admits 5 learners/);
    // A member renaming themselves takes no new place.
    expect((await join(cohort.code, learners[0]!.cookie, 'Renamed')).status).toBe(200);
    // Joining used none of the anonymous allowance of the address (2 an hour).
    expect((await setup()).status).toBe(200);
    expect((await setup()).status).toBe(200);
    await expectApiError(await setup(), 429, 'rate_limited');
  });

  it("counts a cohort's checks against the cohort's budget, not the address's", async () => {
    const cohort = await createCohort(await getDb(), instructorId, 'Budget class', { capacity: 1 });
    const member = learnerCookie();
    expect((await join(cohort.code, member.cookie)).status).toBe(200);
    // The address's budget (3 a minute) is spent by anonymous learners' checks…
    const anonymous = learnerCookie();
    for (let i = 0; i < 3; i += 1) await setup(anonymous.cookie);
    await expectApiError(await setup(anonymous.cookie), 429, 'rate_limited');
    // …and the member checks on: 1 place × 30 checks a minute.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await setup(member.cookie)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const over = await expectApiError(await setup(member.cookie), 429, 'rate_limited');
    expect(over.message).toMatch(/Too many checks from your cohort/);
  });
});

describe('cohort capacity in the instructor API', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let teacher: string;
  beforeAll(async () => {
    temp = await useTempDatabase();
    await createInstructor(await getDb(), 'capacity@example.com', 'right-password-1');
    const session = await signIn(
      apiRequest('/api/instructor/session', { json: { email: 'capacity@example.com', password: 'right-password-1' } }),
    );
    teacher = session.headers.getSetCookie()[0]!.split(';')[0]!;
  });
  afterAll(() => temp.cleanup());

  const create = (json: unknown) => createCohortRoute(apiRequest('/api/instructor/cohorts', { cookie: teacher, json }));

  it('admits 500 by default and takes a size from 1 to 5000', async () => {
    expect(await (await create({ name: 'Default' })).json()).toMatchObject({ capacity: 500 });
    expect(await (await create({ name: 'Big', capacity: 1000 })).json()).toMatchObject({ capacity: 1000 });
    for (const capacity of [0, 5001, 2.5, '300', null]) {
      const error = await expectApiError(await create({ name: 'Bad', capacity }), 400, 'bad_request');
      expect(error.message).toMatch(/capacity/);
    }
  });
});

describe('migration 009 on a database made by the previous release', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it('gives existing cohorts the default capacity', async () => {
    const db = openDatabase(await temp.createEmptyDatabase());
    try {
      // An empty database of the same kind, migrated only as far as the previous release.
      const previous = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '007-cohort-short-codes'));
      const migrator = (all: typeof migrations) =>
        new Migrator({ db, provider: { getMigrations: async () => all }, allowUnorderedMigrations: true });
      expect((await migrator(previous).migrateToLatest()).error).toBeUndefined();
      await db
        .insertInto('instructors')
        .values({ id: 'i1', email: 'old@example.com', password_hash: 'x', created_at: '2026-12-01T00:00:00.000Z' })
        .execute();
      await db
        .insertInto('cohorts')
        .values({
          id: 'c1',
          instructor_id: 'i1',
          name: 'Old',
          join_code: 'old-code',
          short_code: 'AAAABBBB',
          created_at: '2026-12-01T00:00:00.000Z',
          archived_at: null,
        })
        .execute();
      expect((await migrator(migrations).migrateToLatest()).error).toBeUndefined();
      const row = await db.selectFrom('cohorts').select('capacity').where('id', '=', 'c1').executeTakeFirstOrThrow();
      expect(Number(row.capacity)).toBe(500);
    } finally {
      await db.destroy();
    }
  });
});
