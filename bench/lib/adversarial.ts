/**
 * The "adversarial inputs" part of the bench (issue 8, "Hostile input"):
 *
 * 1. Each pure check, in this process, on each adversarial family at 16 KiB and at 64 KiB
 *    (median of several samples): linear work grows 4× from one to the other, quadratic 16×.
 * 2. `/api/health` latency on the running site, idle and while 64 KiB adversarial pastes are
 *    checked through the API back to back: a slow check blocks the event loop for everyone.
 */
import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { checkAuthorizeUrl, type AuthorizeUrlExpectations } from '../../lib/exercise/authorize-url';
import { checkRedirect } from '../../lib/exercise/redirect';
import { checkSetup } from '../../lib/exercise/setup';
import type { TokenCheckContext } from '../../lib/exercise/token/context';
import type { TokenSummary } from '../../lib/exercise/token/inspect';
import { checkRefreshResponse } from '../../lib/exercise/token/refresh-step';
import { checkTokenResponse } from '../../lib/exercise/token/token-step';
import { checkDiscovery } from '../../lib/exercise/discovery/check';
import { checkClientCredentialsResponse } from '../../lib/exercise/client-credentials/check';
import { checkApiCall } from '../../lib/exercise/api-call/check';
import { checkOwnAppClientId } from '../../lib/exercise/app-step';
import type { DiscoveryOutcome } from '../../lib/issuer/discover';
import { ADVERSARIAL_FAMILIES, fitBody, KIB } from '../../tests/support/adversarial';
import { LearnerSession } from './learner';

export const ADVERSARIAL_SIZES = { small: 16 * KIB, large: 64 * KIB } as const;

export interface CheckTiming {
  check: string;
  family: string;
  /** Median milliseconds per call at 16 KiB and at 64 KiB. */
  ms16: number;
  ms64: number;
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
}

export interface HealthUnderAttack {
  idle: LatencySummary;
  loaded: LatencySummary;
  attack: {
    requests: number;
    perSecond: number;
    statuses: Record<string, number>;
    families: string[];
    connections: number;
    latency: LatencySummary;
  };
  /** Length of each phase; there are `rounds` idle and `rounds` loaded phases, interleaved. */
  durationSeconds: number;
  rounds: number;
}

type Check = { name: string; run: (text: string) => unknown };

const ISSUER = 'http://localhost:3000/oauth2/default';
const CLIENT_ID = 'lab-7f3a9c2e41b8';
const EXPECTED: AuthorizeUrlExpectations = {
  issuer: ISSUER,
  authorizationEndpoint: `${ISSUER}/v1/authorize`,
  tokenEndpoint: `${ISSUER}/v1/token`,
  clientId: CLIENT_ID,
  redirectUri: 'http://localhost:3000/redirect',
  registeredRedirectUris: ['http://localhost:3000/redirect'],
  scopesSupported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
};

/** Discovery "found" metadata naming another issuer, so setup explains a mismatch on the input. */
function foundFor(issuer: string): DiscoveryOutcome {
  return {
    status: 'found',
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    metadata: {
      issuer,
      authorization_endpoint: `${issuer}/v1/authorize`,
      token_endpoint: `${issuer}/v1/token`,
      jwks_uri: `${issuer}/v1/keys`,
    },
    attempts: [],
    jwks: { status: 'ok', uri: `${issuer}/v1/keys`, keyCount: 1, signingKeyCount: 1, algorithms: ['RS256'] },
  };
}

