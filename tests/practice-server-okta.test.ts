/**
 * The practice server where it used to differ from an Okta org's default authorization
 * server (issue 12), over real HTTP on loopback: userinfo with the server's own access
 * tokens, "Require PKCE" per app, unknown scopes, the ID token's claims, redirect statuses
 * and WWW-Authenticate, and what a reused code revokes.
 */
import { decodeJwt } from 'jose';
import * as oauth from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPracticeApp } from '@/app/api/practice/app/route';
import { updatePracticeApp } from '@/lib/db/practice-clients';
import type { PracticeAppView } from '@/lib/practice-server/app-view';
import { check, failingCodesOf } from './support/exercise-api';
import { browserFetch, CookieJar, startPracticeServer, submitSignIn, type PracticeServerHandle } from './support/practice-server';
import { authorizeUrl, basic, codeTokens, tokenRequest, WITH_REFRESH } from './support/practice-requests';
import { apiRequest, learnerCookie } from './support/requests';

describe('practice server, as an Okta org answers', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  const userinfo = (authorization?: string, init: RequestInit = {}) =>
    fetch(`${server.issuer}/v1/userinfo`, {
      ...init,
      headers: { ...(authorization ? { authorization } : {}), ...(init.headers as Record<string, string>) },
    });

  describe('/v1/userinfo', () => {
    it("answers the user's claims for the server's own access token, per granted scope", async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app, 'openid profile email offline_access api:read');
      const uid = decodeJwt(tokens.access_token).uid;
      expect(uid).toMatch(/^00u\w{17}$/);

      const response = await userinfo(`Bearer ${tokens.access_token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toContain('no-store');
      const claims = (await response.json()) as Record<string, unknown>;
      expect(claims).toMatchObject({
        sub: uid,
        name: 'Practice Learner',
        preferred_username: 'learner@example.com',
        email: 'learner@example.com',
        email_verified: true,
      });

      // The same answer to a POST, with the token in the header or in the form body (RFC 6750 §2.2).
      const posted = await userinfo(undefined, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: tokens.access_token }),
      });
      expect(posted.status).toBe(200);
      expect(await posted.json()).toEqual(claims);
    });

    it('refuses a token with openid alone (no profile, email, address or phone) with 403, as Okta does', async () => {
      const app = await server.createApp();
      const tokens = await codeTokens(server, app, 'openid api:read');
      const response = await userinfo(`Bearer ${tokens.access_token}`);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'insufficient_scope',
        error_description: 'The access token must provide access to at least one of these scopes - profile, email, address or phone',
      });
    });

    it('is what openid-client reads with fetchUserInfo', async () => {
      const app = await server.createApp();
      const tokens = await codeTokens(server, app, 'openid profile api:read');
      const sub = String(decodeJwt(tokens.id_token!).sub);
      const claims = await oauth.fetchUserInfo(await server.clientConfig(app), tokens.access_token, sub);
      expect(claims.preferred_username).toBe('learner@example.com');
    });

    it('refuses a token without openid with 403 insufficient_scope, header and body agreeing', async () => {
      const app = await server.createApp();
      const tokens = await codeTokens(server, app, 'api:read');
      const response = await userinfo(`Bearer ${tokens.access_token}`);
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe('insufficient_scope');
      const header = response.headers.get('www-authenticate') ?? '';
      expect(header).toMatch(/^Bearer /);
      expect(header).toContain('error="insufficient_scope"');
      expect(header).toContain('scope="openid"');
      expect(header).toContain(`error_description="${body.error_description}"`);
    });

    it.each([
      ['no token', undefined],
      ['not a JWT', 'Bearer not-a-token'],
      ['a changed token', 'changed'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('refuses %s with 401 invalid_token, header and body agreeing', async (_name, authorization) => {
      let header = authorization;
      if (authorization === 'changed') {
        const app = await server.createApp();
        const tokens = await codeTokens(server, app, 'openid api:read');
        const [head, payload, signature] = tokens.access_token.split('.');
        const claims = { ...decodeJwt(tokens.access_token), uid: '00uSomeoneElse000000' };
        header = `Bearer ${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
        expect(payload).not.toBe(header.split('.')[1]);
      }
      const response = await userinfo(header);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe('invalid_token');
      const www = response.headers.get('www-authenticate') ?? '';
      expect(www).toMatch(/^Bearer /);
      expect(www).toContain('error="invalid_token"');
      expect(www).toContain(`error_description="${body.error_description}"`);
    });
  });

  describe('ID tokens', () => {
    it("carry the user id as sub (the access token's uid), the login in preferred_username and email, and Okta's claims", async () => {
      const app = await server.createApp(WITH_REFRESH);
      const before = Math.floor(Date.now() / 1000) - 1;
      const tokens = await codeTokens(server, app, 'openid profile email offline_access api:read');
      const access = decodeJwt(tokens.access_token);
      const id = decodeJwt(tokens.id_token!);
      expect(access.sub).toBe('learner@example.com');
      expect(id.sub).toBe(access.uid);
      expect(id).toMatchObject({
        iss: server.issuer,
        aud: app.clientId,
        ver: 1,
        jti: expect.stringMatching(/^ID\.[\w-]{16,}$/),
        amr: ['pwd'],
        idp: expect.stringMatching(/^00o\w{17}$/),
        auth_time: expect.any(Number),
        name: 'Practice Learner',
        preferred_username: 'learner@example.com',
        email: 'learner@example.com',
        email_verified: true,
      });
      expect(id.auth_time).toBeGreaterThanOrEqual(before);
      expect(id.auth_time).toBeLessThanOrEqual(id.iat!);

      // A refreshed ID token: the same user and sign-in, a new jti.
      const refreshed = await oauth.refreshTokenGrant(await server.clientConfig(app), tokens.refresh_token!);
      const again = decodeJwt(refreshed.id_token!);
      expect(again).toMatchObject({ sub: id.sub, ver: 1, amr: ['pwd'], idp: id.idp, auth_time: id.auth_time });
      expect(again.jti).not.toBe(id.jti);
    });

    it('leave out profile and email claims that were not granted', async () => {
      const app = await server.createApp();
      const tokens = await codeTokens(server, app, 'openid api:read');
      const id = decodeJwt(tokens.id_token!);
      expect(id.sub).toBe(decodeJwt(tokens.access_token).uid);
      expect(id).not.toHaveProperty('preferred_username');
      expect(id).not.toHaveProperty('email');
    });

    it("are described by discovery's claims_supported", async () => {
      const metadata = (await (await fetch(`${server.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(metadata.claims_supported).toEqual(
        expect.arrayContaining(['sub', 'ver', 'jti', 'amr', 'idp', 'auth_time', 'preferred_username', 'email']),
      );
    });
  });

  describe('"Require PKCE as additional verification" (requirePkce)', () => {
    it('is off by default: a web app with its secret signs in without PKCE, as on Okta', async () => {
      const app = await server.createApp(WITH_REFRESH);
      expect(app.requirePkce).toBe(false);
      const result = await server.signInForCode(app, { pkce: false });
      expect(result.callbackUrl.searchParams.get('code_challenge')).toBeNull();
      const answer = await tokenRequest(server, app, {
        grant_type: 'authorization_code',
        code: result.code,
        redirect_uri: result.redirectUri,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.refresh_token).toEqual(expect.any(String));
    });

    it('still checks a code_challenge that was sent', async () => {
      const app = await server.createApp();
      const result = await server.signInForCode(app);
      const answer = await tokenRequest(server, app, {
        grant_type: 'authorization_code',
        code: result.code,
        redirect_uri: result.redirectUri,
      });
      expect(answer).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'PKCE verification failed.' } });
    });

    it('ticked, refuses a request without code_challenge with invalid_request by redirect, and applies from the next request', async () => {
      const app = await server.createApp();
      const url = authorizeUrl(server, app, {});
      const before = await fetch(url, { redirect: 'manual' });
      expect(new URL(before.headers.get('location')!, url).pathname).toMatch(/\/interaction\//);

      const strict = await updatePracticeApp(server.db, app.learnerId, { requirePkce: true });
      expect(strict?.requirePkce).toBe(true);
      const after = await fetch(url, { redirect: 'manual' });
      const location = new URL(after.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(app.redirectUris[0]);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
      expect(location.searchParams.get('state')).toBe('state-123456789');
      // With a challenge, the strict app signs in as before.
      expect((await server.signInForCode(strict!)).code).toEqual(expect.any(String));
    });

    it("leaves the exercise's own check as it was: the learner's URL still needs a code_challenge", async () => {
      const { cookie } = learnerCookie();
      expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
      const app = (await (await getPracticeApp(apiRequest('/api/practice/app', { cookie }))).json()) as PracticeAppView;
      expect(app.requirePkce).toBe(false);
      const url = authorizeUrl(server, app, {});
      const report = await check('authorize-url', cookie, { url });
      expect(report.status).toBe('fail');
      expect(failingCodesOf(report)).toContain('code_challenge.missing');
    });
  });

  describe('unknown scopes', () => {
    it.each(['offline_access api:raed', 'openid profile groups', 'api:read api:write api:delete'])(
      'refuses scope=%s with invalid_scope by redirect, in the words of Okta, with no code',
      async (scope) => {
        const app = await server.createApp(WITH_REFRESH);
        const url = authorizeUrl(server, app, { scope, code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' });
        const response = await fetch(url, { redirect: 'manual' });
        expect(response.status).toBeGreaterThanOrEqual(300);
        expect(response.status).toBeLessThan(400);
        const location = new URL(response.headers.get('location')!);
        expect(`${location.origin}${location.pathname}`).toBe(app.redirectUris[0]);
        expect(Object.fromEntries(location.searchParams)).toEqual({
          error: 'invalid_scope',
          error_description: 'One or more scopes are not configured for the authorization server resource.',
          state: 'state-123456789',
          iss: server.issuer,
        });
      },
    );

    it('are refused on an error page when the redirect URI cannot be trusted', async () => {
      const app = await server.createApp();
      const url = authorizeUrl(server, app, { scope: 'api:raed', redirect_uri: 'https://evil.example/cb' });
      const response = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });

    it('are refused at the token endpoint too (client credentials; a refresh asking for more)', async () => {
      const app = await server.createApp({ grantTypes: ['client_credentials', 'authorization_code', 'refresh_token'] });
      const machine = await tokenRequest(server, app, { grant_type: 'client_credentials', scope: 'api:raed' });
      const tokens = await codeTokens(server, app);
      const refresh = await tokenRequest(server, app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token!,
        scope: 'api:raed',
      });
      expect(machine).toEqual({
        status: 400,
        body: { error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' },
      });
      // A refresh may only narrow the login's scopes: oidc-provider refuses more, in its own words.
      expect(refresh).toEqual({
        status: 400,
        body: { error: 'invalid_scope', error_description: 'refresh token missing requested scope' },
      });
    });

    it('leave every scope the server defines alone', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app, 'openid profile email offline_access api:read api:write');
      expect(tokens.scope?.split(' ').sort()).toEqual(['api:read', 'api:write', 'email', 'offline_access', 'openid', 'profile']);
    });
  });

  describe('redirects and WWW-Authenticate', () => {
    it('answers the authorization request with 302, to the sign-in page and then to the app, errors included', async () => {
      const app = await server.createApp();
      const jar = new CookieJar();
      const start = await browserFetch(jar, authorizeUrl(server, app, { code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }));
      expect(start.status).toBe(302);
      const page = new URL(start.headers.get('location')!, server.issuer);
      expect(page.pathname).toMatch(/\/interaction\//);
      await (await browserFetch(jar, page)).text();
      const signedIn = await submitSignIn(jar, page, 'learner@example.com', 'correct-horse-battery');
      expect(signedIn.status).toBe(303); // the sign-in form's POST: see other
      let next = new URL(signedIn.headers.get('location')!, page);
      const statuses: number[] = [];
      while (next.origin === server.baseUrl && next.pathname.startsWith('/oauth2/default/')) {
        const response = await browserFetch(jar, next);
        statuses.push(response.status);
        next = new URL(response.headers.get('location')!, next);
      }
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses).toEqual(statuses.map(() => 302));
      expect(next.searchParams.get('code')).toEqual(expect.any(String));

      const refused = await fetch(authorizeUrl(server, app, { scope: 'api:raed' }), { redirect: 'manual' });
      expect(refused.status).toBe(302);
      expect(new URL(refused.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
    });

    it.each(['token', 'revoke', 'introspect'])(
      'says the same about a bad client secret in WWW-Authenticate as in the body at /v1/%s',
      async (endpoint) => {
        const app = await server.createApp();
        const response = await fetch(`${server.issuer}/v1/${endpoint}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: basic({ ...app, clientSecret: 'not-the-secret' }),
          },
          body: new URLSearchParams(
            endpoint === 'token'
              ? { grant_type: 'authorization_code', code: 'x', redirect_uri: app.redirectUris[0]!, code_verifier: 'y'.repeat(43) }
              : { token: 'x' },
          ),
        });
        expect(response.status).toBe(401);
        const body = (await response.json()) as { error: string; error_description: string };
        expect(body).toEqual({
          error: 'invalid_client',
          error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
        });
        const header = response.headers.get('www-authenticate') ?? '';
        expect(header).toMatch(/^Basic realm="[^"]+", error="invalid_client", error_description="([^"]+)"$/);
        expect(header).toContain(`error_description="${body.error_description}"`);
      },
    );
  });
});
