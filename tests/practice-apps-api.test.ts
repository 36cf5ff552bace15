/**
 * The practice apps API (SPEC §9, docs/api.md) over HTTP, as Next.js would run its route
 * handlers behind the Node server: one app per learner and type, created when needed,
 * edited per type, kept apart per learner; and the service app's credentials at work on
 * the practice server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { GET as getPracticeApp, PATCH as patchPracticeApp } from '@/app/api/practice/app/route';
import { GET as listApps } from '@/app/api/practice/apps/route';
import { PATCH as patchApp, PUT as putApp } from '@/app/api/practice/apps/[type]/route';
import { PRACTICE_APP_TYPES } from '@/lib/db/practice-clients';
import { nextLike, type RouteTable } from './support/next-like';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { learnerCookie } from './support/requests';

const typeRoutes: RouteTable = Object.fromEntries(
  [...PRACTICE_APP_TYPES, 'nonsense'].map((type) => {
    const context = { params: Promise.resolve({ type }) };
    return [`/api/practice/apps/${type}`, { PUT: (r: Request) => putApp(r, context), PATCH: (r: Request) => patchApp(r, context) }];
  }),
);

describe('/api/practice/apps', () => {
  let site: PracticeServerHandle;
  beforeAll(async () => {
    site = await startPracticeServer({
      next: nextLike({
        '/api/practice/app': { GET: getPracticeApp, PATCH: patchPracticeApp },
        '/api/practice/apps': { GET: listApps },
        ...typeRoutes,
      }),
    });
  });
  afterAll(() => site.stop());

  type Answer = { status: number; body: Record<string, unknown>; setCookie: string | null };
  async function call(
    method: string,
    path: string,
    cookie?: string,
    json?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${site.baseUrl}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      setCookie: response.headers.get('set-cookie'),
    };
  }
  const errorOf = (answer: Answer) => answer.body.error as { code: string; message: string };

  it('lists no app for a new visitor, and gives them a session', async () => {
    const answer = await call('GET', '/api/practice/apps');
    expect(answer).toMatchObject({ status: 200, body: { apps: [] } });
    expect(answer.setCookie).toMatch(/^oauthlab_sid=/);
  });

  it('creates the service app on PUT (201), answers it again after (200), and lists each app shaped like GET /api/practice/app plus its type', async () => {
    const { cookie } = learnerCookie();
    const created = await call('PUT', '/api/practice/apps/service', cookie);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      type: 'service',
      name: 'My Service App',
      applicationType: 'service',
      clientId: expect.stringMatching(/^0oa[A-Za-z0-9]{17}$/),
      clientSecret: expect.any(String),
      redirectUris: [],
      postLogoutRedirectUris: [],
      grantTypes: ['client_credentials'],
      refreshTokenRotation: 'persistent',
      requirePkce: false,
      issuer: site.issuer,
    });
    expect(await call('PUT', '/api/practice/apps/service', cookie)).toMatchObject({ status: 200, body: created.body });
    expect((await call('GET', '/api/practice/apps', cookie)).body).toEqual({ apps: [created.body] });

    const web = await call('GET', '/api/practice/app', cookie);
    expect(web.body).toMatchObject({ name: 'My Web App', applicationType: 'web' });
    expect(await call('PUT', '/api/practice/apps/web', cookie)).toEqual({
      status: 200,
      body: { ...web.body, type: 'web' },
      setCookie: null,
    });
    expect((await call('GET', '/api/practice/apps', cookie)).body).toEqual({ apps: [{ ...web.body, type: 'web' }, created.body] });
  });

  it.each(['spa', 'native', 'device', 'nonsense'])('answers 404 for apps of type "%s", naming the types that exist', async (type) => {
    const { cookie } = learnerCookie();
    for (const method of ['PUT', 'PATCH']) {
      const answer = await call(method, `/api/practice/apps/${type}`, cookie, method === 'PATCH' ? { grantTypes: [] } : undefined);
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toEqual({
        code: 'not_found',
        message: `There is no practice app of type "${type}". The types that exist: web, service.`,
      });
    }
    expect((await call('GET', '/api/practice/apps', cookie)).body).toEqual({ apps: [] });
  });

  it.each([
    ['a redirect URI', { redirectUris: ['http://localhost:3000/redirect'] }, 'redirectUris', 'has no sign-in redirect URIs'],
    ['an empty list of redirect URIs', { redirectUris: [] }, 'redirectUris', 'signs no user in'],
    ['another grant', { grantTypes: ['client_credentials', 'authorization_code'] }, 'grantTypes', 'cannot have authorization_code'],
    ['no grant', { grantTypes: [] }, 'grantTypes', 'always has client_credentials'],
    ['an unknown grant', { grantTypes: ['password'] }, 'grantTypes', 'unknown grant type'],
    ['a refresh token behaviour', { refreshTokenRotation: 'rotate' }, 'refreshTokenRotation', 'gets no refresh tokens'],
    ['Require PKCE', { requirePkce: true }, 'requirePkce', 'never receives an authorization code'],
    ['a sign-out redirect URI', { postLogoutRedirectUris: ['http://localhost:3000/'] }, 'postLogoutRedirectUris', 'signs no user out'],
    ['an unknown field', { clientSecret: 'mine' }, 'clientSecret', 'Unrecognized key'],
    ['an empty edit', {}, 'body', 'send at least one of grantTypes'],
  ])('refuses a service app edit with %s (400 naming the field and why)', async (_name, json, field, why) => {
    const { cookie } = learnerCookie();
    const answer = await call('PATCH', '/api/practice/apps/service', cookie, json);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('bad_request');
    expect(errorOf(answer).message).toContain(field);
    expect(errorOf(answer).message).toContain(why);
  });

  it("accepts the service app's one grant, and edits the web app as PATCH /api/practice/app does (same checks)", async () => {
    const { cookie } = learnerCookie();
    const service = await call('PATCH', '/api/practice/apps/service', cookie, { grantTypes: ['client_credentials'] });
    expect(service).toMatchObject({ status: 200, body: { type: 'service', grantTypes: ['client_credentials'] } });

    const web = await call('PATCH', '/api/practice/apps/web', cookie, {
      grantTypes: ['authorization_code', 'refresh_token'],
      requirePkce: true,
    });
    expect(web).toMatchObject({
      status: 200,
      body: { type: 'web', grantTypes: ['authorization_code', 'refresh_token'], requirePkce: true },
    });
    expect((await call('GET', '/api/practice/app', cookie)).body).toMatchObject({ grantTypes: ['authorization_code', 'refresh_token'] });
    const outside = await call('PATCH', '/api/practice/apps/web', cookie, { redirectUris: ['https://evil.example/cb'] });
    expect(outside.status).toBe(400);
    expect(errorOf(outside).message).toContain('Refused redirect URI: https://evil.example/cb');
    expect(errorOf(await call('PATCH', '/api/practice/apps/web', cookie, { redirectUris: [] })).message).toContain('keep at least one');
  });

  it("keeps the web app's sign-out redirect URIs: the site's URL by default, edited (or emptied) with PATCH, the same hosts as sign-in", async () => {
    const { cookie } = learnerCookie();
    const created = await call('PUT', '/api/practice/apps/web', cookie);
    expect(created.body.postLogoutRedirectUris).toEqual([`${site.baseUrl}/`]);

    const custom = ['https://example-app.com/signed-out', 'http://localhost:8080/'];
    const edited = await call('PATCH', '/api/practice/apps/web', cookie, { postLogoutRedirectUris: custom });
    expect(edited).toMatchObject({ status: 200, body: { postLogoutRedirectUris: custom, redirectUris: created.body.redirectUris } });
    expect((await call('GET', '/api/practice/app', cookie)).body.postLogoutRedirectUris).toEqual(custom);
    expect((await call('PATCH', '/api/practice/app', cookie, { postLogoutRedirectUris: [] })).body.postLogoutRedirectUris).toEqual([]);

    const outside = await call('PATCH', '/api/practice/apps/web', cookie, { postLogoutRedirectUris: ['https://evil.example/bye'] });
    expect(outside.status).toBe(400);
    expect(errorOf(outside).message).toContain('Refused redirect URI: https://evil.example/bye');
    const fragment = await call('PATCH', '/api/practice/apps/web', cookie, { postLogoutRedirectUris: ['http://localhost:3000/#x'] });
    expect(fragment.status).toBe(400);
    expect(errorOf(fragment).message).toContain('postLogoutRedirectUris');
  });

  it('refuses cross-site writes as every other API does', async () => {
    const { cookie } = learnerCookie();
    for (const method of ['PUT', 'PATCH']) {
      const answer = await call(
        method,
        '/api/practice/apps/service',
        cookie,
        method === 'PATCH' ? { grantTypes: ['client_credentials'] } : undefined,
        {
          origin: 'https://evil.example',
        },
      );
      expect(answer.status).toBe(403);
      expect(errorOf(answer).code).toBe('forbidden');
    }
    expect((await call('GET', '/api/practice/apps', cookie)).body).toEqual({ apps: [] });
  });

  it("keeps each learner to their own apps: one learner never sees or edits another's", async () => {
    const a = learnerCookie();
    const b = learnerCookie();
    const aService = await call('PUT', '/api/practice/apps/service', a.cookie);
    const aWeb = await call('PUT', '/api/practice/apps/web', a.cookie);
    expect((await call('GET', '/api/practice/apps', b.cookie)).body).toEqual({ apps: [] });
    const bService = await call('PATCH', '/api/practice/apps/service', b.cookie, { grantTypes: ['client_credentials'] });
    expect(bService.status).toBe(200);
    expect(bService.body.clientId).not.toBe(aService.body.clientId);
    const bApps = (await call('GET', '/api/practice/apps', b.cookie)).body.apps as { clientId: string }[];
    expect(bApps.map((app) => app.clientId)).toEqual([bService.body.clientId]);
    const aApps = (await call('GET', '/api/practice/apps', a.cookie)).body.apps as { clientId: string }[];
    expect(aApps.map((app) => app.clientId)).toEqual([aWeb.body.clientId, aService.body.clientId]);
  });

  it("gets a token with the service app's credentials from the API, and none with the web app's until its grant is ticked", async () => {
    const { cookie } = learnerCookie();
    const service = (await call('PUT', '/api/practice/apps/service', cookie)).body as { clientId: string; clientSecret: string };
    const web = (await call('PUT', '/api/practice/apps/web', cookie)).body as { clientId: string; clientSecret: string };
    const token = (app: { clientId: string; clientSecret: string }) =>
      fetch(`${site.issuer}/v1/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api:read' }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));
    const issued = await token(service);
    expect(issued.status).toBe(200);
    expect(decodeJwt(String(issued.body.access_token))).toMatchObject({ sub: service.clientId, cid: service.clientId, scp: ['api:read'] });
    expect(await token(web)).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    await call('PATCH', '/api/practice/apps/web', cookie, { grantTypes: ['authorization_code', 'client_credentials'] });
    expect((await token(web)).status).toBe(200);
  });
});
