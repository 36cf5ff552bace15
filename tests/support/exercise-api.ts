/**
 * Helpers for driving the exercise's HTTP API (`/api/exercise/[step]`, `/api/progress`)
 * with real Requests, and the practice server's browser and token endpoints with fetch.
 */
import { expect } from 'vitest';
import * as oauth from 'openid-client';
import { POST as postStep } from '@/app/api/exercise/[step]/route';
import { PATCH as patchPracticeApp } from '@/app/api/practice/app/route';
import { DELETE as deleteProgress, GET as getProgress } from '@/app/api/progress/route';
import type { StepId } from '@/lib/exercise/report';
import { apiRequest } from './requests';
import { CookieJar, followRedirects, submitSignIn } from './practice-server';

/** POSTs a JSON body (or a raw string with `init.body`) to `/api/exercise/{step}`. */
export function callStep(
  step: string,
  init: { cookie?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const request = apiRequest(`/api/exercise/${step}`, { method: 'POST', ...init });
  return postStep(request, { params: Promise.resolve({ step }) });
}

/** Result shape of a report as the API answers it (enough for assertions). */
export interface ReportJson {
  step: StepId;
  status: 'pass' | 'fail';
  results: { check: string; status: 'pass' | 'fail' | 'warn' | 'info'; code?: string; message: string; hint?: string }[];
  [extra: string]: unknown;
}

/** Runs a check that must answer 200 with a report for `step`. */
export async function check(step: StepId, cookie: string, json: unknown): Promise<ReportJson> {
  const response = await callStep(step, { cookie, json });
  const body = (await response.json()) as ReportJson;
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.step).toBe(step);
  // docs/api.md: the report fails exactly when a result fails.
  expect(body.status).toBe(body.results.some((r) => r.status === 'fail') ? 'fail' : 'pass');
  return body;
}

/** The codes of a report's non-pass results. */
export const codesOf = (report: ReportJson): string[] => report.results.flatMap((r) => (r.code ? [r.code] : []));

/** The codes of a report's failing results. */
export const failingCodesOf = (report: ReportJson): string[] =>
  report.results.flatMap((r) => (r.status === 'fail' && r.code ? [r.code] : []));

export interface ProgressJson {
  provider: Record<string, unknown> | null;
  steps: Record<StepId, { status: 'pending' | 'pass' | 'fail'; attempts: number }>;
  stepsDone: number;
  currentStep: StepId | null;
  completedAt: string | null;
}

export async function readProgress(cookie: string): Promise<ProgressJson> {
  const response = await getProgress(apiRequest('/api/progress', { cookie }));
  expect(response.status).toBe(200);
  return (await response.json()) as ProgressJson;
}

export async function resetProgress(cookie: string): Promise<ProgressJson> {
  const response = await deleteProgress(apiRequest('/api/progress', { method: 'DELETE', cookie }));
  expect(response.status).toBe(200);
  return (await response.json()) as ProgressJson;
}

/** Asserts the API's error envelope (docs/api.md) and returns it: exactly `{ error: { code, message } }`, no stack. */
export async function expectApiError(response: Response, status: number, code: string): Promise<{ code: string; message: string }> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(0);
  // Never a stack trace or a file path.
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  return body.error;
}

/** An authorization request a learner builds with the PKCE and state helpers. */
export interface LearnerAuthorizeRequest {
  url: string;
  verifier: string;
  state: string;
  redirectUri: string;
}

/**
 * Builds the authorization URL the way the seed's template lays it out: one parameter per
 * line, scopes joined by "+" (the check ignores the line breaks).
 */
export async function buildAuthorizeUrl(
  issuer: string,
  client: { clientId: string; redirectUri: string },
  options: { scope?: string; state?: string } = {},
): Promise<LearnerAuthorizeRequest> {
  const verifier = oauth.randomPKCECodeVerifier();
  const state = options.state ?? oauth.randomState();
  const lines = [
    `${issuer}/v1/authorize?response_type=code`,
    `&scope=${(options.scope ?? 'offline_access api:read').split(' ').join('+')}`,
    `&client_id=${client.clientId}`,
    `&state=${state}`,
    `&redirect_uri=${encodeURIComponent(client.redirectUri)}`,
    `&code_challenge=${await oauth.calculatePKCECodeChallenge(verifier)}`,
    '&code_challenge_method=S256',
  ];
  return { url: lines.join('\n  '), verifier, state, redirectUri: client.redirectUri };
}

/** Opens a "Log In" URL like a browser, signs in with the demo user, and returns where it lands. */
export async function signInAt(baseUrl: string, loginUrl: string, user: { username: string; password: string }): Promise<URL> {
  const jar = new CookieJar();
  const page = await followRedirects(jar, baseUrl, loginUrl);
  if (page.response.status !== 200) throw new Error(`expected the sign-in page, got ${page.response.status} at ${page.url.href}`);
  await page.response.text();
  const posted = await submitSignIn(jar, page.url, user.username, user.password);
  const location = posted.headers.get('location');
  if (posted.status !== 303 || !location) throw new Error(`sign-in failed with ${posted.status}`);
  return (await followRedirects(jar, baseUrl, new URL(location, page.url))).url;
}

/** A raw token endpoint call (client_secret_basic), answered as the text a learner would paste. */
export async function tokenEndpoint(
  issuer: string,
  client: { clientId: string; clientSecret: string },
  params: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64');
  const response = await fetch(`${issuer}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
    body: new URLSearchParams(params),
  });
  return { status: response.status, text: await response.text() };
}

/** Waits until the clock has entered a new second (JWT `iat` has one-second resolution). */
export async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

/** What a learner holds after the whole exercise on the practice server. */
export interface CompletedJourney {
  app: { clientId: string; clientSecret: string; redirectUris: string[] };
  first: { access_token: string; refresh_token: string; [key: string]: unknown };
  refreshed: { access_token: string; refresh_token?: string; [key: string]: unknown };
}

/** Takes the learner of `cookie` through every step on the practice server, every check passing. */
export async function completeJourneyOverApi(server: { issuer: string; baseUrl: string }, cookie: string): Promise<CompletedJourney> {
  expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
  const appResponse = await patchPracticeApp(
    apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { grantTypes: ['authorization_code', 'refresh_token'] } }),
  );
  const app = (await appResponse.json()) as CompletedJourney['app'];
  const redirectUri = app.redirectUris[0]!;
  const authorize = await buildAuthorizeUrl(server.issuer, { clientId: app.clientId, redirectUri });
  expect((await check('authorize-url', cookie, { url: authorize.url })).status).toBe('pass');
  const callback = await signInAt(server.baseUrl, authorize.url.replace(/\s+/g, ''), {
    username: 'learner@example.com',
    password: 'correct-horse-battery',
  });
  expect((await check('redirect', cookie, { url: callback.href })).status).toBe('pass');
  const exchange = await tokenEndpoint(server.issuer, app, {
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code')!,
    redirect_uri: redirectUri,
    code_verifier: authorize.verifier,
  });
  expect((await check('token-response', cookie, { response: exchange.text })).status).toBe('pass');
  await nextSecond();
  const first = JSON.parse(exchange.text) as CompletedJourney['first'];
  const refresh = await tokenEndpoint(server.issuer, app, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
  expect((await check('refresh-response', cookie, { response: refresh.text })).status).toBe('pass');
  return { app, first, refreshed: JSON.parse(refresh.text) as CompletedJourney['refreshed'] };
}
