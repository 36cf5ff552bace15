/**
 * Okta's own SDKs against the practice server, as a learner's real app would use them
 * (issue 12): `@okta/jwt-verifier` on access and ID tokens, first and refreshed, and on
 * forged ones; `@okta/okta-auth-js` from Node exchanging a code and refreshing with the
 * client secret. The issuer is http on loopback, so each SDK's documented
 * `testing.disableHttpsCheck` is on; nothing else is adjusted.
 * (`@okta/oidc-middleware` needs a browser: e2e/okta-oidc-middleware.spec.ts.)
 */
import { randomBytes } from 'node:crypto';
import OktaJwtVerifier from '@okta/jwt-verifier';
import { OktaAuth, type RefreshToken } from '@okta/okta-auth-js';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PracticeApp } from '@/lib/db/practice-clients';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { basic, tokenRequest, WITH_REFRESH } from './support/practice-requests';

const SCOPE = 'openid profile email offline_access api:read';

describe("Okta's SDKs against the practice server", () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
    // Each SDK warns (console.warn) that the HTTPS check is off: expected on loopback.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.stop();
  });

  /** A login and its code exchange, with a nonce (the ID token carries it back). */
  async function login(app: PracticeApp) {
    const nonce = randomBytes(16).toString('base64url');
    const result = await server.signInForCode(app, { scope: SCOPE, params: { nonce } });
    const exchanged = await tokenRequest(server, app, {
      grant_type: 'authorization_code',
      code: result.code,
      redirect_uri: result.redirectUri,
      code_verifier: result.verifier,
    });
    expect(exchanged.status).toBe(200);
    return { nonce, tokens: exchanged.body as { access_token: string; id_token: string; refresh_token: string } };
  }

  describe('@okta/jwt-verifier', () => {
    // Okta's recipe for a resource server: the issuer, and the app's id asserted as `cid`.
    const verifierFor = (app: PracticeApp) =>
      new OktaJwtVerifier({ issuer: server.issuer, assertClaims: { cid: app.clientId }, testing: { disableHttpsCheck: true } });
    // ID tokens carry no cid: their audience is the client id, given to verifyIdToken.
    const idVerifier = () => new OktaJwtVerifier({ issuer: server.issuer, testing: { disableHttpsCheck: true } });

    it('accepts first and refreshed access tokens for api://default with the cid of the app, and ID tokens', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const verifier = verifierFor(app);
      const { nonce, tokens } = await login(app);

      const first = await verifier.verifyAccessToken(tokens.access_token, 'api://default');
      expect(first.claims).toMatchObject({ iss: server.issuer, aud: 'api://default', cid: app.clientId, sub: 'learner@example.com' });
      expect(first.claims.scp).toEqual(expect.arrayContaining(['openid', 'offline_access', 'api:read']));

      const id = await idVerifier().verifyIdToken(tokens.id_token, app.clientId, nonce);
      expect(id.claims).toMatchObject({ iss: server.issuer, aud: app.clientId, sub: first.claims.uid, nonce, ver: 1 });

      const refreshed = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      expect(refreshed.status).toBe(200);
      const second = await verifier.verifyAccessToken(String(refreshed.body.access_token), 'api://default');
      expect(second.claims).toMatchObject({ cid: app.clientId, uid: first.claims.uid });
      expect(second.claims.jti).not.toBe(first.claims.jti);
      const secondId = await idVerifier().verifyIdToken(String(refreshed.body.id_token), app.clientId, nonce);
      expect(secondId.claims.sub).toBe(id.claims.sub);
    });

    it("refuses forged tokens: another key under the server's kid, alg none, a changed claim, another audience or app", async () => {
      const app = await server.createApp(WITH_REFRESH);
      const other = await server.createApp();
      const verifier = verifierFor(app);
      const { nonce, tokens } = await login(app);
      const claims = decodeJwt(tokens.access_token);
      const { kid } = decodeProtectedHeader(tokens.access_token);

      const { privateKey } = await generateKeyPair('RS256');
      const anotherKey = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
      const [header, , signature] = tokens.access_token.split('.');
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const changed = `${header}.${encode({ ...claims, scp: ['api:read', 'api:write'] })}.${signature}`;
      const none = `${encode({ alg: 'none', kid })}.${encode(claims)}.`;
      for (const forged of [anotherKey, changed, none]) {
        await expect(verifier.verifyAccessToken(forged, 'api://default')).rejects.toThrow();
      }
      await expect(verifier.verifyAccessToken(tokens.access_token, 'api://other')).rejects.toThrow(/audience/);
      await expect(verifierFor(other).verifyAccessToken(tokens.access_token, 'api://default')).rejects.toThrow(/cid/);
      await expect(idVerifier().verifyIdToken(tokens.id_token, other.clientId, nonce)).rejects.toThrow(/audience/);
      const forgedId = await new SignJWT(decodeJwt(tokens.id_token)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
      await expect(idVerifier().verifyIdToken(forgedId, app.clientId, nonce)).rejects.toThrow();
      // An ID token is no access token.
      await expect(verifier.verifyAccessToken(tokens.id_token, 'api://default')).rejects.toThrow();
    });
  });

  describe('@okta/okta-auth-js from Node', () => {
    /**
     * A Node app holding the client secret. The SDK sends it with the code exchange, but
     * not with a refresh (it was made for browser apps, which have none): as for a web app
     * on an Okta org, the app adds its credentials to that request itself, through the
     * SDK's documented request interceptors.
     */
    function authClient(app: PracticeApp, redirectUri: string, sendSecretOnRefresh: boolean) {
      return new OktaAuth({
        issuer: server.issuer,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri,
        scopes: SCOPE.split(' '),
        pkce: true,
        tokenManager: { autoRenew: false, autoRemove: false, storage: 'memory' },
        httpRequestInterceptors: [
          (request) => {
            const form = typeof request.args === 'string' ? new URLSearchParams(request.args) : null;
            if (sendSecretOnRefresh && form?.get('grant_type') === 'refresh_token') {
              request.headers = { ...request.headers, Authorization: basic(app) };
            }
          },
        ],
      });
    }

    it('exchanges a code with exchangeCodeForTokens, and refreshes with the client secret', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const result = await server.signInForCode(app, { scope: SCOPE });
      const client = authClient(app, result.redirectUri, true);
      const { tokens } = await client.token.exchangeCodeForTokens({ authorizationCode: result.code, codeVerifier: result.verifier });
      // The SDK verified the ID token (signature, issuer, audience, times) before answering.
      const access = decodeJwt(tokens.accessToken!.accessToken);
      expect(access).toMatchObject({ cid: app.clientId, sub: 'learner@example.com' });
      expect(tokens.accessToken?.scopes).toEqual(expect.arrayContaining(['openid', 'api:read']));
      expect(tokens.idToken?.claims).toMatchObject({ sub: access.uid, preferred_username: 'learner@example.com' });
      expect(tokens.refreshToken?.refreshToken).toEqual(expect.any(String));

      const renewed = await client.token.renewTokensWithRefresh({ scopes: SCOPE.split(' ') }, tokens.refreshToken as RefreshToken);
      expect(renewed.accessToken?.accessToken).not.toBe(tokens.accessToken?.accessToken);
      expect(decodeJwt(renewed.accessToken!.accessToken).uid).toBe(access.uid);
      expect(renewed.idToken?.claims.sub).toBe(tokens.idToken?.claims.sub);

      // Without its secret the refresh is refused, as an Okta org refuses a web app's.
      const secretless = authClient(app, result.redirectUri, false);
      await expect(
        secretless.token.renewTokensWithRefresh({ scopes: SCOPE.split(' ') }, tokens.refreshToken as RefreshToken),
      ).rejects.toThrow(/Client authentication failed/);
    });

    it('revokes with revokeAccessToken and revokeRefreshToken, as on an Okta org (issue 18)', async () => {
      const app = await server.createApp(WITH_REFRESH);
      const result = await server.signInForCode(app, { scope: SCOPE });
      const client = authClient(app, result.redirectUri, true);
      const { tokens } = await client.token.exchangeCodeForTokens({ authorizationCode: result.code, codeVerifier: result.verifier });
      const introspect = async (token: string) =>
        (await (
          await fetch(`${server.issuer}/v1/introspect`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(app) },
            body: new URLSearchParams({ token }),
          })
        ).json()) as { active: boolean };

      // The SDK sends the app's client secret (Basic) with a revocation.
      await client.revokeAccessToken(tokens.accessToken);
      expect(await introspect(tokens.accessToken!.accessToken)).toEqual({ active: false });
      // Revoking the access token leaves the refresh token working.
      const renewed = await client.token.renewTokensWithRefresh({ scopes: SCOPE.split(' ') }, tokens.refreshToken as RefreshToken);
      expect(await introspect(renewed.accessToken!.accessToken)).toMatchObject({ active: true });

      // Revoking the refresh token ends the access tokens of its login, and the refresh.
      await client.revokeRefreshToken(tokens.refreshToken);
      expect(await introspect(tokens.refreshToken!.refreshToken)).toEqual({ active: false });
      expect(await introspect(renewed.accessToken!.accessToken)).toEqual({ active: false });
      await expect(client.token.renewTokensWithRefresh({ scopes: SCOPE.split(' ') }, tokens.refreshToken as RefreshToken)).rejects.toThrow(
        /The refresh token is invalid or expired/,
      );
      // Revoking again is still a success.
      await client.revokeAccessToken(tokens.accessToken);
      await client.revokeRefreshToken(tokens.refreshToken);
    });
  });
});