/** The pure checks as the API calls them, with a local key set and a real first response. */
async function pureChecks(): Promise<Check[]> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const getKey: JWTVerifyGetKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  const now = new Date();
  const iat = Math.floor(now.getTime() / 1000) - 600;
  const ctx: TokenCheckContext = { issuer: ISSUER, clientId: CLIENT_ID, audience: 'api://default', now, getKey, practice: true };
  const token = await new SignJWT({
    iss: ISSUER,
    cid: CLIENT_ID,
    aud: 'api://default',
    sub: 'learner@example.com',
    iat,
    exp: iat + 3600,
    jti: 'AT.first',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
  const firstReport = await checkTokenResponse(
    JSON.stringify({
      access_token: token,
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'r'.repeat(43),
      scope: 'offline_access api:read',
    }),
    ctx,
  );
  if (firstReport.status !== 'pass' || !firstReport.summary) throw new Error('the first token response did not pass');
  const first: TokenSummary = firstReport.summary;

  return [
    { name: 'authorize-url', run: (text) => checkAuthorizeUrl(`${EXPECTED.authorizationEndpoint}?${text}`, EXPECTED) },
    {
      name: 'redirect (URL)',
      run: (text) =>
        checkRedirect(
          { url: `http://localhost:3000/redirect?${text}` },
          { expectedState: 'q8Xk2LmP9sTwZr4v', redirectUri: EXPECTED.redirectUri },
        ),
    },
    {
      name: 'redirect (values)',
      run: (text) =>
        checkRedirect(
          { code: text, state: text, error: text, error_description: text },
          { expectedState: 'q8Xk2LmP9sTwZr4v', redirectUri: null },
        ),
    },
    { name: 'token-response', run: (text) => checkTokenResponse(text, ctx) },
    { name: 'refresh-response', run: (text) => checkRefreshResponse(text, { ...ctx, first }) },
    { name: 'setup (pure)', run: (text) => checkSetup({ issuer: text, clientId: text, redirectUri: text }, foundFor(`${text}x`)) },
    // The course's check kinds (issue 21): every field holds the hostile text.
    {
      name: 'discovery',
      run: (text) =>
        checkDiscovery(
          { issuer: text, authorizationEndpoint: text, tokenEndpoint: text, jwksUri: text, scope: text },
          {
            metadata: {
              issuer: ISSUER,
              authorization_endpoint: `${ISSUER}/v1/authorize`,
              token_endpoint: `${ISSUER}/v1/token`,
              jwks_uri: `${ISSUER}/v1/keys`,
              scopes_supported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
            },
            metadataUrl: `${ISSUER}/.well-known/openid-configuration`,
            kind: 'okta',
            practice: true,
          },
        ),
    },
    {
      name: 'client-credentials-response',
      run: (text) =>
        checkClientCredentialsResponse(text, { ...ctx, tokenEndpoint: `${ISSUER}/v1/token`, otherClientIds: { web: '0oaWEB' } }),
    },
    { name: 'app (own server)', run: (text) => checkOwnAppClientId(text, CLIENT_ID) },
    {
      // The api-call check reads observed calls, not text: the hostile part is a token's scopes and the call's jti.
      name: 'api-call',
      run: (text) =>
        checkApiCall(
          [
            {
              clientId: CLIENT_ID,
              tokenJti: text,
              status: 403,
              outcome: 'insufficient_scope',
              sentVia: 'header',
              scopes: [text],
              calledAt: iat,
            },
          ],
          { clientId: CLIENT_ID, since: null, now, apiUrl: 'http://localhost:3000/api/practice/photos' },
        ),
    },
  ];
}

/** A full collection between samples (when run with --expose-gc): no sample pays for another's garbage. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function perCall(run: (text: string) => unknown, text: string, iterations: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await run(text);
  return (performance.now() - started) / iterations;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Times every check on every family at both sizes. Each sample repeats the call until it lasts
 * about 10 ms (timer resolution and one-off pauses matter less), the same number of times at
 * 64 KiB and four times as many at 16 KiB; the figure is the median of `samples` samples.
 */
export async function measureAdversarialChecks(options: { samples: number; log?: (line: string) => void }): Promise<CheckTiming[]> {
  const checks = await pureChecks();
  const timings: CheckTiming[] = [];
  for (const check of checks) {
    for (const family of ADVERSARIAL_FAMILIES) {
      const small = family.make(ADVERSARIAL_SIZES.small);
      const large = family.make(ADVERSARIAL_SIZES.large);
      await check.run(small);
      const once = await perCall(check.run, large, 1);
      const iterations = Math.max(1, Math.min(500, Math.ceil(10 / Math.max(once, 0.002))));
      const s16: number[] = [];
      const s64: number[] = [];
      for (let i = 0; i < options.samples; i++) {
        collectGarbage();
        s16.push(await perCall(check.run, small, iterations * 4));
        collectGarbage();
        s64.push(await perCall(check.run, large, iterations));
      }
      const timing = { check: check.name, family: family.name, ms16: median(s16), ms64: median(s64) };
      options.log?.(`  ${check.name} × ${family.name}: ${timing.ms16.toFixed(3)} ms → ${timing.ms64.toFixed(3)} ms`);
      timings.push(timing);
    }
  }
  return timings;
}

function get(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end();
  });
}

