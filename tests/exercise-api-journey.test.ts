/**
 * The exercise's HTTP API end to end for one learner: real route handlers with real
 * Requests, a real SQLite file, and the real practice server on a loopback port issuing
 * real codes and tokens. The tests in this file run in order: the journey produces the
 * tokens that the security-at-rest and restart tests look for afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPracticeApp, PATCH as patchPracticeApp } from '@/app/api/practice/app/route';
import { closeDb, getDb } from '@/lib/db/client';
import { getEnv, resetEnvCache } from '@/lib/env';
import { SHOWN_CLAIMS } from '@/lib/progress/stored-claims';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { apiRequest, learnerCookie } from './support/requests';
import {
  buildAuthorizeUrl,
  check,
  codesOf,
  failingCodesOf,
  nextSecond,
  readProgress,
  signInAt,
  tokenEndpoint,
  type ProgressJson,
} from './support/exercise-api';

interface AppView {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  grantTypes: string[];
  issuer: string;
}

describe('exercise API: a whole practice journey', () => {
  let server: PracticeServerHandle;
  let learner: ReturnType<typeof learnerCookie>;
  let app: AppView;
  /** Every credential the journey handled: none may be stored by the exercise. */
  const secrets: { name: string; value: string }[] = [];
  let progressAtEnd: ProgressJson;
  /** The code exchange's response, as pasted in the token step. */
  let firstResponseText: string;

  beforeAll(async () => {
    server = await startPracticeServer();
    learner = learnerCookie();
  });
  afterAll(() => server.stop());

  const demoUser = () => ({ username: getEnv().PRACTICE_DEMO_USER, password: getEnv().PRACTICE_DEMO_PASSWORD });

  it("goes setup → authorize-url → redirect → token-response → refresh-response, with the learner's mistakes on the way", async () => {
    const { cookie } = learner;

    // Before anything: every step pending, no provider.
    const empty = await readProgress(cookie);
    expect(empty).toMatchObject({ provider: null, completedAt: null, stepsDone: 0, currentStep: 'setup' });
    expect(Object.values(empty.steps).every((s) => s.status === 'pending' && s.attempts === 0)).toBe(true);

    // The learner's practice app; Refresh Token starts unticked, they tick it in the console.
    app = (await (await getPracticeApp(apiRequest('/api/practice/app', { cookie }))).json()) as AppView;
    expect(app.grantTypes).toEqual(['authorization_code']);
    const patched = await patchPracticeApp(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { grantTypes: ['authorization_code', 'refresh_token'] } }),
    );
    expect(patched.status).toBe(200);
    secrets.push({ name: 'client secret', value: app.clientSecret });

    // 0. Setup: the practice server.
    const setup = await check('setup', cookie, { mode: 'practice' });
    expect(setup.status).toBe('pass');
    expect(setup.provider).toMatchObject({ mode: 'practice', issuer: server.issuer, clientId: app.clientId });

    // 2. The authorization URL: first without offline_access (fail, no login link), then right.
    const redirectUri = app.redirectUris[0]!;
    expect(redirectUri).toBe(`${server.baseUrl}/redirect`);
    const noOffline = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri }, { scope: 'api:read' });
    const badUrl = await check('authorize-url', cookie, { url: noOffline.url });
    expect(badUrl.status).toBe('fail');
    expect(failingCodesOf(badUrl)).toEqual(['scope.offline_access_missing']);
    expect(badUrl.loginUrl).toBeUndefined();
    const failing = badUrl.results.find((r) => r.code === 'scope.offline_access_missing');
    expect(failing).toMatchObject({ check: 'scope', status: 'fail', message: expect.any(String), hint: expect.any(String) });

    const authorize = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri });
    const goodUrl = await check('authorize-url', cookie, { url: authorize.url });
    expect(goodUrl.status).toBe('pass');
    expect(typeof goodUrl.loginUrl).toBe('string');
    const loginUrl = new URL(goodUrl.loginUrl as string);
    expect(loginUrl.origin).toBe(server.baseUrl);
    expect(loginUrl.searchParams.get('state')).toBe(authorize.state);
    expect(loginUrl.searchParams.get('scope')).toBe('offline_access api:read');

    // 3. Log in for real at exactly the "Log In" link; the server redirects with code and state.
    const callback = await signInAt(server.baseUrl, loginUrl.href, demoUser());
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    const code = callback.searchParams.get('code')!;
    expect(code).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(authorize.state);
    secrets.push({ name: 'authorization code', value: code });

    const wrongState = await check('redirect', cookie, { code, state: 'not-the-state-i-sent-123' });
    expect(wrongState.status).toBe('fail');
    expect(failingCodesOf(wrongState)).toContain('redirect.state_mismatch');

    const redirect = await check('redirect', cookie, { code, state: authorize.state });
    expect(redirect.status).toBe('pass');
    const pastedUrl = await check('redirect', cookie, { url: callback.href });
    expect(pastedUrl.status).toBe('pass');

    // 4. Exchange the code at the real token endpoint, as the step's curl command does.
    const exchange = await tokenEndpoint(server.issuer, app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: authorize.verifier,
    });
    expect(exchange.status, exchange.text).toBe(200);
    const first = JSON.parse(exchange.text) as { access_token: string; refresh_token: string; token_type: string };
    expect(first.refresh_token).toBeTruthy();
    secrets.push({ name: 'first access token', value: first.access_token }, { name: 'first refresh token', value: first.refresh_token });
    firstResponseText = exchange.text;

    // Before any token response passed, a refresh response has nothing to compare with.
    const tooEarly = await check('refresh-response', cookie, { response: exchange.text });
    expect(tooEarly.status).toBe('fail');
    expect(failingCodesOf(tooEarly)).toContain('refresh.no_first_response');

    // A real server error pasted: a made-up code answers invalid_grant.
    const rejected = await tokenEndpoint(server.issuer, app, {
      grant_type: 'authorization_code',
      code: 'not-a-code-the-server-issued',
      redirect_uri: redirectUri,
      code_verifier: authorize.verifier,
    });
    expect(rejected.status).toBe(400);
    expect(JSON.parse(rejected.text)).toMatchObject({ error: 'invalid_grant' });
    const errorReport = await check('token-response', cookie, { response: rejected.text });
    expect(errorReport.status).toBe('fail');
    expect(failingCodesOf(errorReport)).toEqual(['response.error']);
    expect(errorReport.claims).toBeNull();

    const token = await check('token-response', cookie, { response: exchange.text });
    expect(token.status, JSON.stringify(codesOf(token))).toBe('pass');
    const claims = token.claims as { header: Record<string, unknown>; payload: Record<string, unknown> };
    expect(claims.header.alg).toBe('RS256');
    expect(claims.payload).toMatchObject({ iss: server.issuer, aud: 'api://default', cid: app.clientId, sub: getEnv().PRACTICE_DEMO_USER });
    expect(claims.payload.scp).toEqual(expect.arrayContaining(['offline_access', 'api:read']));

    // 5. Mistakes on the refresh step: the first response again, then a second login's tokens.
    const sameAgain = await check('refresh-response', cookie, { response: exchange.text });
    expect(sameAgain.status).toBe('fail');
    expect(failingCodesOf(sameAgain)).toContain('refresh.same_response');

    await nextSecond();
    const secondLogin = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri });
    const secondCallback = await signInAt(server.baseUrl, secondLogin.url.replace(/\s+/g, ''), demoUser());
    const secondCode = secondCallback.searchParams.get('code')!;
    const relogin = await tokenEndpoint(server.issuer, app, {
      grant_type: 'authorization_code',
      code: secondCode,
      redirect_uri: redirectUri,
      code_verifier: secondLogin.verifier,
    });
    expect(relogin.status, relogin.text).toBe(200);
    const reloginBody = JSON.parse(relogin.text) as { access_token: string; refresh_token: string };
    secrets.push(
      { name: 'second code', value: secondCode },
      { name: 'second login access token', value: reloginBody.access_token },
      { name: 'second login refresh token', value: reloginBody.refresh_token },
    );
    const notRefreshed = await check('refresh-response', cookie, { response: relogin.text });
    expect(notRefreshed.status).toBe('fail');
    expect(failingCodesOf(notRefreshed)).toEqual(['refresh.not_from_refresh_grant']);

    // The real refresh, at least one second after the first token (iat has second resolution).
    await nextSecond();
    const refreshed = await tokenEndpoint(server.issuer, app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status, refreshed.text).toBe(200);
    const refreshedBody = JSON.parse(refreshed.text) as { access_token: string; refresh_token?: string };
    secrets.push({ name: 'refreshed access token', value: refreshedBody.access_token });
    if (refreshedBody.refresh_token) secrets.push({ name: 'refreshed refresh token', value: refreshedBody.refresh_token });

    const refresh = await check('refresh-response', cookie, { response: refreshed.text });
    expect(refresh.status, JSON.stringify(codesOf(refresh))).toBe('pass');
    expect(codesOf(refresh)).toContain('refresh.not_rotated');
    expect(refresh.rotated).toBe(false);
    expect((refresh.claims as { payload: Record<string, unknown> }).payload).toMatchObject({ cid: app.clientId, iss: server.issuer });

    // The progress: every step passes, attempts counted, completed, provider without secrets.
    const progress = await readProgress(cookie);
    expect(progress.steps).toEqual({
      setup: { status: 'pass', attempts: 1 },
      'authorize-url': { status: 'pass', attempts: 2 },
      redirect: { status: 'pass', attempts: 3 },
      'token-response': { status: 'pass', attempts: 2 },
      // Every attempt counts, the early one (refresh.no_first_response) included.
      'refresh-response': { status: 'pass', attempts: 4 },
    });
    expect(progress).toMatchObject({ stepsDone: 5, currentStep: null });
    expect(progress.completedAt).toEqual(expect.any(String));
    expect(new Date(progress.completedAt!).toISOString()).toBe(progress.completedAt);
    expect(progress.provider).toMatchObject({
      mode: 'practice',
      issuer: server.issuer,
      clientId: app.clientId,
      authorizationEndpoint: `${server.issuer}/v1/authorize`,
      tokenEndpoint: `${server.issuer}/v1/token`,
    });
    const progressText = JSON.stringify(progress);
    expect(progressText).not.toMatch(/secret/i);
    for (const secret of secrets) expect(progressText, secret.name).not.toContain(secret.value);
    progressAtEnd = progress;
  });

  it('keeps no code, access token or refresh token in the database (SQLite: the file and its WAL; Postgres: pg_dump)', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    const bytes = await server.temp.copyOfDatabase();
    // Positive control: the practice app's own secret is kept by design (the console shows it),
    // so the scan does see what the database holds.
    expect(bytes.includes(app.clientSecret)).toBe(true);
    for (const secret of secrets) {
      if (secret.name === 'client secret') continue;
      expect(bytes.includes(secret.value), `${secret.name} found at rest`).toBe(false);
      if (secret.value.split('.').length === 3) {
        // Not even the signature of a JWT: header and payload are claims, the signature makes it usable.
        expect(bytes.includes(secret.value.split('.')[2]!), `${secret.name} signature found at rest`).toBe(false);
      }
    }
  });

  it('logs each attempt with codes and decoded claims only, never a token string', async () => {
    const db = await getDb();
    const attempts = await db
      .selectFrom('exercise_attempts')
      .selectAll()
      .where('learner_id', '=', learner.learnerId)
      .orderBy('created_at')
      .execute();
    expect(attempts).toHaveLength(12);
    const withClaims = attempts.filter((a) => a.claims !== null);
    // The passed token response, and every refresh response that held a token (the invalid_grant paste had none).
    expect(withClaims.map((a) => a.step).sort()).toEqual([
      'refresh-response',
      'refresh-response',
      'refresh-response',
      'refresh-response',
      'token-response',
    ]);
    for (const attempt of withClaims) {
      const claims = JSON.parse(attempt.claims!) as Record<string, unknown>;
      expect(claims).toMatchObject({ iss: server.issuer, cid: app.clientId, aud: 'api://default' });
      // Only the claims the instructor's timeline shows are kept (issue 8: uncapped claims filled the database).
      expect(Object.keys(claims).every((name) => (SHOWN_CLAIMS as readonly string[]).includes(name))).toBe(true);
      expect(claims.jti).toBeUndefined();
      for (const secret of secrets) expect(attempt.claims, secret.name).not.toContain(secret.value);
    }
    expect(attempts.find((a) => a.step === 'authorize-url' && a.status === 'fail')?.codes).toBe(
      JSON.stringify(['scope.offline_access_missing']),
    );
  });

  it('keeps the progress across a restart (database closed and reopened on the same file)', async () => {
    await closeDb();
    await server.restart();
    expect(await readProgress(learner.cookie)).toEqual(progressAtEnd);

    // And the exercise goes on working on the reopened database.
    const again = await check('redirect', learner.cookie, { code: 'another-code', state: 'wrong-state-after-restart' });
    expect(failingCodesOf(again)).toContain('redirect.state_mismatch');
    // Recorded, but a passed step stays passed.
    expect((await readProgress(learner.cookie)).steps.redirect).toEqual({ status: 'pass', attempts: 4 });
  });

  it("refuses another learner's tokens: they belong to another app", async () => {
    const before = await readProgress(learner.cookie);
    const other = learnerCookie();
    expect((await check('setup', other.cookie, { mode: 'practice' })).status).toBe('pass');
    const pasted = await check('token-response', other.cookie, { response: firstResponseText });
    expect(pasted.status).toBe('fail');
    expect(failingCodesOf(pasted)).toContain('access_token.client_mismatch');
    expect((await readProgress(other.cookie)).steps['token-response']).toEqual({ status: 'fail', attempts: 1 });
    expect(await readProgress(learner.cookie)).toEqual(before);
  });

  it('keeps a finished exercise finished; only another server starts the later steps over', async () => {
    const { cookie } = learner;
    const before = await readProgress(cookie);
    // Issue 11: after completing, more attempts (the extra credit's refused refresh, a new
    // login's token response) are recorded, but no passed step turns back.
    const token = await check('token-response', cookie, { response: firstResponseText });
    expect(token.status).toBe('pass');
    const refused = await check('refresh-response', cookie, {
      response: '{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}',
    });
    expect(refused.status).toBe('fail');
    const afterExtra = await readProgress(cookie);
    expect(afterExtra.completedAt).toBe(before.completedAt);
    expect(afterExtra.steps['refresh-response']).toEqual({ status: 'pass', attempts: before.steps['refresh-response'].attempts + 1 });
    expect(afterExtra.steps['token-response']).toEqual({ status: 'pass', attempts: 3 });
    expect(afterExtra).toMatchObject({ stepsDone: 5, currentStep: null });

    // Choosing the same server again keeps the progress made with it.
    expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
    expect(await readProgress(cookie)).toMatchObject({ stepsDone: 5, currentStep: null, completedAt: before.completedAt });

    // Another server is a fresh start with it: everything after setup is pending. (The
    // practice server stands in as "your own server" here: it is on loopback.)
    process.env.ALLOW_PRIVATE_ISSUERS = 'true';
    resetEnvCache();
    let setup: Awaited<ReturnType<typeof check>>;
    try {
      setup = await check('setup', cookie, { mode: 'custom', issuer: server.issuer, clientId: 'another-client' });
    } finally {
      delete process.env.ALLOW_PRIVATE_ISSUERS;
      resetEnvCache();
    }
    expect(setup.status).toBe('pass');
    const afterSetup = await readProgress(cookie);
    expect(afterSetup.steps).toEqual({
      setup: { status: 'pass', attempts: 3 },
      'authorize-url': { status: 'pending', attempts: 0 },
      redirect: { status: 'pending', attempts: 0 },
      'token-response': { status: 'pending', attempts: 0 },
      'refresh-response': { status: 'pending', attempts: 0 },
    });
    expect(afterSetup).toMatchObject({ stepsDone: 1, currentStep: 'authorize-url', completedAt: null });
    // The saved state agrees: the redirect step has no authorization URL to compare with.
    const redirect = await check('redirect', cookie, { code: 'abc', state: 'def' });
    expect(failingCodesOf(redirect)).toContain('redirect.no_authorize_step');
  });

  it('tells a code run twice from an expired one: the practice server remembers the exchange (issue 12)', async () => {
    const { cookie } = learnerCookie();
    const own = (await (await getPracticeApp(apiRequest('/api/practice/app', { cookie }))).json()) as AppView;
    await patchPracticeApp(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { grantTypes: ['authorization_code', 'refresh_token'] } }),
    );
    expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
    const redirectUri = own.redirectUris[0]!;
    const authorize = await buildAuthorizeUrl(server.issuer, { clientId: own.clientId, redirectUri });
    const url = await check('authorize-url', cookie, { url: authorize.url });
    const callback = await signInAt(server.baseUrl, url.loginUrl as string, demoUser());
    const code = callback.searchParams.get('code')!;
    expect((await check('redirect', cookie, { code, state: authorize.state })).status).toBe('pass');
    const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: authorize.verifier };

    const first = await tokenEndpoint(server.issuer, own, params);
    expect(first.status).toBe(200);
    const second = await tokenEndpoint(server.issuer, own, params);
    expect(JSON.parse(second.text)).toMatchObject({ error: 'invalid_grant' });

    const report = await check('token-response', cookie, { response: second.text });
    expect(failingCodesOf(report)).toEqual(['response.error']);
    const result = report.results.find((r) => r.code === 'response.error')!;
    expect(result.message).toMatch(/this authorization code was already exchanged, at \d\d:\d\d:\d\d UTC/);
    expect(result.message).toContain('revoked the refresh token that the first exchange gave you');
    expect(result.hint).toContain('open the Log In link');
    // The first response's refresh token is indeed gone.
    const { refresh_token } = JSON.parse(first.text) as { refresh_token: string };
    const refresh = await tokenEndpoint(server.issuer, own, { grant_type: 'refresh_token', refresh_token });
    expect(JSON.parse(refresh.text)).toMatchObject({ error: 'invalid_grant' });

    // Issue 20, item 1: the good-looking first response is refused, with when and why.
    const firstAgain = await check('token-response', cookie, { response: first.text });
    expect(failingCodesOf(firstAgain)).toEqual(['refresh_token.revoked']);
    const revoked = firstAgain.results.find((r) => r.code === 'refresh_token.revoked')!;
    expect(revoked.message).toMatch(/was revoked at \d\d:\d\d:\d\d UTC, when the code was sent a second time/);
    expect(revoked.hint).toMatch(/Log in again/);
  });
});
