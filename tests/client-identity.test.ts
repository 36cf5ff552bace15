/**
 * Who is asking (issue 18, decision 006): the client address is decided once per request by
 * the Node server, and every route family reads that decision — the check API's fast path,
 * a route handler behind Next.js, the practice sign-in, the join API. Over real HTTP from
 * two different loopback peers (127.0.0.2, 127.0.0.3, …): per-address limits keep the
 * clients apart, and a forged X-Forwarded-For, X-Real-IP or Forwarded changes nothing while
 * TRUST_PROXY is off; with TRUST_PROXY=1 behind a proxy, the proxy's word is taken and what
 * the client put in front of it is not. Each scenario uses its own peers, so no limit's
 * count leaks from one into another.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as checkRoute } from '@/app/api/exercise/[step]/route';
import { POST as joinRoute } from '@/app/api/cohorts/join/route';
import { GET as getPracticeApp } from '@/app/api/practice/app/route';
import { identifyRequest } from '@/lib/server/client-address';
import { createCheckApiFastPath } from '@/lib/server/api-fast-path';
import { nextLike } from './support/next-like';
import { authorizeUrl } from './support/practice-requests';
import { CookieJar, followRedirects, startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { learnerCookie } from './support/requests';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/round-robin-proxy';

/** What a client may claim about itself; none of it may count while TRUST_PROXY is off. */
const FORGERIES: Record<string, string>[] = [
  { 'x-forwarded-for': '198.51.100.1' },
  { 'x-real-ip': '198.51.100.2' },
  { forwarded: 'for=198.51.100.3' },
  { 'x-forwarded-for': '127.0.0.99, 198.51.100.4', 'x-real-ip': '127.0.0.98', forwarded: 'for="[2001:db8::1]"' },
];

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

/** One request from the loopback address `from` (Node's `localAddress`): a distinct client. */
function send(url: string, options: { from: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });

const LIMITS = {
  RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: '3',
  RATE_LIMIT_CHECKS_PER_MINUTE: '3',
  RATE_LIMIT_JOIN_FAILURES_PER_MINUTE: '3',
  RATE_LIMIT_SIGNIN_PER_MINUTE: '3',
};

async function startSite(env: Record<string, string>): Promise<PracticeServerHandle> {
  return startPracticeServer({
    env: { ...LIMITS, ...env },
    next: nextLike({ '/api/practice/app': { GET: getPracticeApp }, '/api/cohorts/join': { POST: joinRoute } }),
    fastPaths: [createCheckApiFastPath(checkRoute)],
  });
}

/** Uses up `count` of a limit from `from`, then expects the next request (plain or forged) to be refused. */
async function expectLimitHolds(
  call: (from: string, headers?: Record<string, string>) => Promise<Answer>,
  { from, allowed, okStatus }: { from: string; allowed: number; okStatus: number },
): Promise<void> {
  for (let i = 0; i < allowed; i += 1) expect((await call(from)).status, `request ${i + 1} from ${from}`).toBe(okStatus);
  expect((await call(from)).status, `request ${allowed + 1} from ${from}`).toBe(429);
  for (const forged of FORGERIES) expect((await call(from, forged)).status, JSON.stringify(forged)).toBe(429);
}

