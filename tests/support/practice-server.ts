/**
 * Starts the practice authorization server on a random loopback port over a temporary
 * database (SQLite, or Postgres in the suite's Postgres run), for integration tests. Also drives its sign-in like a browser would.
 *
 *   const server = await startPracticeServer();
 *   const app = await server.createApp({ grantTypes: ['authorization_code', 'refresh_token'] });
 *   const { code, verifier } = await server.signInForCode(app, { scope: 'offline_access api:read' });
 *   ...
 *   await server.stop();
 *
 * `useTempDatabase` is used underneath, so `getDb()` (route handlers) sees the same database,
 * and PUBLIC_URL is the server's own base URL (so the issuer is `${baseUrl}/oauth2/default`).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'openid-client';
import { sql } from 'kysely';
import { dialectOf, migrateToLatest, openDatabase, type DB } from '@/lib/db/client';
import { getOrCreatePracticeApp, updatePracticeApp, type PracticeApp, type PracticeAppPatch } from '@/lib/db/practice-clients';
import { getEnv } from '@/lib/env';
import { getLogger } from '@/lib/logging/logger';
import { createPracticeServer, PRACTICE_MOUNT, type PracticeServer } from '@/lib/practice-server';
import { createRequestListener, type RequestListenerOptions } from '@/lib/server/request-listener';
import { useTempDatabase, type TempDatabase } from './db';
import { CookieJar } from './cookie-jar';

export { CookieJar };

export interface SignInOptions {
  scope?: string;
  redirectUri?: string;
  /** Extra authorization request parameters (or overrides, e.g. code_challenge_method). */
  params?: Record<string, string>;
  username?: string;
  password?: string;
  /** false: no code_challenge (an app that does not require PKCE may leave it out). */
  pkce?: boolean;
  /**
   * The browser's cookies, to sign in again in the same browser: while its practice
   * session lasts, no sign-in page is shown (as on Okta). A fresh browser by default.
   */
  jar?: CookieJar;
}

export interface CodeResult {
  code: string;
  state: string;
  verifier: string;
  redirectUri: string;
  /** The full URL the server redirected the browser to. */
  callbackUrl: URL;
}

