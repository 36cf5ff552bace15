/**
 * The practice server's OpenID Connect features (issue 22), over real HTTP on loopback:
 * the nonce round trip, the ID token's claims per scope verified against the JWKS as a
 * client must, userinfo's 403 for a token without a user-claims scope, and RP-initiated
 * logout at /v1/logout with a registered sign-out redirect URI.
 */
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updatePracticeApp, type PracticeApp } from '@/lib/db/practice-clients';
import { browserFetch, CookieJar, startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { tokenRequest } from './support/practice-requests';

describe('practice server, OpenID Connect', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  /** A login with a nonce and its code exchange; the browser's cookies are kept for logout. */
  async function login(app: PracticeApp, scope: string) {
    const nonce = randomBytes(16).toString('base64url');
    const jar = new CookieJar();
    const result = await server.signInForCode(app, { scope, params: { nonce }, jar });
    const answer = await tokenRequest(server, app, {
      grant_type: 'authorization_code',
      code: result.code,
      redirect_uri: result.redirectUri,
      code_verifier: result.verifier,
    });
    expect(answer.status).toBe(200);
    return { nonce, jar, tokens: answer.body as { access_token: string; id_token: string } };
  }

  /** Validates an ID token the way a client must: signature (JWKS), iss, aud, exp/iat. */
  async function validate(idToken: string, app: PracticeApp): Promise<JWTPayload> {
    const jwks = createRemoteJWKSet(new URL(`${server.issuer}/v1/keys`));
    const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
      issuer: server.issuer,
      audience: app.clientId,
      algorithms: ['RS256'],
      clockTolerance: 5,
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    return payload;
  }

  describe('ID tokens', () => {
    it('carry the nonce of a code-flow request back, and verify against the JWKS', async () => {
      const app = await server.createApp();
      const { nonce, tokens } = await login(app, 'openid');
      const id = await validate(tokens.id_token, app);
      expect(id.nonce).toBe(nonce);
    });

    it("with openid alone, carry Okta's claims and no profile or email claims", async () => {
      const app = await server.createApp();
      const { tokens } = await login(app, 'openid');
      const id = await validate(tokens.id_token, app);
      expect(id).toMatchObject({
        sub: expect.stringMatching(/^00u\w{17}$/),
        iss: server.issuer,
        aud: app.clientId,
        iat: expect.any(Number),
        exp: expect.any(Number),
        jti: expect.stringMatching(/^ID\./),
        amr: ['pwd'],
        idp: expect.stringMatching(/^00o\w{17}$/),
        auth_time: expect.any(Number),
        ver: 1,
      });
      expect(id.exp! - id.iat!).toBe(3600);
      // One audience: no azp (OpenID Connect Core §2 asks for it with several).
      expect(id).not.toHaveProperty('azp');
      for (const claim of ['name', 'preferred_username', 'locale', 'zoneinfo', 'updated_at', 'email', 'email_verified']) {
        expect(id).not.toHaveProperty(claim);
      }
    });

    it('with profile, add the profile claims; with email, email and email_verified', async () => {
      const app = await server.createApp();
      const { tokens } = await login(app, 'openid profile email');
      const id = await validate(tokens.id_token, app);
      expect(id).toMatchObject({
        name: 'Practice Learner',
        given_name: 'Practice',
        family_name: 'Learner',
        preferred_username: 'learner@example.com',
        locale: 'en-US',
        zoneinfo: 'America/Los_Angeles',
        updated_at: expect.any(Number),
        email: 'learner@example.com',
        email_verified: true,
      });
      const profileOnly = await validate((await login(app, 'openid profile')).tokens.id_token, app);
      expect(profileOnly).toHaveProperty('name');
      expect(profileOnly).not.toHaveProperty('email');
    });

    it("fail a client's validation with another app's client id as the audience", async () => {
      const app = await server.createApp();
      const other = await server.createApp();
      const { tokens } = await login(app, 'openid');
      await expect(validate(tokens.id_token, other)).rejects.toThrow(/aud/);
    });
  });

  describe('/v1/authorize', () => {
    it('refuses id_token and token response types for an app without the implicit grant', async () => {
      const app = await server.createApp();
      for (const responseType of ['id_token', 'id_token token']) {
        const query = new URLSearchParams({
          response_type: responseType,
          client_id: app.clientId,
          scope: 'openid',
          redirect_uri: app.redirectUris[0]!,
          state: 'state-123456789',
        });
        const response = await fetch(`${server.issuer}/v1/authorize?${query}`, { redirect: 'manual' });
        expect(response.status).toBe(302);
        const location = new URL(response.headers.get('location')!);
        // Refused by redirect, never answered with a token.
        expect(location.searchParams.get('error') ?? new URLSearchParams(location.hash.slice(1)).get('error')).toEqual(expect.any(String));
        expect(location.hash).not.toContain('id_token=');
      }
    });

    it.each(['id_token', 'id_token token', 'code token'])(
      "requires a nonce for response type %s, in Okta's words",
      async (responseType) => {
        const app = await server.createApp({ grantTypes: ['authorization_code', 'implicit'] });
        const query = new URLSearchParams({
          response_type: responseType,
          client_id: app.clientId,
          scope: 'openid',
          redirect_uri: app.redirectUris[0]!,
          state: 'state-123456789',
        });
        const response = await fetch(`${server.issuer}/v1/authorize?${query}`, { redirect: 'manual' });
        expect(response.status).toBe(302);
        const location = new URL(response.headers.get('location')!);
        const answer = new URLSearchParams(location.hash.slice(1));
        expect(answer.get('error')).toBe('invalid_request');
        expect(answer.get('error_description')).toBe(
          "The 'nonce' parameter is required for authorize requests with either the 'id_token' or 'token' response types..",
        );
        expect(answer.get('state')).toBe('state-123456789');
      },
    );
  });

  describe('/v1/userinfo', () => {
    it("refuses a token with openid but none of profile, email, address or phone: 403, Okta's words", async () => {
      const app = await server.createApp();
      const { tokens } = await login(app, 'openid api:read');
      const response = await fetch(`${server.issuer}/v1/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(response.status).toBe(403);
      const description = 'The access token must provide access to at least one of these scopes - profile, email, address or phone';
      expect(await response.json()).toEqual({ error: 'insufficient_scope', error_description: description });
      const header = response.headers.get('www-authenticate') ?? '';
      expect(header).toContain('error="insufficient_scope"');
      expect(header).toContain(`error_description="${description}"`);
    });

    it('answers a token with profile or email', async () => {
      const app = await server.createApp();
      const { tokens } = await login(app, 'openid email');
      const response = await fetch(`${server.issuer}/v1/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ email: 'learner@example.com', email_verified: true });
    });
  });

  describe('/v1/logout', () => {
    const signOutUri = () => `${server.baseUrl}/`;
    const HTML = { accept: 'text/html' };

    /** Asks to sign out (GET or POST), then presses the page's "Sign out" button. */
    async function signOut(jar: CookieJar, params: URLSearchParams, method: 'GET' | 'POST' = 'GET') {
      let url = `${server.issuer}/v1/logout?${params}`;
      if (method === 'POST') {
        // Answered by the same request as a GET, which carries the (SameSite=Lax) session cookie.
        const posted = await browserFetch(jar, `${server.issuer}/v1/logout`, {
          method: 'POST',
          headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
          body: params.toString(),
        });
        expect(posted.status).toBe(303);
        url = new URL(posted.headers.get('location')!, server.baseUrl).toString();
        expect(url).toBe(`${server.issuer}/v1/logout?${params}`);
      }
      const page = await browserFetch(jar, url, { headers: HTML });
      const html = await page.text();
      expect(page.status, html).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).not.toContain('unsafe-inline');
      // The confirmation's redirect follows a form post: form-action must allow its origin.
      const target = params.get('post_logout_redirect_uri');
      if (target) expect(csp).toMatch(new RegExp(`form-action [^;]*${new URL(target).origin.replace(/[.]/g, '\\.')}`));
      expect(html).not.toContain('<script');
      const action = /<form id="op\.logoutForm" method="post" action="([^"]+)">/.exec(html)?.[1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
      expect(action).toBe(`${server.issuer}/v1/logout/confirm`);
      return browserFetch(jar, action!, {
        method: 'POST',
        headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }).toString(),
      });
    }

    it.each(['GET', 'POST'] as const)(
      'with %s, an id_token_hint and a registered post_logout_redirect_uri, ends the session and redirects with state',
      async (method) => {
        const app = await server.createApp();
        expect(app.postLogoutRedirectUris).toEqual([signOutUri()]);
        const { jar, tokens } = await login(app, 'openid');
        const params = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: signOutUri(), state: 'bye-123' });
        const response = await signOut(jar, params, method);
        expect(response.status).toBe(303);
        const location = new URL(response.headers.get('location')!);
        expect(`${location.origin}${location.pathname}`).toBe(signOutUri());
        expect(location.searchParams.get('state')).toBe('bye-123');

        // Signed out: the next authorization request shows the sign-in page again.
        const query = new URLSearchParams({
          response_type: 'code',
          client_id: app.clientId,
          scope: 'openid',
          redirect_uri: app.redirectUris[0]!,
          state: 'state-123456789',
        });
        const again = await browserFetch(jar, `${server.issuer}/v1/authorize?${query}`);
        expect(new URL(again.headers.get('location')!, server.baseUrl).pathname).toMatch(/\/interaction\//);
      },
    );

    it("refuses a post_logout_redirect_uri that is not registered, in Okta's words", async () => {
      const app = await server.createApp();
      const { jar, tokens } = await login(app, 'openid');
      const params = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: 'https://evil.example/' });
      const page = await browserFetch(jar, `${server.issuer}/v1/logout?${params}`, { headers: HTML });
      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(await page.text()).toContain(
        'The &#39;post_logout_redirect_uri&#39; parameter must be a Logout redirect URI in the client app settings.',
      );
      const json = await browserFetch(jar, `${server.issuer}/v1/logout?${params}`, { headers: { accept: 'application/json' } });
      expect(await json.json()).toEqual({
        error: 'invalid_request',
        error_description: "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.",
      });
    });

    it('accepts a sign-out redirect URI the learner registered, and refuses one removed', async () => {
      const app = await server.createApp();
      const custom = 'https://example-app.com/signed-out';
      await updatePracticeApp(server.db, app.learnerId, { postLogoutRedirectUris: [custom] });
      const { jar, tokens } = await login(app, 'openid');
      const removed = await browserFetch(
        jar,
        `${server.issuer}/v1/logout?${new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: signOutUri() })}`,
        { headers: HTML },
      );
      expect(removed.status).toBe(400);
      const ok = await signOut(jar, new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: custom }));
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe(custom);
    });

    it('from a browser without a practice session, redirects at once (no self-submitting page)', async () => {
      const app = await server.createApp();
      const { tokens } = await login(app, 'openid');
      const params = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: signOutUri(), state: 'bye-456' });
      const response = await browserFetch(new CookieJar(), `${server.issuer}/v1/logout?${params}`, { headers: HTML });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`${signOutUri()}?state=bye-456`);
      const bare = await browserFetch(new CookieJar(), `${server.issuer}/v1/logout`, { headers: HTML });
      expect(bare.status).toBe(302);
      expect(bare.headers.get('location')).toBe(`${server.issuer}/v1/logout/success`);
    });

    it('without a post_logout_redirect_uri, signs out and shows the signed-out page', async () => {
      const app = await server.createApp();
      const { jar, tokens } = await login(app, 'openid');
      const response = await signOut(jar, new URLSearchParams({ id_token_hint: tokens.id_token }));
      expect(response.status).toBe(303);
      const done = await browserFetch(jar, new URL(response.headers.get('location')!, server.baseUrl), { headers: HTML });
      expect(await done.text()).toContain('You are signed out of the practice server.');
    });
  });
});
