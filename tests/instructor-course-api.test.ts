import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as joinCohort } from '@/app/api/cohorts/join/route';
import { POST as runLegacyCheck } from '@/app/api/exercise/[step]/route';
import { POST as runCheck } from '@/app/api/exercises/[exercise]/[step]/route';
import { GET as getCourse } from '@/app/api/instructor/cohorts/[id]/course/route';
import { GET as getTimeline } from '@/app/api/instructor/cohorts/[id]/learners/[learnerId]/route';
import { GET as getLearners } from '@/app/api/instructor/cohorts/[id]/learners/route';
import { GET as getMistakes } from '@/app/api/instructor/cohorts/[id]/mistakes/route';
import { GET as getCohort, PATCH as patchCohort } from '@/app/api/instructor/cohorts/[id]/route';
import { POST as createCohort } from '@/app/api/instructor/cohorts/route';
import { POST as signIn } from '@/app/api/instructor/session/route';
import { DEFAULT_COHORT_EXERCISES } from '@/lib/cohorts/exercises';
import { createInstructor } from '@/lib/instructors/store';
import { useTempDatabase } from './support/db';
import { apiRequest, learnerCookie } from './support/requests';

type Temp = Awaited<ReturnType<typeof useTempDatabase>>;
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

describe('instructor API: a cohort’s exercises and the course view', () => {
  let temp: Temp;
  let teacher: string;
  let other: string;
  let cohortId: string;
  const ada = { cookie: '', learnerId: '' };
  const bo = { cookie: '', learnerId: '' };

  const signInAs = async (email: string, password: string, ip: string) => {
    const response = await signIn(apiRequest('/api/instructor/session', { json: { email, password }, headers: { 'x-forwarded-for': ip } }));
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };
  const create = (json: unknown, cookie = teacher) => createCohort(apiRequest('/api/instructor/cohorts', { cookie, json }));
  const patch = (id: string, json: unknown, cookie = teacher) =>
    patchCohort(apiRequest(`/api/instructor/cohorts/${id}`, { method: 'PATCH', cookie, json }), params({ id }));
  const get = (handler: typeof getCourse, path: string, cookie = teacher) =>
    handler(apiRequest(`/api/instructor/cohorts/${cohortId}${path}`, { cookie }), params({ id: cohortId }));

  beforeAll(async () => {
    temp = await useTempDatabase();
    await createInstructor(temp.db, 'course@example.com', 'course-password-1');
    await createInstructor(temp.db, 'other@example.com', 'other-password-12');
    teacher = await signInAs('course@example.com', 'course-password-1', '10.1.0.1');
    other = await signInAs('other@example.com', 'other-password-12', '10.1.0.2');
    const response = await create({ name: 'Course class', exercises: ['getting-started', 'refresh'] });
    expect(response.status).toBe(201);
    const cohort = await response.json();
    expect(cohort.exercises).toEqual(['getting-started', 'refresh']);
    cohortId = cohort.id;
    for (const [learner, name] of [
      [ada, 'Ada'],
      [bo, 'Bo'],
    ] as const) {
      Object.assign(learner, learnerCookie());
      const joined = await joinCohort(
        apiRequest('/api/cohorts/join', { cookie: learner.cookie, json: { code: cohort.code, displayName: name } }),
      );
      expect(joined.status).toBe(200);
    }
    // Ada: the server (Refresh Tokens' setup page), a wrong authorization URL, then Getting Started's setup (the engine's API).
    await runLegacyCheck(apiRequest('/api/exercise/setup', { cookie: ada.cookie, json: { mode: 'practice' } }), params({ step: 'setup' }));
    const noOffline =
      'http://localhost:3999/oauth2/default/v1/authorize?response_type=code&scope=api:read&client_id=x&state=abcdefghijklmnopqrstuv';
    await runLegacyCheck(
      apiRequest('/api/exercise/authorize-url', { cookie: ada.cookie, json: { url: noOffline } }),
      params({ step: 'authorize-url' }),
    );
    const gs = await runCheck(
      apiRequest('/api/exercises/getting-started/setup', { cookie: ada.cookie, json: { mode: 'practice' } }),
      params({ exercise: 'getting-started', step: 'setup' }),
    );
    expect((await gs.json()).status).toBe('pass');
  });
  afterAll(() => temp.cleanup());

  it('defaults to every built exercise, in course order', async () => {
    const cohort = await (await create({ name: 'Default class' })).json();
    expect(cohort.exercises).toEqual([...DEFAULT_COHORT_EXERCISES]);
  });

  it('refuses unknown and coming exercises with a 400 that names them, and repeats or none', async () => {
    const unknown = await create({ name: 'Bad class', exercises: ['refresh', 'nope', 'spa'] });
    expect(unknown.status).toBe(400);
    const body = await unknown.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('"nope"');
    expect(body.error.message).toContain('"spa"');
    expect(body.error.message).not.toContain('"refresh"');
    for (const exercises of [[], ['refresh', 'refresh'], 'refresh', [42]]) {
      expect((await patch(cohortId, { exercises })).status).toBe(400);
    }
    const patched = await patch(cohortId, { exercises: ['web', 'unknown-one'] });
    expect(patched.status).toBe(400);
    expect((await patched.json()).error.message).toContain('"unknown-one"');
    expect((await patch(cohortId, {})).status).toBe(400);
  });

  it('reorders a cohort’s exercises, for its owner only', async () => {
    const reordered = await patch(cohortId, { exercises: ['refresh', 'getting-started'] });
    expect(reordered.status).toBe(200);
    expect((await reordered.json()).exercises).toEqual(['refresh', 'getting-started']);
    expect((await patch(cohortId, { exercises: ['web'] }, other)).status).toBe(404);
    const back = await patch(cohortId, { exercises: ['getting-started', 'refresh'] });
    expect((await back.json()).exercises).toEqual(['getting-started', 'refresh']);
    const one = await (
      await getCohort(apiRequest(`/api/instructor/cohorts/${cohortId}`, { cookie: teacher }), params({ id: cohortId }))
    ).json();
    expect(one.exercises).toEqual(['getting-started', 'refresh']);
    // Archiving still works beside it, and both at once.
    const both = await (await patch(cohortId, { archived: true, exercises: ['getting-started', 'refresh'] })).json();
    expect(both.archivedAt).toEqual(expect.any(String));
    expect((await (await patch(cohortId, { archived: false })).json()).archivedAt).toBeNull();
  });

  it('shows the course view: a learner × exercise table in the cohort’s order', async () => {
    const response = await get(getCourse, '/course');
    expect(response.status).toBe(200);
    const course = await response.json();
    expect(course.exercises.map((e: { id: string }) => e.id)).toEqual(['getting-started', 'refresh']);
    expect(course.exercises[0].steps.map((s: { id: string }) => s.id)).toEqual(['setup', 'discovery']);
    const byName = Object.fromEntries(course.learners.map((l: { displayName: string }) => [l.displayName, l]));
    expect(byName.Ada.exercises).toEqual([
      expect.objectContaining({
        exercise: 'getting-started',
        status: 'in_progress',
        stepsDone: 1,
        steps: 2,
        attempts: 1,
        completedAt: null,
      }),
      expect.objectContaining({
        exercise: 'refresh',
        status: 'in_progress',
        stepsDone: 1,
        steps: 5,
        attempts: 2,
        timeToCompleteSeconds: null,
      }),
    ]);
    expect(byName.Ada.exercises[1].startedAt).toEqual(expect.any(String));
    expect(byName.Ada.completed).toBe(0);
    expect(byName.Bo.exercises.map((c: { status: string }) => c.status)).toEqual(['not_started', 'not_started']);
    expect(byName.Bo.lastActivityAt).toBe(byName.Bo.joinedAt);
  });

  it('exports the course as CSV: one record per learner and exercise', async () => {
    const response = await get(getCourse, '/course?format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Course-class-course.csv"');
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      '"Display name","Exercise","Status","Steps done","Steps","Attempts","Started at","Completed at","Time to complete"',
    );
    const records = parse(text) as string[][];
    expect(records).toHaveLength(1 + 2 * 2);
    expect(records.filter((r) => r[0] === 'Ada').map((r) => r.slice(0, 6))).toEqual([
      ['Ada', 'Getting Started', 'in progress', '1', '2', '1'],
      ['Ada', 'Refresh Tokens', 'in progress', '1', '5', '2'],
    ]);
    expect(records.find((r) => r[0] === 'Bo')!.slice(2, 9)).toEqual(['not started', '0', '2', '0', '', '', '']);
  });

  it('shows any exercise’s view: its checked steps as columns; Refresh Tokens as before', async () => {
    const gs = await (await get(getLearners, '/learners?exercise=getting-started')).json();
    expect(gs.exercise).toEqual({
      id: 'getting-started',
      title: 'Getting Started',
      steps: [
        { id: 'setup', title: 'Choose your server' },
        { id: 'discovery', title: 'Find the endpoints' },
      ],
    });
    const adaRow = gs.learners.find((l: { displayName: string }) => l.displayName === 'Ada');
    expect(adaRow.currentStep).toBe('discovery');
    expect(Object.keys(adaRow.steps)).toEqual(['setup', 'discovery']);
    expect(adaRow.steps.setup).toEqual({ status: 'pass', attempts: 1, failures: 0 });
    expect(adaRow).not.toHaveProperty('enable');

    const refresh = await (await get(getLearners, '/learners')).json();
    const adaRefresh = refresh.learners.find((l: { displayName: string }) => l.displayName === 'Ada');
    expect(adaRefresh.enable).toEqual({ status: 'skipped' });
    expect(adaRefresh.steps['authorize-url']).toMatchObject({ status: 'fail', attempts: 1 });

    const csv = await get(getLearners, '/learners?exercise=getting-started&format=csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="Course-class-getting-started.csv"');
    const records = parse(await csv.text()) as string[][];
    expect(records[0]!.slice(0, 6)).toEqual([
      'Display name',
      'Current step',
      'Choose your server: status',
      'Choose your server: attempts',
      'Find the endpoints: status',
      'Find the endpoints: attempts',
    ]);
    expect(records.find((r) => r[0] === 'Ada')!.slice(0, 6)).toEqual(['Ada', 'Find the endpoints', 'pass', '1', 'not yet', '0']);

    const unknown = await get(getLearners, '/learners?exercise=spa');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain('"spa"');
  });

  it('counts mistakes per exercise', async () => {
    const refresh = await (await get(getMistakes, '/mistakes')).json();
    expect(refresh.steps['authorize-url']).toContainEqual({ code: 'scope.offline_access_missing', count: 1, learners: 1 });
    const gs = await (await get(getMistakes, '/mistakes?exercise=getting-started')).json();
    expect(gs).toEqual({ exercise: 'getting-started', steps: { setup: [], discovery: [] } });
  });

  it('labels each attempt of a learner’s timeline with its exercise, and filters by exercise', async () => {
    const timelineOf = async (query: string) =>
      (
        await getTimeline(
          apiRequest(`/api/instructor/cohorts/${cohortId}/learners/${ada.learnerId}${query}`, { cookie: teacher }),
          params({ id: cohortId, learnerId: ada.learnerId }),
        )
      ).json();
    const all = await timelineOf('');
    expect(all.attempts.map((a: { exercise: string; step: string }) => `${a.exercise}/${a.step}`)).toEqual([
      'refresh/setup',
      'refresh/authorize-url',
      'getting-started/setup',
    ]);
    expect(all.exercises.map((c: { exercise: string; status: string }) => `${c.exercise}:${c.status}`)).toEqual([
      'getting-started:in_progress',
      'refresh:in_progress',
    ]);
    const gs = await timelineOf('?exercise=getting-started');
    expect(gs.exercise).toBe('getting-started');
    expect(gs.attempts).toHaveLength(1);
    expect(gs.startedAt).toBe(gs.attempts[0].at);
  });

  it('keeps the course view to its owner', async () => {
    expect((await get(getCourse, '/course', other)).status).toBe(404);
    expect((await get(getCourse, '/course', ada.cookie)).status).toBe(401);
    expect((await get(getCourse, '/course', '')).status).toBe(401);
  });

  it('scales to a class of 300: no learner left out of the course view or its CSV', async () => {
    const big = await (await create({ name: 'Lecture hall', capacity: 1000, exercises: ['getting-started', 'refresh'] })).json();
    const at = new Date(Date.UTC(2026, 0, 5, 9)).toISOString();
    const learners = Array.from({ length: 300 }, (_, i) => `big-${String(i).padStart(3, '0')}`);
    await temp.db
      .insertInto('learners')
      .values(learners.map((id) => ({ id, created_at: at, last_seen_at: at })))
      .execute();
    await temp.db
      .insertInto('cohort_members')
      .values(learners.map((id, i) => ({ cohort_id: big.id, learner_id: id, display_name: `Learner ${i}`, joined_at: at })))
      .execute();
    await temp.db
      .insertInto('exercise_runs')
      .values(
        learners
          .filter((_, i) => i % 3 === 0)
          .map((id) => ({ learner_id: id, exercise: 'refresh', started_at: at, updated_at: at, completed_at: at })),
      )
      .execute();
    const started = performance.now();
    const course = await (
      await getCourse(apiRequest(`/api/instructor/cohorts/${big.id}/course`, { cookie: teacher }), params({ id: big.id }))
    ).json();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(course.learners).toHaveLength(300);
    expect(course.learners.filter((l: { completed: number }) => l.completed === 1)).toHaveLength(100);
    const csv = await getCourse(
      apiRequest(`/api/instructor/cohorts/${big.id}/course?format=csv`, { cookie: teacher }),
      params({ id: big.id }),
    );
    expect(parse(await csv.text())).toHaveLength(1 + 600);
    const refresh = await (
      await getLearners(apiRequest(`/api/instructor/cohorts/${big.id}/learners`, { cookie: teacher }), params({ id: big.id }))
    ).json();
    expect(refresh.learners).toHaveLength(300);
  });
});
