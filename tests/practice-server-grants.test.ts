/**
 * One grant per login (issue 12, item 6): a reused authorization code revokes what that
 * code issued (RFC 6749 §4.1.2), not the learner's other logins in the same browser; and
 * what the practice server records about it, for the exercise's diagnosis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { findCodeExchange, findTokenOrigin } from '@/lib/db/practice-clients';
import { fingerprint } from '@/lib/exercise/token/inspect';
import { CookieJar, startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { tokenRequest, WITH_REFRESH } from './support/practice-requests';
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
});
