/**
 * The practice authorization server's introspection, persistence across restarts, secrets
 * at rest, and sign-in rate limit, over real HTTP on loopback.
 */
import { decodeProtectedHeader } from 'jose';
import * as oauth from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserFetch,
  CookieJar,
  followRedirects,
  startPracticeServer,
  submitSignIn,
  type PracticeServerHandle,
} from './support/practice-server';
import { authorizeUrl, codeTokens, tokenRequest, WITH_REFRESH } from './support/practice-requests';

describe('practice server state', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  describe('introspection', () => {
    it('verifies JWT access tokens and looks up refresh tokens, for the client that owns them', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const other = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      const config = await server.clientConfig(app, 'post');

      const access = await oauth.tokenIntrospection(config, tokens.access_token);
      expect(access).toMatchObject({
        active: true,
        token_type: 'Bearer',
        client_id: app.clientId,
        sub: 'learner@example.com',
        scope: 'offline_access api:read',
      });
      const refresh = await oauth.tokenIntrospection(config, tokens.refresh_token!);
      expect(refresh).toMatchObject({ active: true, client_id: app.clientId, sub: 'learner@example.com' });

      expect(await oauth.tokenIntrospection(await server.clientConfig(other), tokens.access_token)).toEqual({ active: false });
      expect(await oauth.tokenIntrospection(config, 'not-a-token')).toEqual({ active: false });

      await oauth.tokenRevocation(config, tokens.refresh_token!);
      expect(await oauth.tokenIntrospection(config, tokens.refresh_token!)).toEqual({ active: false });
    });

    it('requires client authentication', async () => {
      const response = await fetch(`${server.issuer}/v1/introspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: 'x' }),
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
    });
  });

  describe('persistence', () => {
    it('keeps refresh tokens and the signing key across a restart', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const tokens = await codeTokens(server, app);
      const kidBefore = decodeProtectedHeader(tokens.access_token).kid;
      await server.restart();
      const answer = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
      expect(answer.status).toBe(200);
      expect(decodeProtectedHeader(String(answer.body.access_token)).kid).toBe(kidBefore);
      const keys = (await (await fetch(`${server.issuer}/v1/keys`)).json()) as { keys: Array<Record<string, unknown>> };
      expect(keys.keys.map((key) => key.kid)).toEqual([kidBefore]);
      expect(keys.keys[0]).not.toHaveProperty('d');
    });

    it('stores no raw authorization code or refresh token in the database files', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const result = await server.signInForCode(app);
      const unused = await server.signInForCode(app);
      const tokens = await oauth.authorizationCodeGrant(await server.clientConfig(app), result.callbackUrl, {
        pkceCodeVerifier: result.verifier,
        expectedState: result.state,
      });
      const secrets = [result.code, unused.code, tokens.refresh_token!];

      // SQLite: the file and its WAL, before and after a checkpoint; Postgres: a pg_dump.
      for (const secret of secrets) expect((await server.temp.copyOfDatabase()).includes(Buffer.from(secret))).toBe(false);
      await server.checkpoint();
      for (const secret of secrets) expect((await server.temp.copyOfDatabase()).includes(Buffer.from(secret))).toBe(false);
      // ...while the tokens still work.
      expect((await oauth.refreshTokenGrant(await server.clientConfig(app), tokens.refresh_token!)).access_token).toBeTruthy();
    });
  });
});

describe('practice server sign-in rate limit', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer({ env: { RATE_LIMIT_SIGNIN_PER_MINUTE: '2' } });
  });
  afterAll(() => server.stop());

  it('answers 429 once a client address exceeds RATE_LIMIT_SIGNIN_PER_MINUTE', async () => {
    const app = await server.createApp();
    const jar = new CookieJar();
    const { url: pageUrl } = await followRedirects(
      jar,
      server.baseUrl,
      authorizeUrl(server, app, { code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' }),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await submitSignIn(jar, pageUrl, 'learner@example.com', 'nope')).status);
    expect(statuses).toEqual([401, 401, 429]);
    const limited = await submitSignIn(jar, pageUrl, 'learner@example.com', 'correct-horse-battery');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await browserFetch(jar, pageUrl).then((r) => r.status)).toBe(200);
  });
});
