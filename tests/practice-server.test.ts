/**
 * The practice authorization server over real HTTP on loopback, driven by a real OAuth
 * client (openid-client) and a fetch-based "browser" for the sign-in page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'openid-client';
import { findTokenOrigin } from '@/lib/db/practice-clients';
import { CookieJar, followRedirects, startPracticeServer, submitSignIn, type PracticeServerHandle } from './support/practice-server';
import { authorizeUrl, codeTokens, tokenRequest, WITH_REFRESH } from './support/practice-requests';

describe('practice server', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  describe('discovery', () => {
    it.each(['openid-configuration', 'oauth-authorization-server'])('serves /.well-known/%s under the issuer, Okta-style', async (name) => {
      const response = await fetch(`${server.issuer}/.well-known/${name}`);
      expect(response.status).toBe(200);
      const metadata = (await response.json()) as Record<string, unknown>;
      expect(metadata.issuer).toBe(server.issuer);
      expect(metadata.authorization_endpoint).toBe(`${server.issuer}/v1/authorize`);
      expect(metadata.token_endpoint).toBe(`${server.issuer}/v1/token`);
      expect(metadata.jwks_uri).toBe(`${server.issuer}/v1/keys`);
      expect(metadata.revocation_endpoint).toBe(`${server.issuer}/v1/revoke`);
      expect(metadata.introspection_endpoint).toBe(`${server.issuer}/v1/introspect`);
      expect(metadata.userinfo_endpoint).toBe(`${server.issuer}/v1/userinfo`);
      expect(metadata.end_session_endpoint).toBe(`${server.issuer}/v1/logout`);
      expect(metadata.scopes_supported).toEqual(
        expect.arrayContaining(['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write']),
      );
      expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
      expect(metadata.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
      expect(metadata.pushed_authorization_request_endpoint).toBeUndefined();
      expect(metadata.dpop_signing_alg_values_supported).toBeUndefined();
    });

    it('is also what openid-client discovers', async () => {
      const app = await server.createApp();
      const config = await server.clientConfig(app);
      expect(config.serverMetadata().issuer).toBe(server.issuer);
    });
  });

  describe('sign-in page', () => {
    it('shows an accessible Okta-like page with the demo credentials, app name and scopes, under strict headers', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const jar = new CookieJar();
      const url = authorizeUrl(server, app, {
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S256',
        scope: 'offline_access api:read',
      });
      const { response, url: pageUrl } = await followRedirects(jar, server.baseUrl, url);
      expect(response.status).toBe(200);
      expect(pageUrl.pathname).toMatch(/^\/oauth2\/default\/interaction\//);
      const html = await response.text();
      expect(html).toContain('<label for="username">Username</label>');
      expect(html).toContain('<label for="password">Password</label>');
      expect(html).toContain('<button type="submit">Sign In</button>');
      // The demo credentials may wrap after "@", "." or "-" (<wbr>), never mid-word (issue 11).
      const text = html.replaceAll('<wbr>', '');
      expect(text).toContain('learner@example.com');
      expect(text).toContain('correct-horse-battery');
      expect(html).toContain('learner@<wbr>example.<wbr>com');
      expect(html).toContain('My Web App');
      expect(html).toContain('<code>offline_access</code>');
      expect(html).toContain('<code>api:read</code>');
      expect(html).not.toMatch(/<script/i);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain('https://example-app.com');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // The provider's session cookie is renamed so it cannot clash with the app's oauthlab_sid.
      expect(jar.names().some((name) => name.startsWith('oauthlab_op_'))).toBe(true);
      expect(jar.names()).not.toContain('_session');
    });

    it('answers a wrong password with 401 and an alert, without redirecting; the right one redirects with code and state', async () => {
      const app = await server.createApp();
      const jar = new CookieJar();
      const url = authorizeUrl(server, app, { code_challenge: 'a'.repeat(43), code_challenge_method: 'S256', state: 'my-state-abcdefgh' });
      const { url: pageUrl } = await followRedirects(jar, server.baseUrl, url);

      const wrong = await submitSignIn(jar, pageUrl, 'learner@example.com', 'wrong <b>password</b>');
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('location')).toBeNull();
      const html = await wrong.text();
      expect(html).toMatch(/<div class="alert" role="alert"[^>]*>Unable to sign in/);
      expect(html).not.toContain('<b>password</b>');

      const right = await submitSignIn(jar, pageUrl, 'Learner@Example.com', 'correct-horse-battery');
      expect(right.status).toBe(303);
      const done = await followRedirects(jar, server.baseUrl, new URL(right.headers.get('location')!, pageUrl));
      expect(`${done.url.origin}${done.url.pathname}`).toBe(app.redirectUris[0]);
      expect(done.url.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
      expect(done.url.searchParams.get('state')).toBe('my-state-abcdefgh');
    });

    it('refuses a redirect_uri that is not registered with an error page, not a redirect', async () => {
      const app = await server.createApp();
      const response = await fetch(
        authorizeUrl(server, app, {
          redirect_uri: 'https://evil.example/cb',
          code_challenge: 'a'.repeat(43),
          code_challenge_method: 'S256',
        }),
        {
          redirect: 'manual',
          headers: { accept: 'text/html' },
        },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('redirect_uri');
    });
  });

  describe('authorization code with PKCE', () => {
    it.each(['basic', 'post'] as const)('exchanges the code with client_secret_%s and refreshes', async (auth) => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app, 'offline_access api:read', auth);
      expect(tokens.access_token).toBeTruthy();
      expect(tokens.refresh_token).toBeTruthy();
      expect(tokens.token_type).toBe('bearer');
      expect(tokens.expires_in).toBe(3600);
      expect(tokens.scope).toBe('offline_access api:read');
      const config = await server.clientConfig(app, auth);
      const refreshed = await oauth.refreshTokenGrant(config, tokens.refresh_token!);
      expect(refreshed.access_token).not.toBe(tokens.access_token);
    });

    it('issues no refresh token while the app lacks the Refresh Token grant, and refuses the grant as unauthorized_client', async () => {
      const app = await server.createApp();
      expect(app.grantTypes).toEqual(['authorization_code']);
      const tokens = await codeTokens(server, app);
      expect(tokens.access_token).toBeTruthy();
      expect(tokens.refresh_token).toBeUndefined();

      const answer = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: 'whatever' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: 'unauthorized_client',
        error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
      });
    });

    it('needs offline_access for a refresh token (without prompt=consent)', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app, 'api:read');
      expect(tokens.refresh_token).toBeUndefined();
    });

    it('refuses code_challenge_method=plain, and a missing code_challenge when the app requires PKCE', async () => {
      const app = await server.createApp();
      const strict = await server.createApp({ requirePkce: true });
      const cases: Array<[typeof app, Record<string, string>]> = [
        [app, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }],
        [strict, {}],
      ];
      for (const [app, params] of cases) {
        const response = await fetch(authorizeUrl(server, app, params), { redirect: 'manual' });
        expect(response.status).toBe(302);
        const location = new URL(response.headers.get('location')!);
        expect(`${location.origin}${location.pathname}`).toBe(app.redirectUris[0]);
        expect(location.searchParams.get('error')).toBe('invalid_request');
        expect(location.searchParams.get('code')).toBeNull();
      }
    });

    it('answers a wrong code_verifier with "PKCE verification failed." and a reused code as invalid', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const result = await server.signInForCode(app);
      const exchange = (verifier: string) =>
        tokenRequest(server, app, {
          grant_type: 'authorization_code',
          code: result.code,
          redirect_uri: result.redirectUri,
          code_verifier: verifier,
        });

      const wrong = await exchange(oauth.randomPKCECodeVerifier());
      expect(wrong).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'PKCE verification failed.' } });

      const first = await exchange(result.verifier);
      expect(first.status).toBe(200);
      const reused = await exchange(result.verifier);
      expect(reused).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' },
      });
      // Replaying a code revokes what it issued (RFC 6749 §4.1.2).
      const refresh = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) });
      expect(refresh.body.error).toBe('invalid_grant');
    });

    it('answers a redirect_uri that differs from the authorization request with invalid_grant', async () => {
      const app = await server.createApp();
      const result = await server.signInForCode(app);
      const answer = await tokenRequest(server, app, {
        grant_type: 'authorization_code',
        code: result.code,
        redirect_uri: app.redirectUris[1]!,
        code_verifier: result.verifier,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_grant');
      expect(answer.body.error_description).toContain('redirect_uri');
    });

    it('answers a bad client secret with invalid_client (Basic and POST)', async () => {
      const app = await server.createApp();
      const wrongApp = { ...app, clientSecret: 'not-the-secret' };
      for (const auth of ['basic', 'post'] as const) {
        const answer = await tokenRequest(
          server,
          wrongApp,
          { grant_type: 'authorization_code', code: 'x', redirect_uri: app.redirectUris[0]!, code_verifier: 'y'.repeat(43) },
          auth,
        );
        expect(answer.status).toBe(401);
        expect(answer.body.error).toBe('invalid_client');
        expect(answer.body.error_description).toMatch(/^Client authentication failed\./);
      }
    });
  });

  describe('access tokens', () => {
    it('are RS256 JWTs with Okta-like claims, verifiable against /v1/keys', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app, 'offline_access api:read');
      const jwks = createRemoteJWKSet(new URL(`${server.issuer}/v1/keys`));
      const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
        issuer: server.issuer,
        audience: 'api://default',
        algorithms: ['RS256'],
      });
      expect(protectedHeader.alg).toBe('RS256');
      expect(payload).toEqual({
        ver: 1,
        jti: expect.any(String),
        iss: server.issuer,
        aud: 'api://default',
        iat: expect.any(Number),
        exp: payload.iat! + 3600,
        cid: app.clientId,
        uid: expect.stringMatching(/^00u\w{17}$/),
        scp: ['offline_access', 'api:read'],
        sub: 'learner@example.com',
      });
      expect(payload).not.toHaveProperty('scope');
      expect(payload).not.toHaveProperty('client_id');
    });

    it('record their origin: a new login or the refresh grant', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      const refreshed = await oauth.refreshTokenGrant(await server.clientConfig(app), tokens.refresh_token!);
      const first = await findTokenOrigin(
        server.db,
        String((await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${server.issuer}/v1/keys`)))).payload.jti),
      );
      const second = await findTokenOrigin(
        server.db,
        String((await jwtVerify(refreshed.access_token, createRemoteJWKSet(new URL(`${server.issuer}/v1/keys`)))).payload.jti),
      );
      expect(first).toMatchObject({
        grantType: 'authorization_code',
        clientId: app.clientId,
        subject: 'learner@example.com',
        grantId: expect.any(String),
      });
      expect(second).toMatchObject({
        grantType: 'refresh_token',
        clientId: app.clientId,
        subject: 'learner@example.com',
        grantId: first!.grantId,
      });
    });
  });

  describe('refresh token behaviour', () => {
    it('persistent (default): the same refresh token keeps working', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      for (let i = 0; i < 3; i += 1) {
        const answer = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
        expect(answer.status).toBe(200);
        expect(answer.body.refresh_token).toBe(tokens.refresh_token);
      }
    });

    it('rotate: a new refresh token each use; reusing a rotated one fails and revokes the family', async () => {
      const app = await server.createApp({ ...WITH_REFRESH, refreshTokenRotation: 'rotate' });
      const tokens = await codeTokens(server, app);
      const first = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      expect(first.status).toBe(200);
      const rotated = String(first.body.refresh_token);
      expect(rotated).not.toBe(tokens.refresh_token);

      const reuse = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      expect(reuse).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' },
      });
      const family = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: rotated });
      expect(family).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' },
      });
    });

    it('a console edit applies to the next request (rotation switched on)', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      await server.db
        .updateTable('practice_clients')
        .set({ refresh_token_rotation: 'rotate' })
        .where('client_id', '=', app.clientId)
        .execute();
      const answer = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      expect(answer.body.refresh_token).not.toBe(tokens.refresh_token);
    });

    it('can be revoked at /v1/revoke', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      await oauth.tokenRevocation(await server.clientConfig(app), tokens.refresh_token!);
      const answer = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      expect(answer.body).toEqual({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' });
    });

    it('500 concurrent refresh-token grants all succeed', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 500 }, () => tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })),
      );
      const seconds = (performance.now() - started) / 1000;
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      expect(new Set(answers.map((answer) => answer.body.access_token)).size).toBe(500);
      console.info(`500 concurrent refresh grants in ${seconds.toFixed(2)} s (${Math.round(500 / seconds)}/s)`);
    }, 60_000);
  });
});
