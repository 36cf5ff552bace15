/**
 * Moves a browser's learner forward through the exercise over HTTP, so a test can start at
 * the step it is about instead of walking every page before it. Uses the page's own
 * request context, which shares the browser's cookies: the site's session and the practice
 * server's sign-in cookies end up exactly where the browser would have them. Whatever the
 * browser keeps for the learner (code verifier, state, code, refresh token, secret) is put
 * in its storage, as the helpers on the pages would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, type APIResponse, type Page } from '@playwright/test';

export type JourneyPoint = 'setup' | 'enabled' | 'authorized' | 'redirected' | 'token' | 'refreshed';
const ORDER: JourneyPoint[] = ['setup', 'enabled', 'authorized', 'redirected', 'token', 'refreshed'];

export interface JourneyState {
  app: { clientId: string; clientSecret: string; issuer: string; redirectUris: string[] };
  verifier: string;
  state: string;
  /** The checked authorization URL (the page's Log In link). */
  loginUrl: string;
  redirectUri: string;
  code?: string;
  tokenResponse?: string;
  refreshResponse?: string;
}

async function json<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`).toBe(true);
  return (await response.json()) as T;
}

async function check(page: Page, step: string, body: unknown): Promise<void> {
  const report = await json<{ status: string; results: { status: string; code?: string }[] }>(
    await page.request.post(`/api/exercise/${step}`, { data: body }),
  );
  expect(report.status, `${step}: ${JSON.stringify(report.results.filter((r) => r.status === 'fail'))}`).toBe('pass');
}

/** Follows the practice server's redirects with the browser's cookies; returns the last URL and response. */
async function follow(page: Page, start: string): Promise<{ url: string; response: APIResponse }> {
  let url = start;
  for (let hops = 0; hops < 12; hops += 1) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    const location = response.headers().location;
    if (response.status() < 300 || response.status() >= 400 || !location) return { url, response };
    url = new URL(location, url).href;
    if (!new URL(url).pathname.startsWith('/oauth2/default')) return { url, response };
  }
  throw new Error('too many redirects');
}

/** The practice token endpoint, called as this step's curl command would. */
async function token(page: Page, journey: JourneyState, form: Record<string, string>): Promise<string> {
  const response = await page.request.post(`${journey.app.issuer}/v1/token`, {
    form: { ...form, client_id: journey.app.clientId, client_secret: journey.app.clientSecret },
  });
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  return text;
}

/**
 * Takes the learner of `page` (who must have visited the site) to `point`, every check
 * passing on the way, and returns what was produced. The browser's storage is filled as if
 * the learner had used the pages.
 */
export async function advanceLearner(page: Page, point: JourneyPoint): Promise<JourneyState> {
  const reached = (p: JourneyPoint) => ORDER.indexOf(point) >= ORDER.indexOf(p);
  await check(page, 'setup', { mode: 'practice' });
  const grantTypes = reached('enabled') ? ['authorization_code', 'refresh_token'] : ['authorization_code'];
  const app = await json<JourneyState['app']>(await page.request.patch('/api/practice/app', { data: { grantTypes } }));
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = app.redirectUris[0]!;
  const authorize = new URL(`${app.issuer}/v1/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    scope: 'offline_access api:read',
    client_id: app.clientId,
    state,
    redirect_uri: redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const journey: JourneyState = { app, verifier, state, loginUrl: authorize.href, redirectUri };
  const storage: Record<string, Record<string, string>> = {
    local: { 'oauthlab:code_verifier': verifier, 'oauthlab:state': state },
    session: { 'oauthlab:client_secret': app.clientSecret },
  };

  if (reached('authorized')) await check(page, 'authorize-url', { url: journey.loginUrl });
  if (reached('redirected')) {
    const signIn = await follow(page, journey.loginUrl);
    expect(signIn.response.status()).toBe(200);
    const posted = await page.request.post(signIn.url, {
      form: { username: 'learner@example.com', password: 'correct-horse-battery' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(303);
    const callback = new URL((await follow(page, new URL(posted.headers().location!, signIn.url).href)).url);
    journey.code = callback.searchParams.get('code') ?? undefined;
    expect(journey.code).toBeTruthy();
    await check(page, 'redirect', { url: callback.href });
    storage.session!['oauthlab:code'] = journey.code!;
  }
  if (reached('token')) {
    journey.tokenResponse = await token(page, journey, {
      grant_type: 'authorization_code',
      code: journey.code!,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    await check(page, 'token-response', { response: journey.tokenResponse });
    storage.session!['oauthlab:refresh_token'] = (JSON.parse(journey.tokenResponse) as { refresh_token: string }).refresh_token;
  }
  if (reached('refreshed')) {
    const first = JSON.parse(journey.tokenResponse!) as { access_token: string; refresh_token: string };
    // iat has one-second precision: refresh in a later second than the first token.
    const firstIat = (JSON.parse(Buffer.from(first.access_token.split('.')[1]!, 'base64url').toString()) as { iat: number }).iat;
    await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(firstIat);
    journey.refreshResponse = await token(page, journey, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    await check(page, 'refresh-response', { response: journey.refreshResponse });
  }

  // What the pages' helpers would have kept in this browser.
  if (!page.url().startsWith('http')) await page.goto('/');
  await page.evaluate((items) => {
    for (const [key, value] of Object.entries(items.local ?? {})) window.localStorage.setItem(key, value);
    for (const [key, value] of Object.entries(items.session ?? {})) window.sessionStorage.setItem(key, value);
  }, storage);
  return journey;
}
