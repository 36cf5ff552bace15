import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as joinCohort } from '@/app/api/cohorts/join/route';
import { POST as runCheck } from '@/app/api/exercise/[step]/route';
import { PATCH as patchCohort } from '@/app/api/instructor/cohorts/[id]/route';
import { GET as getTimeline } from '@/app/api/instructor/cohorts/[id]/learners/[learnerId]/route';
import { GET as getLearners } from '@/app/api/instructor/cohorts/[id]/learners/route';
import { GET as getCohort } from '@/app/api/instructor/cohorts/[id]/route';
import { GET as getMistakes } from '@/app/api/instructor/cohorts/[id]/mistakes/route';
import { GET as listCohorts, POST as createCohort } from '@/app/api/instructor/cohorts/route';
import { DELETE as signOut, POST as signIn } from '@/app/api/instructor/session/route';
import { resetEnvCache } from '@/lib/env';
import { createInstructor } from '@/lib/instructors/store';
import { useTempDatabase } from './support/db';
import { apiRequest, learnerCookie } from './support/requests';

type Temp = Awaited<ReturnType<typeof useTempDatabase>>;
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

async function signInAs(email: string, password: string, ip = '10.0.0.1'): Promise<{ status: number; cookie: string | null }> {
  const response = await signIn(apiRequest('/api/instructor/session', { json: { email, password }, headers: { 'x-forwarded-for': ip } }));
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, cookie: setCookie ? setCookie.split(';')[0]! : null };
}

async function check(cookie: string, step: string, json: unknown) {
  const response = await runCheck(apiRequest(`/api/exercise/${step}`, { cookie, json }), params({ step }));
  return (await response.json()) as { status: string };
}

