/**
 * PKCE and Basic authentication done the usual wrong ways in a shell, against the real
 * practice server (issue 19, class 4): the server refuses the request and records which
 * recipe mistake explains it (a label, never the verifier, secret or header); the
 * token-response check then names the mistake, from the paste's command or, when only the
 * error is pasted, from that record. The wrong challenges and headers are literals printed
 * by real tools (lib/exercise/shell-mistakes/fixtures/recipes.json).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchPracticeApp } from '@/app/api/practice/app/route';
import recipes from '@/lib/exercise/shell-mistakes/fixtures/recipes.json';
import { VERIFIER } from '@/lib/exercise/shell-mistakes/fixtures/pastes';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { apiRequest, learnerCookie } from './support/requests';
import { check, failingCodesOf, signInAt, tokenEndpoint, type ReportJson } from './support/exercise-api';

const CHALLENGES = recipes.pkce[VERIFIER] as Record<string, string>;
const DEMO = { username: 'learner@example.com', password: 'correct-horse-battery' };

interface App {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** The seed's template, one parameter per line, with a challenge the learner made in a shell. */
function authorizeUrl(issuer: string, app: App, challenge: string, state: string): string {
  return [
    `${issuer}/v1/authorize?response_type=code`,
    '&scope=offline_access+api:read',
    `&client_id=${app.clientId}`,
    `&state=${state}`,
    `&redirect_uri=${encodeURIComponent(app.redirectUris[0]!)}`,
    `&code_challenge=${challenge}`,
    '&code_challenge_method=S256',
  ].join('\n  ');
}

const failing = (report: ReportJson, code: string) => report.results.find((r) => r.status === 'fail' && r.code === code);

describe('shell recipe mistakes on the practice server', () => {
  let server: PracticeServerHandle;

  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  async function learnerWithApp(): Promise<{ cookie: string; app: App }> {
    const { cookie } = learnerCookie();
    expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
    const response = await patchPracticeApp(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { grantTypes: ['authorization_code', 'refresh_token'] } }),
    );
    return { cookie, app: (await response.json()) as App };
  }

  async function exchange(app: App, code: string) {
    return tokenEndpoint(server.issuer, app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: app.redirectUris[0]!,
      code_verifier: VERIFIER,
    });
  }

  it('names the hex digest recipe when the learner logged in with it and pasted only the error', async () => {
    const { cookie, app } = await learnerWithApp();
    // printf %s "$V" | shasum -a 256 | cut -d' ' -f1 | base64 | tr '+/' '-_' | tr -d '='
    const url = authorizeUrl(server.issuer, app, CHALLENGES['verifier.hex_newline.base64url']!, 'hexRecipeState123');
    // The URL check already refuses the challenge (86 characters, no S256 value); the learner logs in anyway.
    const checked = await check('authorize-url', cookie, { url });
    expect(checked.status).toBe('fail');
    expect(checked.loginUrl).toBeUndefined();
    const callback = await signInAt(server.baseUrl, url.replace(/\s+/g, ''), DEMO);
    const refused = await exchange(app, callback.searchParams.get('code')!);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed.' });

    const report = await check('token-response', cookie, { response: refused.text });
    expect(failingCodesOf(report)).toEqual(['pkce.challenge_recipe']);
    const result = failing(report, 'pkce.challenge_recipe')!;
    expect(result.message).toContain('the practice server compared');
    expect(result.message).toContain('the hex text, plus a newline, of the SHA-256 hash of the verifier');
    expect(result.hint).toContain('openssl dgst -sha256 -binary');

    // Only the label is at rest: no verifier, challenge or code in the row.
    const rows = await server.db.selectFrom('practice_recipe_mistakes').selectAll().where('client_id', '=', app.clientId).execute();
    expect(rows).toEqual([expect.objectContaining({ kind: 'pkce', label: 'verifier.hex_newline.base64url' })]);
    const stored = JSON.stringify(rows);
    for (const secret of [VERIFIER, CHALLENGES['verifier.hex_newline.base64url']!, callback.searchParams.get('code')!, app.clientSecret]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("names echo's newline for the learner's own code, from the record and from the pasted command", async () => {
    const { cookie, app } = await learnerWithApp();
    // echo "$V" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=': 43 characters, a URL that passes its check.
    const url = authorizeUrl(server.issuer, app, CHALLENGES['verifier_newline.binary.base64url']!, 'echoRecipeState12');
    const checked = await check('authorize-url', cookie, { url });
    expect(checked.status).toBe('pass');
    const callback = await signInAt(server.baseUrl, checked.loginUrl as string, DEMO);
    expect((await check('redirect', cookie, { url: callback.href })).status).toBe('pass');
    const refused = await exchange(app, callback.searchParams.get('code')!);
    expect(refused.status).toBe(400);

    const fromRecord = failing(await check('token-response', cookie, { response: refused.text }), 'pkce.challenge_recipe');
    expect(fromRecord?.message).toContain('SHA-256 hash of the verifier plus a newline');

    const pasted = `ana@laptop:~$ curl -X POST ${server.issuer}/v1/token \\\n  -u "$CLIENT_ID:$CLIENT_SECRET" \\\n  -d code_verifier=${VERIFIER} \\\n  -d grant_type=authorization_code\n${refused.text}`;
    await server.db.deleteFrom('practice_recipe_mistakes').execute();
    const fromCommand = failing(await check('token-response', cookie, { response: pasted }), 'pkce.challenge_recipe');
    expect(fromCommand?.message).toContain("we compared your command's code_verifier");
    expect(fromCommand?.message).toContain('plus a newline');
  });

  it("names a Basic header's newline and a swapped one, when only the error is pasted", async () => {
    const { cookie, app } = await learnerWithApp();
    const post = (authorization: string) =>
      fetch(`${server.issuer}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x'.repeat(43) }),
      });

    // echo "$CLIENT_ID:$CLIENT_SECRET" | base64 -w0 (the base64 of the credentials and a newline)
    const newline = await post(`Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}\n`).toString('base64')}`);
    expect(newline.status).toBe(400);
    const newlineReport = await check('token-response', cookie, { response: await newline.text() });
    expect(failingCodesOf(newlineReport)).toEqual(['client.basic_header_recipe']);
    expect(failing(newlineReport, 'client.basic_header_recipe')?.message).toContain('a newline was encoded after the secret');

    const swapped = await post(`Basic ${Buffer.from(`${app.clientSecret}:${app.clientId}`).toString('base64')}`);
    expect(swapped.status).toBe(401);
    const swappedReport = await check('token-response', cookie, { response: await swapped.text() });
    expect(failing(swappedReport, 'client.basic_header_recipe')?.message).toContain('the client secret comes first');

    const rows = await server.db.selectFrom('practice_recipe_mistakes').selectAll().where('client_id', '=', app.clientId).execute();
    expect(rows).toEqual([expect.objectContaining({ kind: 'basic', label: 'swapped' })]);
    expect(JSON.stringify(rows)).not.toContain(app.clientSecret);
  });
});