export interface PracticeServerHandle {
  issuer: string;
  baseUrl: string;
  /** The temporary database (its dialect, and a copy of its contents to search for secrets). */
  temp: TempDatabase;
  /** Moves SQLite's WAL into the main file (Postgres: a CHECKPOINT), so a copy is what a backup would hold. */
  checkpoint(): Promise<void>;
  /** The database connection the practice server currently uses. */
  readonly db: DB;
  readonly practice: PracticeServer;
  /** Creates a learner and their practice app, then applies `patch`. */
  createApp(patch?: PracticeAppPatch): Promise<PracticeApp>;
  /** openid-client configuration for an app (Basic auth unless `post`). */
  clientConfig(app: PracticeApp, auth?: 'basic' | 'post'): Promise<oauth.Configuration>;
  /** Runs the browser part of the code flow (authorize → sign in → redirect) with PKCE S256. */
  signInForCode(app: PracticeApp, options?: SignInOptions): Promise<CodeResult>;
  /** Simulates a process restart: a new DB connection and a new provider on the same file and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** fetch that keeps cookies and never follows redirects. */
export async function browserFetch(jar: CookieJar, url: string | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

/** Follows redirects while they stay on the practice server; returns the last response and URL. */
export async function followRedirects(jar: CookieJar, baseUrl: string, start: string | URL): Promise<{ response: Response; url: URL }> {
  let url = new URL(start, baseUrl);
  for (let hops = 0; hops < 12; hops += 1) {
    const response = await browserFetch(jar, url);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url };
    await response.body?.cancel();
    const next = new URL(location, url);
    if (next.origin !== new URL(baseUrl).origin || !next.pathname.startsWith(PRACTICE_MOUNT)) return { response, url: next };
    url = next;
  }
  throw new Error('too many redirects');
}

/** Posts the sign-in form of an interaction page. */
export async function submitSignIn(jar: CookieJar, interactionUrl: URL, username: string, password: string): Promise<Response> {
  return browserFetch(jar, interactionUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
}

export interface StartOptions {
  env?: Record<string, string>;
  /** What serves the rest of the site: a 404 by default (tests/support/next-like.ts runs route handlers as Next.js does). */
  next?: RequestListenerOptions['next'];
  fastPaths?: RequestListenerOptions['fastPaths'];
}

export async function startPracticeServer(options: StartOptions = {}): Promise<PracticeServerHandle> {
  let current: PracticeServer | undefined;
  // server.ts's own request listener, with a 404 where Next.js would be.
  // (set once the port, and so PUBLIC_URL, is known)
  const route: { listener?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => {
    if (route.listener) {
      route.listener(req, res);
      return;
    }
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('Starting');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  // eslint-disable-next-line react-hooks/rules-of-hooks -- a test helper named use*, not a React hook
  const temp = await useTempDatabase({ PUBLIC_URL: baseUrl, ...options.env });
  const env = getEnv();
  let db: DB = temp.db;
  const extraConnections: DB[] = [];
  current = await createPracticeServer({ db, env });
  route.listener = createRequestListener({
    env,
    logger: getLogger(),
    practice: (req, res) => {
      if (current) current.handle(req, res);
      else res.writeHead(503).end();
    },
    next:
      options.next ??
      (async (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not Found');
      }),
    fastPaths: options.fastPaths,
  });
  const issuer = `${baseUrl}${PRACTICE_MOUNT}`;

  const handle: PracticeServerHandle = {
    issuer,
    baseUrl,
    temp,
    async checkpoint() {
      await (dialectOf(db) === 'sqlite' ? sql`PRAGMA wal_checkpoint(TRUNCATE)` : sql`CHECKPOINT`).execute(db);
    },
    get db() {
      return db;
    },
    get practice() {
      if (!current) throw new Error('practice server stopped');
      return current;
    },
    async createApp(patch = {}) {
      const learnerId = randomUUID();
      const app = await getOrCreatePracticeApp(db, learnerId, baseUrl);
      if (Object.keys(patch).length === 0) return app;
      const updated = await updatePracticeApp(db, learnerId, patch);
      if (!updated) throw new Error('practice app vanished');
      return updated;
    },
    async clientConfig(app, auth = 'basic') {
      const method = auth === 'basic' ? oauth.ClientSecretBasic(app.clientSecret) : oauth.ClientSecretPost(app.clientSecret);
      return oauth.discovery(new URL(issuer), app.clientId, undefined, method, { execute: [oauth.allowInsecureRequests] });
    },
    async signInForCode(app, signIn = {}) {
      const verifier = oauth.randomPKCECodeVerifier();
      const state = oauth.randomState();
      const redirectUri = signIn.redirectUri ?? app.redirectUris[0] ?? `${baseUrl}/redirect`;
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: app.clientId,
        scope: signIn.scope ?? 'offline_access api:read',
        redirect_uri: redirectUri,
        state,
        ...(signIn.pkce === false
          ? {}
          : { code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }),
        ...signIn.params,
      });
      const jar = signIn.jar ?? new CookieJar();
      const first = await followRedirects(jar, baseUrl, `${issuer}/v1/authorize?${params}`);
      let callbackUrl = first.url;
      if (first.url.pathname.startsWith(PRACTICE_MOUNT)) {
        if (first.response.status !== 200) throw new Error(`expected the sign-in page, got ${first.response.status} at ${first.url.href}`);
        await first.response.text();
        const posted = await submitSignIn(
          jar,
          first.url,
          signIn.username ?? env.PRACTICE_DEMO_USER,
          signIn.password ?? env.PRACTICE_DEMO_PASSWORD,
        );
        const location = posted.headers.get('location');
        if (posted.status !== 303 || !location) throw new Error(`sign-in failed with ${posted.status}`);
        callbackUrl = (await followRedirects(jar, baseUrl, new URL(location, first.url))).url;
      }
      const code = callbackUrl.searchParams.get('code');
      if (!code) throw new Error(`no code in redirect: ${callbackUrl.href}`);
      return { code, state, verifier, redirectUri, callbackUrl };
    },
    async restart() {
      await current?.close();
      current = undefined;
      const fresh = openDatabase(temp.url, { poolSize: 5 });
      await migrateToLatest(fresh);
      extraConnections.push(fresh);
      db = fresh;
      current = await createPracticeServer({ db, env });
    },
    async stop() {
      await current?.close();
      current = undefined;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of extraConnections) await connection.destroy();
      await temp.cleanup();
    },
  };
  return handle;
}