describe('instructor API', () => {
  let temp: Temp;
  let teacher: string;
  let otherTeacher: string;

  beforeAll(async () => {
    temp = await useTempDatabase({ RATE_LIMIT_SIGNIN_PER_MINUTE: '5' });
    await createInstructor(temp.db, 'teacher@example.com', 'teacher-password-1');
    await createInstructor(temp.db, 'other@example.com', 'other-password-12');
    teacher = (await signInAs('Teacher@Example.com', 'teacher-password-1', '10.0.0.50')).cookie!;
    otherTeacher = (await signInAs('other@example.com', 'other-password-12', '10.0.0.51')).cookie!;
  });
  afterAll(() => temp.cleanup());

  describe('sign-in', () => {
    it('sets an httpOnly SameSite=Lax session cookie on good credentials', async () => {
      const response = await signIn(
        apiRequest('/api/instructor/session', {
          json: { email: 'teacher@example.com', password: 'teacher-password-1' },
          headers: { 'x-forwarded-for': '10.0.0.2' },
        }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ email: 'teacher@example.com' });
      expect(response.headers.get('set-cookie')).toMatch(/^oauthlab_instructor=[\w-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    });

    it.each([
      ['a wrong password', 'teacher@example.com', 'nope-nope-nope'],
      ['an unknown email', 'nobody@example.com', 'teacher-password-1'],
    ])('answers 401 for %s, with no cookie', async (_name, email, password) => {
      const result = await signInAs(email, password, '10.0.0.3');
      expect(result.status).toBe(401);
      expect(result.cookie).toBeNull();
    });

    it('answers 400 for a malformed body', async () => {
      const response = await signIn(
        apiRequest('/api/instructor/session', { json: { email: 'x' }, headers: { 'x-forwarded-for': '10.0.0.4' } }),
      );
      expect(response.status).toBe(400);
    });

    it('rate-limits sign-in attempts per client', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await signInAs('teacher@example.com', 'wrong-password', '10.0.0.9')).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    });

    it('signs out: the session stops working', async () => {
      const { cookie } = await signInAs('teacher@example.com', 'teacher-password-1', '10.0.0.10');
      expect((await listCohorts(apiRequest('/api/instructor/cohorts', { cookie: cookie! }))).status).toBe(200);
      const out = await signOut(apiRequest('/api/instructor/session', { method: 'DELETE', cookie: cookie! }));
      expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await listCohorts(apiRequest('/api/instructor/cohorts', { cookie: cookie! }))).status).toBe(401);
    });
  });

  describe('cohorts, joining and the dashboard', () => {
    let cohort: { id: string; name: string; code: string; joinUrl: string; shortCode: string; shortJoinUrl: string };
    let ada: ReturnType<typeof learnerCookie>;
    let bo: ReturnType<typeof learnerCookie>;

    beforeAll(async () => {
      ada = learnerCookie();
      bo = learnerCookie();
      const response = await createCohort(apiRequest('/api/instructor/cohorts', { cookie: teacher, json: { name: 'Tuesday class' } }));
      expect(response.status).toBe(201);
      cohort = await response.json();
    });

    it('creates a cohort with an unguessable join link', () => {
      expect(cohort.name).toBe('Tuesday class');
      expect(cohort.code).toMatch(/^[\w-]{22}$/);
      expect(cohort.joinUrl).toBe(`http://localhost:3999/join/${cohort.code}`);
    });

    it('gives every cohort a short, typeable join code as well, in every cohort answer', async () => {
      expect(cohort.shortCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      const shown = `${cohort.shortCode.slice(0, 4)}-${cohort.shortCode.slice(4)}`;
      expect(cohort.shortJoinUrl).toBe(`http://localhost:3999/join/${shown}`);
      const listed = (await (await listCohorts(apiRequest('/api/instructor/cohorts', { cookie: teacher }))).json()).cohorts;
      expect(listed.find((c: { id: string }) => c.id === cohort.id)).toMatchObject({
        code: cohort.code,
        joinUrl: cohort.joinUrl,
        shortCode: cohort.shortCode,
        shortJoinUrl: cohort.shortJoinUrl,
      });
      const one = await (
        await getCohort(apiRequest(`/api/instructor/cohorts/${cohort.id}`, { cookie: teacher }), params({ id: cohort.id }))
      ).json();
      expect(one).toMatchObject({ id: cohort.id, shortCode: cohort.shortCode, joinUrl: cohort.joinUrl, shortJoinUrl: cohort.shortJoinUrl });
      const other = await (
        await createCohort(apiRequest('/api/instructor/cohorts', { cookie: teacher, json: { name: 'Other class' } }))
      ).json();
      expect(other.shortCode).not.toBe(cohort.shortCode);
    });

    it('refuses an empty or oversized cohort name', async () => {
      for (const name of ['', '   ', 'x'.repeat(101)]) {
        expect((await createCohort(apiRequest('/api/instructor/cohorts', { cookie: teacher, json: { name } }))).status).toBe(400);
      }
    });

    it('enrols learners with a good code; refuses unknown codes and bad names', async () => {
      const good = await joinCohort(
        apiRequest('/api/cohorts/join', { cookie: ada.cookie, json: { code: cohort.code, displayName: 'Ada' } }),
      );
      expect(good.status).toBe(200);
      expect(await good.json()).toEqual({ cohort: { name: 'Tuesday class' }, displayName: 'Ada' });
      expect(
        (await joinCohort(apiRequest('/api/cohorts/join', { cookie: bo.cookie, json: { code: cohort.code, displayName: '  Bo  ' } })))
          .status,
      ).toBe(200);

      const unknown = await joinCohort(
        apiRequest('/api/cohorts/join', { cookie: bo.cookie, json: { code: 'not-a-real-code', displayName: 'Bo' } }),
      );
      expect(unknown.status).toBe(404);
      // The short code as a learner types it: any case, with or without the hyphen; not a near miss.
      const typed = `${cohort.shortCode.slice(0, 4).toLowerCase()}-${cohort.shortCode.slice(4)}`;
      const short = await joinCohort(apiRequest('/api/cohorts/join', { cookie: bo.cookie, json: { code: typed, displayName: 'Bo' } }));
      expect(short.status).toBe(200);
      const nearMiss = `${cohort.shortCode.slice(0, 7)}${cohort.shortCode[7] === 'Z' ? 'Y' : 'Z'}`;
      expect(
        (await joinCohort(apiRequest('/api/cohorts/join', { cookie: bo.cookie, json: { code: nearMiss, displayName: 'Bo' } }))).status,
      ).toBe(404);
      for (const displayName of ['x'.repeat(61), '', 'Bo\u0000', 'line\nbreak']) {
        const bad = await joinCohort(apiRequest('/api/cohorts/join', { cookie: bo.cookie, json: { code: cohort.code, displayName } }));
        expect(bad.status).toBe(400);
      }
      // A visitor without a session gets one, and is enrolled with it.
      const anonymous = await joinCohort(apiRequest('/api/cohorts/join', { json: { code: cohort.code, displayName: 'Anon' } }));
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('set-cookie')).toMatch(/^oauthlab_sid=/);
    });

    it('shows every learner with their attempts, and the mistakes with counts', async () => {
      await check(ada.cookie, 'setup', { mode: 'practice' });
      await check(bo.cookie, 'setup', { mode: 'practice' });
      const noOffline =
        'http://localhost:3999/oauth2/default/v1/authorize?response_type=code&scope=api:read&client_id=x&state=abcdefghijklmnopqrstuv';
      expect((await check(ada.cookie, 'authorize-url', { url: noOffline })).status).toBe('fail');
      expect((await check(ada.cookie, 'authorize-url', { url: noOffline })).status).toBe('fail');

      const learners = await (
        await getLearners(apiRequest(`/api/instructor/cohorts/${cohort.id}/learners`, { cookie: teacher }), params({ id: cohort.id }))
      ).json();
      const byName = Object.fromEntries(learners.learners.map((l: { displayName: string }) => [l.displayName, l]));
      expect(Object.keys(byName).sort()).toEqual(['Ada', 'Anon', 'Bo']);
      expect(byName.Ada.currentStep).toBe('authorize-url');
      expect(byName.Ada.steps.setup).toMatchObject({ status: 'pass', attempts: 1 });
      expect(byName.Ada.steps['authorize-url']).toMatchObject({ status: 'fail', attempts: 2 });
      expect(byName.Ada.lastActivityAt).toEqual(expect.any(String));
      expect(byName.Ada.completedAt).toBeNull();
      expect(byName.Bo.steps['authorize-url']).toMatchObject({ status: 'pending', attempts: 0 });
      // Enable refresh tokens (no check): Ada went on to the authorization URL with the grant still off.
      expect(byName.Ada.enable).toEqual({ status: 'skipped' });
      expect(byName.Bo.enable).toEqual({ status: 'pending' });

      const mistakes = await (
        await getMistakes(apiRequest(`/api/instructor/cohorts/${cohort.id}/mistakes`, { cookie: teacher }), params({ id: cohort.id }))
      ).json();
      expect(mistakes.steps['authorize-url']).toContainEqual({ code: 'scope.offline_access_missing', count: 2, learners: 1 });
      expect(mistakes.steps['authorize-url'][0].count).toBeGreaterThanOrEqual(2);
      expect(mistakes.steps.setup).toEqual([]);

      const timeline = await (
        await getTimeline(apiRequest('/x', { cookie: teacher }), params({ id: cohort.id, learnerId: ada.learnerId }))
      ).json();
      expect(timeline.displayName).toBe('Ada');
      expect(timeline).toMatchObject({
        joinedAt: byName.Ada.joinedAt,
        startedAt: timeline.attempts[0].at,
        completedAt: null,
        timeToCompleteSeconds: null,
      });
      expect(byName.Ada.startedAt).toBe(timeline.attempts[0].at);
      expect(byName.Ada.mistakeCodes).toContain('scope.offline_access_missing');
      expect(timeline.attempts.map((a: { step: string; status: string }) => `${a.step}:${a.status}`)).toEqual([
        'setup:pass',
        'authorize-url:fail',
        'authorize-url:fail',
      ]);
    });

    it('exports the table as CSV', async () => {
      const response = await getLearners(
        apiRequest(`/api/instructor/cohorts/${cohort.id}/learners?format=csv`, { cookie: teacher }),
        params({ id: cohort.id }),
      );
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="Tuesday-class.csv"');
      const records = parse(await response.text()) as string[][];
      // In the dashboard's words (issue 20): step titles, Enable among them, and statuses as words.
      expect(records[0]!.slice(0, 7)).toEqual([
        'Display name',
        'Current step',
        'Choose your server: status',
        'Choose your server: attempts',
        'Enable refresh tokens: status',
        'Build the authorization URL: status',
        'Build the authorization URL: attempts',
      ]);
      const ada = records.find((r) => r[0] === 'Ada')!;
      expect(ada.slice(0, 9)).toEqual(['Ada', 'Build the authorization URL', 'pass', '1', 'skipped', 'fail', '2', 'not yet', '0']);
      expect(records).toHaveLength(4);
      const column = (name: string) => ada[records[0]!.indexOf(name)];
      expect(column('Joined at')).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(column('Time to complete')).toBe('');
      expect(column('Stuck')).toBe('no');
      expect(column('Mistake codes')!.split(' ')).toContain('scope.offline_access_missing');
    });

    it('archiving a cohort closes its join link', async () => {
      const archived = await patchCohort(
        apiRequest(`/api/instructor/cohorts/${cohort.id}`, { method: 'PATCH', cookie: teacher, json: { archived: true } }),
        params({ id: cohort.id }),
      );
      expect((await archived.json()).archivedAt).toEqual(expect.any(String));
      const late = learnerCookie();
      for (const code of [cohort.code, cohort.shortCode]) {
        expect(
          (await joinCohort(apiRequest('/api/cohorts/join', { cookie: late.cookie, json: { code, displayName: 'Late' } }))).status,
        ).toBe(404);
      }
      await patchCohort(
        apiRequest(`/api/instructor/cohorts/${cohort.id}`, { method: 'PATCH', cookie: teacher, json: { archived: false } }),
        params({ id: cohort.id }),
      );
    });

    it('isolates instructors and refuses learners and anonymous visitors', async () => {
      const id = cohort.id;
      const endpoints = [
        () => getLearners(apiRequest(`/api/instructor/cohorts/${id}/learners`, { cookie: otherTeacher }), params({ id })),
        () => getMistakes(apiRequest(`/api/instructor/cohorts/${id}/mistakes`, { cookie: otherTeacher }), params({ id })),
        () => getTimeline(apiRequest('/x', { cookie: otherTeacher }), params({ id, learnerId: ada.learnerId })),
        () => patchCohort(apiRequest('/x', { method: 'PATCH', cookie: otherTeacher, json: { archived: true } }), params({ id })),
      ];
      for (const call of endpoints) expect((await call()).status).toBe(404);
      const others = await (await listCohorts(apiRequest('/api/instructor/cohorts', { cookie: otherTeacher }))).json();
      expect(others.cohorts).toEqual([]);

      for (const cookie of [ada.cookie, undefined]) {
        expect((await listCohorts(apiRequest('/api/instructor/cohorts', { cookie }))).status).toBe(401);
        expect((await createCohort(apiRequest('/api/instructor/cohorts', { cookie, json: { name: 'x' } }))).status).toBe(401);
        expect((await getLearners(apiRequest('/x', { cookie }), params({ id }))).status).toBe(401);
        expect((await getMistakes(apiRequest('/x', { cookie }), params({ id }))).status).toBe(401);
        expect((await getTimeline(apiRequest('/x', { cookie }), params({ id, learnerId: ada.learnerId }))).status).toBe(401);
      }
    });
  });

  it('creates the first instructor from INSTRUCTOR_EMAIL / INSTRUCTOR_PASSWORD at start', async () => {
    const { bootstrap } = await import('@/lib/server/bootstrap');
    process.env.INSTRUCTOR_EMAIL = 'first@example.com';
    process.env.INSTRUCTOR_PASSWORD = 'first-password-1';
    resetEnvCache();
    try {
      await bootstrap();
      expect((await signInAs('first@example.com', 'first-password-1', '10.0.0.77')).status).toBe(200);
    } finally {
      delete process.env.INSTRUCTOR_EMAIL;
      delete process.env.INSTRUCTOR_PASSWORD;
      resetEnvCache();
    }
  });
});