function post(url: string, agent: Agent, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', agent, timeout: 60_000, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/**
 * GETs `url` at a fixed rate (open loop: a slow answer does not delay the next request, so a
 * blocked server shows in the figures instead of hiding behind fewer samples). Returns the
 * latencies of the 200 answers and the number of other outcomes.
 */
async function sampleLatency(url: string, durationMs: number, intervalMs: number): Promise<{ latencies: number[]; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let failures = 0;
  const pending: Promise<void>[] = [];
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    const started = performance.now();
    pending.push(
      get(url, agent).then((status) => {
        if (status === 200) latencies.push(performance.now() - started);
        else failures++;
      }),
    );
    await sleep(intervalMs);
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies, failures };
}

function summarize(runs: { latencies: number[]; failures: number }[]): LatencySummary {
  const sorted = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    samples: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
    failures: runs.reduce((n, run) => n + run.failures, 0),
  };
}

/**
 * Runs {@link measureAdversarialChecks} in a child Node with `--expose-gc` (bench/adversarial-checks.ts),
 * away from the bench's own servers and sockets, and returns its timings.
 */
export function measureAdversarialChecksInChild(root: string, samples: number): Promise<CheckTiming[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(root, 'bench', 'adversarial-checks.ts'), `--samples=${samples}`],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
      (error, stdout) => {
        if (error) {
          reject(error);
          return;
        }
        try {
          resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as CheckTiming[]);
        } catch (parseError) {
          reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
        }
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  });
}

/** A learner who chose the practice server: enough for the token and refresh checks to run. */
async function practiceLearner(origin: string): Promise<string> {
  const session = new LearnerSession(origin);
  await (await session.fetch('/exercise/refresh')).text();
  await session.json('/api/exercise/setup', 'POST', { mode: 'practice' });
  return session.sessionCookie();
}

/**
 * `/api/health` latency idle and while `connections` clients post 64 KiB adversarial pastes
 * (every family, to the token and refresh checks in turn) back to back: `rounds` interleaved
 * pairs of phases of `durationSeconds` each, so a change in background load hits both alike.
 */
export async function measureHealthUnderAttack(
  origin: string,
  options: { durationSeconds: number; rounds: number; connections: number; maxBodyBytes: number },
): Promise<HealthUnderAttack> {
  const healthUrl = `${origin}/api/health`;
  const durationMs = options.durationSeconds * 1000;
  const intervalMs = 10;
  await sampleLatency(healthUrl, 1000, intervalMs); // warm-up

  const cookie = await practiceLearner(origin);
  const wrap = (text: string) => ({ response: text });
  const bodies = ADVERSARIAL_FAMILIES.flatMap((family) => {
    const body = JSON.stringify(wrap(fitBody(family.make(ADVERSARIAL_SIZES.large), wrap, options.maxBodyBytes)));
    return ['token-response', 'refresh-response'].map((step) => ({ url: `${origin}/api/exercise/${step}`, body }));
  });
  const headers = { 'content-type': 'application/json', cookie };
  const statuses: Record<string, number> = {};
  const checkLatencies: number[] = [];

  const idleRuns: { latencies: number[]; failures: number }[] = [];
  const loadedRuns: { latencies: number[]; failures: number }[] = [];
  let attackSeconds = 0;
  for (let round = 0; round < options.rounds; round++) {
    idleRuns.push(await sampleLatency(healthUrl, durationMs, intervalMs));

    let stop = false;
    const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
    const attacker = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        const { url, body } = bodies[i % bodies.length]!;
        const started = performance.now();
        const status = await post(url, agent, headers, body);
        if (!stop) checkLatencies.push(performance.now() - started);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    };
    const attackers = Array.from({ length: options.connections }, (_, i) => attacker(round * 5 + i * 7));
    await sleep(300); // the attack at its pace before sampling
    const started = performance.now();
    loadedRuns.push(await sampleLatency(healthUrl, durationMs, intervalMs));
    attackSeconds += (performance.now() - started) / 1000;
    stop = true;
    await Promise.all(attackers);
    agent.destroy();
  }

  return {
    idle: summarize(idleRuns),
    loaded: summarize(loadedRuns),
    attack: {
      requests: checkLatencies.length,
      perSecond: checkLatencies.length / attackSeconds,
      statuses,
      families: ADVERSARIAL_FAMILIES.map((f) => f.name),
      connections: options.connections,
      latency: summarize([{ latencies: checkLatencies, failures: 0 }]),
    },
    durationSeconds: options.durationSeconds,
    rounds: options.rounds,
  };
}
