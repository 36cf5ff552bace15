/**
 * The course's HTTP API end to end (issue 21): real route handlers, a real database and the
 * real practice server. One learner does Getting Started and the Web App exercise; Refresh
 * Tokens then opens without choosing the server again. The tests run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as photosGet, POST as photosPost } from '@/app/api/practice/photos/route';
import { findPracticeAppByClientId } from '@/lib/db/practice-clients';
import { POST as postExerciseRecord } from '@/app/api/exercises/[exercise]/completion-record/route';
import { POST as postCourseRecord } from '@/app/api/exercises/completion-record/route';
import { getEnv } from '@/lib/env';
import { findCompletionRecord } from '@/lib/progress/completion-records';
import { buildAuthorizeUrl, failingCodesOf, readProgress, signInAt, tokenEndpoint } from './support/exercise-api';
import { callCourseStep, courseCheck, readCourse, readExercise, resetExercise } from './support/course-api';
import { nextLike } from './support/next-like';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { apiRequest, learnerCookie } from './support/requests';

describe('course API: Getting Started, then the Web App, then Refresh Tokens without a second server choice', () => {
  let server: PracticeServerHandle;
  let cookie: string;
  let app: { clientId: string; clientSecret: string; redirectUris: string[] };
  let accessToken: string;

  beforeAll(async () => {
    server = await startPracticeServer({ next: nextLike({ '/api/practice/photos': { GET: photosGet, POST: photosPost } }) });
    cookie = learnerCookie().cookie;
  }, 60_000);
  afterAll(() => server?.stop());

  const user = () => ({ username: getEnv().PRACTICE_DEMO_USER, password: getEnv().PRACTICE_DEMO_PASSWORD });

  it('lists the whole course, built and coming, with nothing started', async () => {
    const course = await readCourse(cookie);
    expect(course.provider).toBeNull();
    expect(course.exercises.map((e) => e.id)).toEqual([
      'getting-started',
      'web',
      'spa',
      'native',
      'service',
      'refresh',
      'openid',
      'device',
      'revoke',
      'api',
      'challenge',
    ]);
    expect(course.exercises.find((e) => e.id === 'spa')).toMatchObject({ status: 'coming', steps: [] });
    expect(course.exercises.find((e) => e.id === 'web')).toMatchObject({
      status: 'not_started',
      prerequisites: [{ id: 'getting-started', completed: false }],
      steps: [{ id: 'authorize-url' }, { id: 'redirect' }, { id: 'token-response' }, { id: 'api-call' }],
    });
    expect(course.built).toBe(4);
  });

  it('refuses a step before a server is chosen (409, saying where to choose) and unknown exercises or steps (404)', async () => {
    const early = await callCourseStep('web', 'authorize-url', { cookie, json: { url: 'https://example.com' } });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toContain('Choose your server');
    expect((await callCourseStep('nope', 'setup', { cookie, json: {} })).status).toBe(404);
    expect((await callCourseStep('spa', 'setup', { cookie, json: {} })).status).toBe(404);
    expect((await callCourseStep('web', 'nope', { cookie, json: {} })).status).toBe(404);
    expect((await callCourseStep('getting-started', 'setup', { cookie, json: { mode: 'nonsense' } })).status).toBe(400);
  });

  it('does Getting Started: the practice server, then its endpoints — a mistake first', async () => {
    const setup = await courseCheck('getting-started', 'setup', cookie, { mode: 'practice' });
    expect(setup.status).toBe('pass');
    const issuer = server.issuer;
    const wrong = await courseCheck('getting-started', 'discovery', cookie, {
      issuer,
      authorizationEndpoint: issuer,
      tokenEndpoint: `${issuer}/v1/token`,
      jwksUri: `${issuer}/v1/keys`,
      scope: 'openid',
    });
    expect(wrong.status).toBe('fail');
    expect(failingCodesOf(wrong)).toEqual(expect.arrayContaining(['discovery.scope_standard']));
    const right = await courseCheck('getting-started', 'discovery', cookie, {
      issuer,
      authorizationEndpoint: `${issuer}/v1/authorize`,
      tokenEndpoint: `${issuer}/v1/token`,
      jwksUri: `${issuer}/v1/keys`,
      scope: 'api:read',
    });
    expect(right.status, JSON.stringify(right.results)).toBe('pass');
    const gettingStarted = await readExercise('getting-started', cookie);
    expect(gettingStarted).toMatchObject({ status: 'completed', stepsDone: 2, currentStep: null });
    expect(gettingStarted.completedAt).not.toBeNull();
  });

  it('does the Web App: api:read in the URL, a login, the code exchange without a refresh token, and a call to the API', async () => {
    const course = await readCourse(cookie);
    expect(course.provider).toMatchObject({ mode: 'practice', issuer: server.issuer });
    app = (await findPracticeAppByClientId(server.db, (course.provider as { clientId: string }).clientId))!;
    const redirectUri = `${server.baseUrl}/redirect`;

    const offlineOnly = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri }, { scope: 'openid' });
    expect(failingCodesOf(await courseCheck('web', 'authorize-url', cookie, { url: offlineOnly.url }))).toEqual(['scope.required_missing']);
    const authorize = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri }, { scope: 'openid api:read' });
    expect((await courseCheck('web', 'authorize-url', cookie, { url: authorize.url })).status).toBe('pass');

    const callback = await signInAt(server.baseUrl, authorize.url.replace(/\s+/g, ''), user());
    expect((await courseCheck('web', 'redirect', cookie, { url: callback.href })).status).toBe('pass');
    // The Refresh exercise's redirect step does not know this login's state: the exercises keep their own artefacts.
    expect((await readProgress(cookie)).steps.redirect.status).toBe('pending');

    const exchange = await tokenEndpoint(server.issuer, app, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: redirectUri,
      code_verifier: authorize.verifier,
    });
    const token = await courseCheck('web', 'token-response', cookie, { response: exchange.text });
    expect(token.status, JSON.stringify(token.results)).toBe('pass');
    accessToken = (JSON.parse(exchange.text) as { access_token: string }).access_token;

    const before = await courseCheck('web', 'api-call', cookie, {});
    expect(before.status).toBe('fail');
    expect(failingCodesOf(before)).toEqual(['api_call.none_observed']);
    const call = await fetch(`${server.baseUrl}/api/practice/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(call.status).toBe(200);
    expect((await courseCheck('web', 'api-call', cookie, {})).status).toBe('pass');
    expect(await readExercise('web', cookie)).toMatchObject({ status: 'completed', stepsDone: 4 });
  }, 60_000);

  it('opens Refresh Tokens with the server already chosen, its own steps pending', async () => {
    const progress = await readProgress(cookie);
    expect(progress.provider).toMatchObject({ mode: 'practice' });
    expect(progress.steps.setup.status).toBe('pass');
    expect(progress.currentStep).toBe('authorize-url');
    const course = await readCourse(cookie);
    expect(course.completed).toBe(2);
    expect(course.exercises.find((e) => e.id === 'refresh')).toMatchObject({
      status: 'not_started',
      stepsDone: 1,
      currentStep: 'authorize-url',
    });
  });

  it('does Machine to Machine: My Service App, a token with the web app’s credentials refused, then the right one', async () => {
    expect((await callCourseStep('service', 'token-response', { cookie, json: { response: '{}' } })).status).toBe(409);
    const created = await courseCheck('service', 'app', cookie, {});
    expect(created.status).toBe('pass');
    expect(created.results[0]!.message).toContain('My Service App');
    const service = (await findPracticeAppByClientId(server.db, /client ID (\S+)\./.exec(created.results[0]!.message)![1]!))!;
    expect(service.type).toBe('service');
    expect(service.grantTypes).toEqual(['client_credentials']);

    const withWebApp = await tokenEndpoint(server.issuer, app, { grant_type: 'client_credentials', scope: 'api:read' });
    const refused = await courseCheck('service', 'token-response', cookie, { response: withWebApp.text });
    expect(failingCodesOf(refused)).toEqual(['client_credentials.grant_not_allowed']);
    const noScope = await tokenEndpoint(server.issuer, service, { grant_type: 'client_credentials' });
    expect(noScope.status).toBe(400);
    expect(failingCodesOf(await courseCheck('service', 'token-response', cookie, { response: noScope.text }))).toEqual([
      'client_credentials.scope_missing',
    ]);
    const right = await tokenEndpoint(server.issuer, service, { grant_type: 'client_credentials', scope: 'api:read' });
    expect(right.status).toBe(200);
    const passed = await courseCheck('service', 'token-response', cookie, { response: right.text });
    expect(passed.status, JSON.stringify(passed.results)).toBe('pass');
    expect(await readExercise('service', cookie)).toMatchObject({ status: 'completed', stepsDone: 2 });
  });

  it('records a completed exercise for sharing, and the course only once every exercise is done', async () => {
    const exerciseRecord = await postExerciseRecord(
      apiRequest('/api/exercises/web/completion-record', { method: 'POST', cookie, json: { displayName: 'Ada' } }),
      { params: Promise.resolve({ exercise: 'web' }) },
    );
    expect(exerciseRecord.status).toBe(201);
    const { url, record } = (await exerciseRecord.json()) as { url: string; record: { id: string; title: string; steps: string[] } };
    expect(url).toContain(`/completions/${record.id}`);
    expect(record).toMatchObject({ exercise: 'web', title: 'Web App', displayName: 'Ada', serverKind: 'practice' });
    expect(record.steps).toEqual(['Build the authorization URL', 'Capture the authorization code', 'Exchange the code', 'Call the API']);
    expect(JSON.stringify(await findCompletionRecord(server.db, record.id))).not.toContain(accessToken.slice(0, 40));

    const early = await postCourseRecord(apiRequest('/api/exercises/completion-record', { method: 'POST', cookie, json: {} }));
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toContain('Refresh Tokens');
    const notDone = await postExerciseRecord(apiRequest('/api/exercises/refresh/completion-record', { method: 'POST', cookie, json: {} }), {
      params: Promise.resolve({ exercise: 'refresh' }),
    });
    expect(notDone.status).toBe(409);
  });

  it('resets one exercise only: the server and the other exercises stay', async () => {
    const response = await resetExercise('web', cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'not_started', stepsDone: 0, provider: { mode: 'practice' } });
    const course = await readCourse(cookie);
    expect(course.exercises.find((e) => e.id === 'getting-started')?.status).toBe('completed');
    expect(course.provider).not.toBeNull();
    expect((await resetExercise('spa', cookie)).status).toBe(404);
  });
});
