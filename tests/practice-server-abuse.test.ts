/**
 * The practice server against a crowded classroom and an attacker (issue 8): sign-in
 * limits that count failures per client address and per user name, the redirect URI
 * allowlist that keeps the authorization endpoint from being an open redirector, and no
 * raw interaction id at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as patchPracticeApp } from '@/app/api/practice/app/route';
import { updatePracticeApp } from '@/lib/db/practice-clients';
import { browserFetch, CookieJar, followRedirects, startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { authorizeUrl as authorizeUrlWith } from './support/practice-requests';
import { apiRequest, learnerCookie } from './support/requests';
import type { PracticeApp } from '@/lib/db/practice-clients';

/** An authorization URL with PKCE, as the exercise's learners send it. */
const authorizeUrl = (server: PracticeServerHandle, app: PracticeApp, params: Record<string, string> = {}) =>
  authorizeUrlWith(server, app, {
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    ...params,
  });

/** Opens the sign-in page in a fresh "browser" and returns it with its cookie jar. */
async function openSignIn(server: PracticeServerHandle, app: PracticeApp, headers: Record<string, string> = {}) {
  const jar = new CookieJar();
  const { response, url } = await followRedirects(jar, server.baseUrl, authorizeUrl(server, app));
  expect(response.status).toBe(200);
  await response.text();
  const post = (username: string, password: string) =>
    browserFetch(jar, url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ username, password }).toString(),
    });
  return { jar, url, post };
}

describe('practice sign-in in a classroom behind one address (defaults)', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  it('lets 60 learners sign in within a minute from one address, some after a typo', async () => {
    const app = await server.createApp();
    const outcomes: number[] = [];
    for (let learner = 0; learner < 60; learner += 1) {
      const page = await openSignIn(server, app);
      if (learner % 3 === 0) expect((await page.post('learner@example.com', 'correct-horse-batery')).status).toBe(401);
      outcomes.push((await page.post('learner@example.com', 'correct-horse-battery')).status);
    }
    expect(outcomes.filter((status) => status === 303)).toHaveLength(60);
  });
});

describe('practice sign-in against guessing', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    // A proxy in front (one hop) lets the test speak from several client addresses.
    server = await startPracticeServer({
      env: { TRUST_PROXY: '1', RATE_LIMIT_SIGNIN_PER_MINUTE: '3', RATE_LIMIT_SIGNIN_FAILURES_PER_USERNAME_PER_MINUTE: '5' },
    });
  });
  afterAll(() => server.stop());

  it('stays slow from one address, and for one user name across addresses', async () => {
    const app = await server.createApp();
    const from = (address: string) => openSignIn(server, app, { 'x-forwarded-for': address });
    const one = await from('203.0.113.1');
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await one.post('learner@example.com', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The right password from that address waits too.
    const limited = await one.post('learner@example.com', 'correct-horse-battery');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // Two more failures from two other addresses reach the user name's limit (5)...
    expect((await (await from('203.0.113.2')).post('LEARNER@example.com', 'x')).status).toBe(401);
    expect((await (await from('203.0.113.3')).post('learner@example.com', 'y')).status).toBe(401);
    expect((await (await from('203.0.113.4')).post('learner@example.com', 'correct-horse-battery')).status).toBe(429);
    // ...while another user name from a fresh address is only told it is wrong.
    expect((await (await from('203.0.113.5')).post('someone@example.com', 'z')).status).toBe(401);
  });
});

describe('practice redirect URIs', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer({ env: { PRACTICE_REDIRECT_HOSTS: 'app.school.example,*.dev.school.example' } });
  });
  afterAll(() => server.stop());

  const patch = (cookie: string, redirectUris: string[]) =>
    patchPracticeApp(apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { redirectUris } }));

  it('refuses hosts outside the allowlist in the console, saying what is accepted', async () => {
    const { cookie } = learnerCookie();
    const refused = await patch(cookie, ['https://evil.example/cb', `${server.baseUrl}/redirect`]);
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('https://evil.example/cb');
    expect(error.message).toContain('PRACTICE_REDIRECT_HOSTS');
    expect(error.message).not.toContain(`${server.baseUrl}/redirect:`);
  });

  it('accepts the site, loopback on any port, example-app.com and the listed hosts', async () => {
    const { cookie } = learnerCookie();
    const uris = [
      `${server.baseUrl}/redirect`,
      'http://localhost:8080/callback',
      'http://127.0.0.1:5173/cb',
      'http://[::1]:9000/cb',
      'https://example-app.com/redirect',
      'https://app.school.example/cb',
      'https://team1.dev.school.example/cb',
    ];
    const saved = await patch(cookie, uris);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { redirectUris: string[] }).redirectUris).toEqual(uris);
  });

  it('never redirects an error to a host saved before the allowlist', async () => {
    const app = await server.createApp();
    // Written past the console, as a database from before this rule would hold it.
    const legacy = await updatePracticeApp(server.db, app.learnerId, { redirectUris: ['https://evil.example/cb', ...app.redirectUris] });
    const jar = new CookieJar();
    const response = await browserFetch(
      jar,
      authorizeUrl(server, legacy!, { redirect_uri: 'https://evil.example/cb', response_type: 'nope' }),
    );
    // An error page on the practice server itself, not a redirect to the saved host.
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
    // The app's allowed URIs still work.
    const ok = await followRedirects(
      new CookieJar(),
      server.baseUrl,
      authorizeUrl(server, legacy!, { redirect_uri: app.redirectUris[0]! }),
    );
    expect(ok.response.status).toBe(200);
  });
});

describe('practice interactions at rest', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  it('stores no raw interaction id (not even inside the resume URL), yet the sign-in completes', async () => {
    const app = await server.createApp();
    const { url, post } = await openSignIn(server, app);
    const uid = url.pathname.split('/').pop()!;
    expect(uid.length).toBeGreaterThan(10);
    await server.checkpoint();
    expect((await server.temp.copyOfDatabase()).includes(Buffer.from(uid))).toBe(false);
    const signedIn = await post('learner@example.com', 'correct-horse-battery');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toContain(`/v1/authorize/${uid}`);
  });
});