describe('client address without a trusted proxy (TRUST_PROXY off)', () => {
  let site: PracticeServerHandle;
  beforeAll(async () => {
    site = await startSite({ TRUST_PROXY: 'false' });
  });
  afterAll(() => site.stop());

  const setup = (from: string, headers: Record<string, string> = {}) =>
    send(`${site.baseUrl}/api/exercise/setup`, { from, method: 'POST', headers: json(headers), body: '{"mode":"practice"}' });

  it('check API (fast path): new learners are counted per peer, and forged headers are ignored', async () => {
    await expectLimitHolds(setup, { from: '127.0.0.2', allowed: 3, okStatus: 200 });
    // Another client is another address: its allowance is whole.
    expect((await setup('127.0.0.3')).status).toBe(200);
    expect((await setup('127.0.0.3', { 'x-forwarded-for': '127.0.0.2' })).status).toBe(200);
  });

  it('check API (fast path): one learner’s limit is not reset by a forged address', async () => {
    const { cookie } = learnerCookie();
    await expectLimitHolds((from, headers = {}) => setup(from, { cookie, ...headers }), { from: '127.0.0.10', allowed: 3, okStatus: 200 });
  });

  it('check API (fast path): the request id is ours, not the client’s', async () => {
    const answer = await setup('127.0.0.11', { 'x-request-id': 'forged-request-id-123' });
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a route behind Next.js (GET /api/practice/app): per-peer new-learner limit, forged headers ignored', async () => {
    const app = (from: string, headers: Record<string, string> = {}) => send(`${site.baseUrl}/api/practice/app`, { from, headers });
    await expectLimitHolds(app, { from: '127.0.0.4', allowed: 3, okStatus: 200 });
    expect((await app('127.0.0.5')).status).toBe(200);
  });

  it('the practice sign-in: failures counted per peer, forged headers ignored', async () => {
    const app = await site.createApp();
    const jar = new CookieJar();
    const page = await followRedirects(
      jar,
      site.baseUrl,
      authorizeUrl(site, app, { code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }),
    );
    expect(page.response.status).toBe(200);
    await page.response.text();
    let attempt = 0;
    const signIn = (from: string, headers: Record<string, string> = {}) =>
      send(page.url.href, {
        from,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...headers },
        // A different (wrong) user name each time: only the per-address limit is in play.
        body: new URLSearchParams({ username: `nobody${(attempt += 1)}@example.com`, password: 'wrong' }).toString(),
      });
    await expectLimitHolds(signIn, { from: '127.0.0.6', allowed: 3, okStatus: 401 });
    expect((await signIn('127.0.0.7')).status).toBe(401);
  });

  it('the join API: failed codes counted per peer, forged headers ignored', async () => {
    const join = (from: string, headers: Record<string, string> = {}) =>
      send(`${site.baseUrl}/api/cohorts/join`, {
        from,
        method: 'POST',
        headers: json(headers),
        body: JSON.stringify({ code: 'ZZZZ-ZZZZ', displayName: 'Ann' }),
      });
    await expectLimitHolds(join, { from: '127.0.0.8', allowed: 3, okStatus: 404 });
    expect((await join('127.0.0.9')).status).toBe(404);
  });
});

describe('client address behind a trusted proxy (TRUST_PROXY=1)', () => {
  let site: PracticeServerHandle;
  let proxy: RoundRobinProxy;
  beforeAll(async () => {
    site = await startSite({ TRUST_PROXY: '1' });
    proxy = await startRoundRobinProxy({ port: 0, upstreams: [{ name: 'A', port: Number(new URL(site.baseUrl).port) }] });
  });
  afterAll(async () => {
    await proxy.close();
    await site.stop();
  });

  const setup = (from: string, headers: Record<string, string> = {}) =>
    send(`http://127.0.0.1:${proxy.port}/api/exercise/setup`, {
      from,
      method: 'POST',
      headers: json(headers),
      body: '{"mode":"practice"}',
    });

  it('takes the client the proxy saw, not an address the client put in front of it', async () => {
    // Each forged X-Forwarded-For is a different address: were it believed, none would be limited.
    let n = 0;
    const forgingSetup = (from: string, headers: Record<string, string> = {}) =>
      setup(from, { 'x-forwarded-for': `203.0.113.${(n += 1)}`, ...headers });
    await expectLimitHolds(forgingSetup, { from: '127.0.0.2', allowed: 3, okStatus: 200 });
    expect((await setup('127.0.0.3')).status).toBe(200);
  });

  it('passes a trusted proxy’s well-formed request id on', async () => {
    const answer = await send(`${site.baseUrl}/api/exercise/setup`, {
      from: '127.0.0.12',
      method: 'POST',
      headers: json({ 'x-request-id': 'proxy-request-id-42' }),
      body: '{"mode":"practice"}',
    });
    expect(answer.headers['x-request-id']).toBe('proxy-request-id-42');
  });
});

describe('identifyRequest', () => {
  const fakeRequest = (rawHeaders: string[]) => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < rawHeaders.length; i += 2) headers[rawHeaders[i]!.toLowerCase()] = rawHeaders[i + 1]!;
    return { headers, rawHeaders, socket: { remoteAddress: '127.0.0.2' } } as unknown as IncomingMessage;
  };

  it('leaves no forwarding header a client sent in either view of the headers', () => {
    const req = fakeRequest([
      'Host',
      'lab.example',
      'X-Forwarded-For',
      '198.51.100.1',
      'X-Real-IP',
      '198.51.100.2',
      'Forwarded',
      'for=198.51.100.3',
      'X-Forwarded-Host',
      'evil.example',
      'X-Request-Id',
      'forged-request-id',
    ]);
    const identity = identifyRequest(req, 0);
    expect(identity.address).toBe('127.0.0.2');
    expect(req.headers).toEqual({ host: 'lab.example', 'x-forwarded-for': '127.0.0.2', 'x-request-id': identity.requestId });
    expect(req.rawHeaders).toEqual(['Host', 'lab.example', 'x-forwarded-for', '127.0.0.2', 'x-request-id', identity.requestId]);
    // Decided once: a second call changes nothing.
    expect(identifyRequest(req, 1)).toBe(identity);
  });
});
