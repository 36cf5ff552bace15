/**
 * The check API's fast path (issue 10, decision 008): the Node server runs the check route
 * handler itself, without Next's pipeline. Over real HTTP, through the server's own request
 * listener (Next.js replaced by a stub that says it was reached): the same answers as the
 * route handler gives, the session cookie, CSRF refusal, errors as JSON, the body limit,
 * and the security headers next.config.js gives every response.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as checkRoute } from '@/app/api/exercise/[step]/route';
import { POST as courseCheckRoute } from '@/app/api/exercises/[exercise]/[step]/route';
import { getEnv } from '@/lib/env';
import { getLogger } from '@/lib/logging/logger';
import { createCheckApiFastPath, STATIC_SECURITY_HEADERS } from '@/lib/server/api-fast-path';
import { createRequestListener } from '@/lib/server/request-listener';
import { useTempDatabase } from './support/db';

describe('check API fast path', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    temp = await useTempDatabase();
    server = createServer(
      createRequestListener({
        env: getEnv(),
        logger: getLogger(),
        practice: null,
        next: async (_req, res) => {
          res.writeHead(299, { 'content-type': 'text/plain' }).end('next.js');
        },
        fastPaths: [createCheckApiFastPath(checkRoute, courseCheckRoute)],
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await temp.cleanup();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('runs a check with the route handler, sets the session cookie and the security headers', async () => {
    const response = await post('/api/exercise/setup', JSON.stringify({ mode: 'practice' }));
    expect(response.status).toBe(200);
    const report = (await response.json()) as { step: string; status: string };
    expect(report).toMatchObject({ step: 'setup', status: 'pass' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    for (const { key, value } of STATIC_SECURITY_HEADERS) expect(response.headers.get(key), key).toBe(value);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('oauthlab_sid='));
    expect(cookie).toMatch(/HttpOnly/);

    // The same learner goes on with the cookie: the next step sees the chosen server.
    const session = cookie!.split(';')[0]!;
    const next = await post('/api/exercise/authorize-url', JSON.stringify({ url: 'https://example.com/' }), { cookie: session });
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ step: 'authorize-url', status: 'fail' });
    expect(next.headers.getSetCookie()).toEqual([]);
  });

  it('serves the course’s checks too (POST /api/exercises/<exercise>/<step>), with the same learner', async () => {
    const response = await post('/api/exercises/getting-started/setup', JSON.stringify({ mode: 'practice' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ step: 'setup', status: 'pass' });
    for (const { key, value } of STATIC_SECURITY_HEADERS) expect(response.headers.get(key), key).toBe(value);
    const session = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('oauthlab_sid='))!
      .split(';')[0]!;
    // The server chosen in Getting Started is the learner's: the Refresh Tokens API sees it.
    const next = await post('/api/exercise/authorize-url', JSON.stringify({ url: 'https://example.com/' }), { cookie: session });
    expect(await next.json()).toMatchObject({ step: 'authorize-url', status: 'fail' });
    const unknown = await post('/api/exercises/getting-started/nope', '{}', { cookie: session });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    // Anything else under /api/exercises (the course, progress, completion records) is Next's.
    expect((await fetch(`${base}/api/exercises`)).status).toBe(299);
    for (const route of ['progress', 'completion-record']) {
      expect((await post(`/api/exercises/web/${route}`, '{}', { cookie: session })).status, route).toBe(299);
    }
  });

  it('answers malformed calls and cross-site posts with the API error envelope', async () => {
    const crossSite = await post('/api/exercise/setup', JSON.stringify({ mode: 'practice' }), { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'forbidden' } });
    const notJson = await post('/api/exercise/setup', 'mode=practice', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'bad_request' } });
    const unknown = await post('/api/exercise/nope', '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const tooLarge = await post('/api/exercise/token-response', JSON.stringify({ response: 'x'.repeat(70_000) }));
    expect(tooLarge.status).toBe(413);
  });

  it('leaves every other request to Next.js', async () => {
    expect((await fetch(`${base}/api/exercise/setup`)).status).toBe(299);
    expect((await post('/api/progress/resume-link', '{}')).status).toBe(299);
    expect((await post('/api/exercise/setup/extra', '{}')).status).toBe(299);
    // With a query string, Next.js runs the same handler (the bench compares the two paths).
    expect((await post('/api/exercise/setup?via=next', '{}')).status).toBe(299);
  });

  it('gives the headers next.config.js gives every Next.js response', async () => {
    const config = (await import(pathToFileURL(path.resolve('next.config.js')).href)) as { default: NextConfig };
    const rules = await config.default.headers!();
    expect(rules).toEqual([{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }]);
  });
});
