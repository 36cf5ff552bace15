/**
 * One grant per login (issue 12, item 6): a reused authorization code revokes what that
 * code issued (RFC 6749 §4.1.2), not the learner's other logins in the same browser; and
 * what the practice server records about it, for the exercise's diagnosis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { findCodeExchange, findTokenOrigin, getOrCreatePracticeAppOfType } from '@/lib/db/practice-clients';
import { fingerprint } from '@/lib/exercise/token/inspect';
import { CookieJar, startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { authorizeUrl, tokenRequest, WITH_REFRESH } from './support/practice-requests';
import type { PracticeApp } from '@/lib/db/practice-clients';

describe('practice server grants', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  /** Signs in (in `jar`'s browser) and exchanges the code, as the exercise's curl does. */
  async function login(app: PracticeApp, jar: CookieJar, scope = 'offline_access api:read') {
    const result = await server.signInForCode(app, { jar, scope });
    const exchange = () =>
      tokenRequest(server, app, {
        grant_type: 'authorization_code',
        code: result.code,
        redirect_uri: result.redirectUri,
        code_verifier: result.verifier,
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    return { code: result.code, exchange, tokens: first.body as { access_token: string; refresh_token?: string } };
  }

  const refresh = (app: PracticeApp, refreshToken: string) =>
    tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: refreshToken });

  it("a code run twice revokes only that login's refresh token, not the learner's earlier login in the same browser", async () => {
    const app = await server.createApp(WITH_REFRESH);
    const browser = new CookieJar();
    const earlier = await login(app, browser);
    const later = await login(app, browser); // signed in already: no sign-in page this time
    expect(later.tokens.refresh_token).not.toBe(earlier.tokens.refresh_token);

    const again = await later.exchange();
    expect(again).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' },
    });
    expect((await refresh(app, later.tokens.refresh_token!)).body).toEqual({
      error: 'invalid_grant',
      error_description: 'The refresh token is invalid or expired.',
    });
    expect((await refresh(app, earlier.tokens.refresh_token!)).status).toBe(200);
  });

  it('gives every login its own grant, with or without offline_access', async () => {
    const app = await server.createApp(WITH_REFRESH);
    const browser = new CookieJar();
    const grants = [];
    for (const scope of ['api:read', 'api:read', 'offline_access api:read', 'openid api:read']) {
      const { tokens } = await login(app, browser, scope);
      grants.push((await findTokenOrigin(server.db, String(decodeJwt(tokens.access_token).jti)))?.grantId);
    }
    expect(grants.every((grant) => typeof grant === 'string')).toBe(true);
    expect(new Set(grants).size).toBe(grants.length);
  });

  it('still answers prompt=none with a code while the browser is signed in', async () => {
    const app = await server.createApp(WITH_REFRESH);
    const browser = new CookieJar();
    await login(app, browser, 'openid api:read');
    const silent = await server.signInForCode(app, { jar: browser, scope: 'openid api:read', params: { prompt: 'none' } });
    expect(silent.code).toEqual(expect.any(String));
    const fresh = new CookieJar();
    await expect(server.signInForCode(app, { jar: fresh, params: { prompt: 'none' } })).rejects.toThrow(/login_required/);
  });

  it('records each exchange and what a later attempt with the same code did, by the exercise fingerprint of the code', async () => {
    const app = await server.createApp(WITH_REFRESH);
    const browser = new CookieJar();
    const once = await login(app, browser);
    const twice = await login(app, browser);
    const before = Math.floor(Date.now() / 1000);
    await twice.exchange();
    await twice.exchange(); // a third run: the code is gone by now, nothing more is revoked

    const grantOf = async (accessToken: string) => (await findTokenOrigin(server.db, String(decodeJwt(accessToken).jti)))?.grantId;
    expect(await findCodeExchange(server.db, fingerprint(once.code))).toEqual({
      codeFingerprint: fingerprint(once.code),
      clientId: app.clientId,
      grantId: await grantOf(once.tokens.access_token),
      exchangedAt: expect.any(Number),
      reusedAt: null,
      revokedAt: null,
    });
    const reused = await findCodeExchange(server.db, fingerprint(twice.code));
    expect(reused).toMatchObject({ clientId: app.clientId, grantId: await grantOf(twice.tokens.access_token) });
    expect(reused!.reusedAt).toBeGreaterThanOrEqual(before);
    expect(reused!.revokedAt).toBe(reused!.reusedAt);
    expect(reused!.exchangedAt).toBeLessThanOrEqual(reused!.reusedAt!);
    expect(await findCodeExchange(server.db, fingerprint('never-issued'))).toBeNull();
  });

  describe('client credentials (machine to machine), as on Okta', () => {
    const serviceApp = () => getOrCreatePracticeAppOfType(server.db, randomUUID(), 'service', server.baseUrl);
    const invalidScope = (description: string) => ({ status: 400, body: { error: 'invalid_scope', error_description: description } });
    const NO_DEFAULT_SCOPES = "The authorization server resource does not have any configured default scopes, 'scope' must be provided.";
    const NO_OPENID = "Cannot request 'openid' scopes using client credentials.";
    const NOT_CONFIGURED = 'One or more scopes are not configured for the authorization server resource.';

    it.each(['basic', 'post'] as const)(
      'gives the service app (client_secret_%s) an access token of its own: sub and cid the client id, no uid, scp the scopes',
      async (auth) => {
        const app = await serviceApp();
        expect(app).toMatchObject({ type: 'service', grantTypes: ['client_credentials'], redirectUris: [] });
        const answer = await tokenRequest(server, app, { grant_type: 'client_credentials', scope: 'api:read api:write' }, auth);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          access_token: expect.any(String),
          expires_in: 3600,
          token_type: 'Bearer',
          scope: 'api:read api:write',
        });
        const claims = decodeJwt(String(answer.body.access_token));
        expect(claims).toEqual({
          ver: 1,
          jti: expect.any(String),
          iss: server.issuer,
          aud: 'api://default',
          iat: expect.any(Number),
          exp: (claims.iat ?? 0) + 3600,
          cid: app.clientId,
          scp: ['api:read', 'api:write'],
          sub: app.clientId,
        });
        expect(await findTokenOrigin(server.db, String(claims.jti))).toMatchObject({ grantType: 'client_credentials', subject: null });
      },
    );

    it.each([
      ['no scope', {}, NO_DEFAULT_SCOPES],
      ['an empty scope', { scope: '' }, NO_DEFAULT_SCOPES],
      ['openid', { scope: 'openid' }, NO_OPENID],
      ['openid beside a custom scope', { scope: 'api:read openid' }, NO_OPENID],
      ['profile', { scope: 'profile api:read' }, NO_OPENID],
      ['offline_access', { scope: 'offline_access api:read' }, NO_OPENID],
      ['a scope the server does not define', { scope: 'api:raed' }, NOT_CONFIGURED],
    ])("refuses %s with invalid_scope in Okta's words", async (_name, params, description) => {
      const app = await serviceApp();
      expect(await tokenRequest(server, app, { grant_type: 'client_credentials', ...params })).toEqual(invalidScope(description));
    });

    it('refuses client credentials to a web app without the grant (unauthorized_client), and applies the same scope rules once ticked', async () => {
      const web = await server.createApp();
      expect(await tokenRequest(server, web, { grant_type: 'client_credentials', scope: 'api:read' })).toEqual({
        status: 400,
        body: {
          error: 'unauthorized_client',
          error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
        },
      });
      const ticked = await server.createApp({ grantTypes: ['authorization_code', 'client_credentials'] });
      expect(await tokenRequest(server, ticked, { grant_type: 'client_credentials' })).toEqual(invalidScope(NO_DEFAULT_SCOPES));
      expect(await tokenRequest(server, ticked, { grant_type: 'client_credentials', scope: 'openid' })).toEqual(invalidScope(NO_OPENID));
      const answer = await tokenRequest(server, ticked, { grant_type: 'client_credentials', scope: 'api:read' });
      expect(decodeJwt(String(answer.body.access_token))).toMatchObject({ sub: ticked.clientId, cid: ticked.clientId, scp: ['api:read'] });
    });

    it('keeps the service app out of every user flow: no authorization code, no refresh token, no sign-in', async () => {
      const app = await serviceApp();
      const unauthorized = {
        status: 400,
        body: {
          error: 'unauthorized_client',
          error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].',
        },
      };
      const params = { code: 'whatever', redirect_uri: `${server.baseUrl}/redirect`, code_verifier: 'v'.repeat(43) };
      expect(await tokenRequest(server, app, { grant_type: 'authorization_code', ...params })).toEqual(unauthorized);
      expect(await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: 'whatever' })).toEqual(unauthorized);
      const url = authorizeUrl(server, { clientId: app.clientId, redirectUris: [`${server.baseUrl}/redirect`] }, { scope: 'api:read' });
      const response = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      await response.body?.cancel();
    });
  });
});
