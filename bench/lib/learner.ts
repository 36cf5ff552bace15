/**
 * Drives a learner through the Refresh Tokens exercise over HTTP, against the practice
 * server, as a browser and a terminal would (the same flow as e2e/practice-server.spec.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CookieJar } from '../../tests/support/cookie-jar';

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  [key: string]: unknown;
}

export interface Learner {
  /** `oauthlab_sid=…`: the learner's session cookie for the site. */
  sessionCookie: string;
  clientId: string;
  clientSecret: string;
  /** The raw token endpoint answer of the code exchange (what a learner pastes). */
  tokenResponseText: string;
  /** The raw answer of the refresh grant. */
  refreshResponseText: string;
  tokens: TokenSet;
  /** Status of each exercise check, for the record. */
  checks: Record<string, string>;
  /** What must never be found at rest: the authorization code and the PKCE verifier (and the tokens above). */
  code: string;
  verifier: string;
}

/** The parts of a learner's journey the class scenario times (bench/lib/class.ts). */
export const JOURNEY_STEPS = [
  'page',
  'join',
  'setup',
  'console',
  'authorize-url',
  'sign-in',
  'redirect',
  'code-exchange',
  'token-response',
  'refresh-grant',
  'refresh-response',
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export interface JourneyOptions {
  /** Called with each part's duration in milliseconds. */
  onStep?: (step: JourneyStep, ms: number) => void;
  /** Awaited before every part but the first: a person's time reading and typing (bench/lib/paced-class.ts). */
  pause?: () => Promise<void>;
  /** Join this cohort first, as a class does from the projector's code (display name "Learner"). */
  cohortCode?: string;
  /** Mistype the practice password once before signing in (a failed sign-in, counted by its limits). */
  mistypePassword?: boolean;
}

const SESSION_COOKIE = 'oauthlab_sid';

export class LearnerSession {
  readonly jar = new CookieJar();
  constructor(readonly origin: string) {}

  async fetch(pathOrUrl: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(new URL(pathOrUrl, this.origin), { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  async json<T>(path: string, method: string, body?: unknown): Promise<T> {
    const response = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  sessionCookie(): string {
    const value = this.jar.get(SESSION_COOKIE);
    if (!value) throw new Error('the site set no session cookie');
    return `${SESSION_COOKIE}=${value}`;
  }
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const PRACTICE_MOUNT = '/oauth2/default';

/** Follows redirects while they stay on the practice server; returns the last response and URL. */
async function followPractice(session: LearnerSession, start: URL): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hops = 0; hops < 12; hops += 1) {
    const response = await session.fetch(url);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    await response.body?.cancel();
    const next = new URL(location, url);
    if (next.origin !== url.origin || !next.pathname.startsWith(PRACTICE_MOUNT)) return { response, url: next };
    url = next;
  }
  throw new Error('too many redirects on the practice server');
}

interface CheckReport {
  status: string;
  results?: { code: string; status: string }[];
}

/** "pass", or "fail (code, code)" with the codes that did not pass. */
function describe(report: CheckReport): string {
  const problems = (report.results ?? []).filter((result) => result.status === 'fail').map((result) => result.code);
  return problems.length ? `${report.status} (${problems.join(', ')})` : report.status;
}

/**
 * A learner who has done the whole exercise on the practice server: practice mode chosen,
 * Refresh Token ticked, authorize URL, redirect, token response and refresh response all
 * checked. Returns a fresh token response (for the check API load test).
 */
export async function completeJourney(origin: string, options: JourneyOptions = {}): Promise<Learner> {
  const timed = async <T>(step: JourneyStep, work: () => Promise<T>): Promise<T> => {
    if (step !== 'page') await options.pause?.();
    const started = performance.now();
    const result = await work();
    options.onStep?.(step, performance.now() - started);
    return result;
  };
  const session = new LearnerSession(origin);
  await timed('page', async () => (await session.fetch('/exercise/refresh')).text());
  const sessionCookie = session.sessionCookie();
  const checks: Record<string, string> = {};
  if (options.cohortCode) {
    await timed('join', () => session.json('/api/cohorts/join', 'POST', { code: options.cohortCode, displayName: 'Learner' }));
  }

  checks.setup = describe(await timed('setup', () => session.json<CheckReport>('/api/exercise/setup', 'POST', { mode: 'practice' })));
  const app = await timed('console', () =>
    session.json<{ clientId: string; clientSecret: string; redirectUris: string[]; issuer: string }>('/api/practice/app', 'PATCH', {
      grantTypes: ['authorization_code', 'refresh_token'],
    }),
  );
  const redirectUri = app.redirectUris.find((uri) => uri.startsWith(origin)) ?? `${origin}/redirect`;

  const { verifier, challenge } = pkce();
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(`${app.issuer}/v1/authorize`);
  authorize.search = new URLSearchParams({
    client_id: app.clientId,
    response_type: 'code',
    scope: 'offline_access api:read',
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  checks['authorize-url'] = describe(
    await timed('authorize-url', () => session.json<CheckReport>('/api/exercise/authorize-url', 'POST', { url: authorize.href })),
  );

  // The practice sign-in as a browser does it, with form posts: authorize → sign-in page → post → back.
  const callback = await timed('sign-in', async () => {
    const signInPage = await followPractice(session, authorize);
    if (signInPage.response.status !== 200)
      throw new Error(`expected the sign-in page, got ${signInPage.response.status} at ${signInPage.url.href}`);
    await signInPage.response.text();
    if (options.mistypePassword) {
      const typo = await session.fetch(signInPage.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'learner@example.com', password: 'correct-horse-batery' }).toString(),
      });
      await typo.text();
      if (typo.status !== 401) throw new Error(`a mistyped password answered ${typo.status}, not 401`);
    }
    const posted = await session.fetch(signInPage.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'learner@example.com', password: 'correct-horse-battery' }).toString(),
    });
    const location = posted.headers.get('location');
    await posted.body?.cancel();
    if (posted.status !== 303 || !location) throw new Error(`sign-in failed with ${posted.status}`);
    return (await followPractice(session, new URL(location, signInPage.url))).url;
  });
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${callback.href}`);
  checks.redirect = describe(
    await timed('redirect', () => session.json<CheckReport>('/api/exercise/redirect', 'POST', { url: callback.href })),
  );

  const basic = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString('base64')}`;
  const tokenResponseText = await timed('code-exchange', async () => {
    const tokenResponse = await fetch(`${app.issuer}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
    });
    const text = await tokenResponse.text();
    if (tokenResponse.status !== 200) throw new Error(`code exchange failed with ${tokenResponse.status}: ${text}`);
    return text;
  });
  const tokens = JSON.parse(tokenResponseText) as TokenSet;
  if (!tokens.refresh_token) throw new Error('the code exchange returned no refresh token');
  checks['token-response'] = describe(
    await timed('token-response', () => session.json<CheckReport>('/api/exercise/token-response', 'POST', { response: tokenResponseText })),
  );

  // A refresh is a later event: tokens issued in the same second as the first ones are
  // rightly refused as "not newer" by the check.
  await sleep(1100);
  const refreshedText = await timed('refresh-grant', async () => {
    const refreshed = await fetch(`${app.issuer}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }),
    });
    const text = await refreshed.text();
    if (refreshed.status !== 200) throw new Error(`refresh grant failed with ${refreshed.status}: ${text}`);
    return text;
  });
  checks['refresh-response'] = describe(
    await timed('refresh-response', () => session.json<CheckReport>('/api/exercise/refresh-response', 'POST', { response: refreshedText })),
  );

  return {
    sessionCookie,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    tokenResponseText,
    refreshResponseText: refreshedText,
    tokens,
    checks,
    code,
    verifier,
  };
}
