/**
 * Issue 19, class 7, over the exercise's HTTP API with the real practice server: the checks
 * answer from what the lab recorded — the URLs checked before the latest one, the captured
 * code's issue — not with a guess. Runs on SQLite and Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchPracticeApp } from '@/app/api/practice/app/route';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { REFRESH_EXERCISE } from '@/lib/progress/store';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { apiRequest, learnerCookie } from './support/requests';
import { buildAuthorizeUrl, check, nextSecond, signInAt, tokenEndpoint } from './support/exercise-api';

describe('exercise API: answers from the practice server’s records', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  const demoUser = () => ({ username: getEnv().PRACTICE_DEMO_USER, password: getEnv().PRACTICE_DEMO_PASSWORD });
  const lead = (report: Awaited<ReturnType<typeof check>>) => report.results.find((r) => r.status === 'fail')!;

  it('names the earlier checked URL a redirect or a verifier belongs to, and an expired code by its times', async () => {
    const { cookie, learnerId } = learnerCookie();
    expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
    const patched = await patchPracticeApp(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { grantTypes: ['authorization_code', 'refresh_token'] } }),
    );
    const app = (await patched.json()) as { clientId: string; clientSecret: string; redirectUris: string[] };
    const redirectUri = app.redirectUris[0]!;

    // Two URLs checked, a second apart: the older one stays open in another tab.
    const older = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri });
    const olderCheck = await check('authorize-url', cookie, { url: older.url });
    expect(olderCheck.status).toBe('pass');
    await nextSecond();
    const latest = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri });
    const latestCheck = await check('authorize-url', cookie, { url: latest.url });
    expect(latestCheck.status).toBe('pass');

    // Logged in from the older tab: its state is told as the older URL's, not as a forgery.
    const fromOlder = await signInAt(server.baseUrl, String(olderCheck.loginUrl), demoUser());
    const mismatch = await check('redirect', cookie, { url: fromOlder.href });
    expect(lead(mismatch)).toMatchObject({ code: 'redirect.state_mismatch' });
    expect(lead(mismatch).message).toMatch(/is the one of the URL you checked at \d\d:\d\d:\d\d UTC, not of your latest checked URL/);
    expect(`${lead(mismatch).message} ${lead(mismatch).hint}`).not.toMatch(/forged/);

    // The latest URL's login, exchanged with the older URL's verifier.
    const fromLatest = await signInAt(server.baseUrl, String(latestCheck.loginUrl), demoUser());
    expect((await check('redirect', cookie, { url: fromLatest.href })).status).toBe('pass');
    const code = fromLatest.searchParams.get('code')!;
    const refused = await tokenEndpoint(server.issuer, app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: older.verifier,
    });
    expect(refused.status).toBe(400);
    const paste = [
      `$ curl -X POST ${server.issuer}/v1/token \\`,
      `>   -d grant_type=authorization_code \\`,
      `>   -d code_verifier=${older.verifier} \\`,
      `>   -d code=${code}`,
      refused.text,
    ].join('\n');
    const pkce = await check('token-response', cookie, { response: paste });
    expect(lead(pkce)).toMatchObject({ code: 'response.error' });
    expect(lead(pkce).message).toMatch(/belongs to an earlier attempt/);
    expect(lead(pkce).hint).toMatch(/stays valid until \d\d:\d\d:\d\d UTC/);

    // The redirect step kept the code's issue; five minutes later (simulated) it expired unused.
    const db = await getDb();
    const row = await db
      .selectFrom('exercise_steps')
      .select('artifact')
      .where('learner_id', '=', learnerId)
      .where('exercise', '=', REFRESH_EXERCISE)
      .where('step', '=', 'redirect')
      .executeTakeFirstOrThrow();
    const captured = JSON.parse(row.artifact!) as { codeFingerprint: string; issuedAt: number; expiresAt: number };
    expect(captured.expiresAt - captured.issuedAt).toBe(300);
    expect(JSON.stringify(captured)).not.toContain(code);
    const shifted = { ...captured, issuedAt: captured.issuedAt - 600, expiresAt: captured.expiresAt - 600 };
    await db
      .updateTable('exercise_steps')
      .set({ artifact: JSON.stringify(shifted) })
      .where('learner_id', '=', learnerId)
      .where('exercise', '=', REFRESH_EXERCISE)
      .where('step', '=', 'redirect')
      .execute();
    const expired = await check('token-response', cookie, {
      response: '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}',
    });
    expect(lead(expired).message).toMatch(/expired unused.*valid for 5 minutes/);
  });
});
