/**
 * Revocation as on an Okta org (issue 18), over real HTTP on loopback: `/v1/revoke` answers
 * 200 for any token of an authenticated client; a revoked access token, and every access
 * token of a login whose refresh token was revoked, are inactive at `/v1/introspect` and
 * refused at `/v1/userinfo` — on every instance that shares the database — while the
 * practice API, which validates JWTs locally, takes them until they expire.
 * @see docs/decisions/011-revocation-deny-list.md
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPhotos } from '@/app/api/practice/photos/route';
import { migrateToLatest, openDatabase, type DB } from '@/lib/db/client';
import type { PracticeApp } from '@/lib/db/practice-clients';
import { denyAccessToken } from '@/lib/db/revoked-access-tokens';
import { getEnv } from '@/lib/env';
import { getLogger } from '@/lib/logging/logger';
import { createPracticeServer, type PracticeServer } from '@/lib/practice-server';
import { sweepIdleLearners } from '@/lib/server/retention';
import { createRequestListener } from '@/lib/server/request-listener';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { basic, codeTokens, tokenRequest, WITH_REFRESH } from './support/practice-requests';
import { apiRequest } from './support/requests';

// profile: userinfo answers only a token with one of profile, email, address or phone (as Okta).
const SCOPE = 'openid profile offline_access api:read';

/**
 * A second instance on the same database, as behind a load balancer: its own connection
 * and provider on its own port, with the same PUBLIC_URL (so the same issuer).
 */
async function startSecondInstance(url: string): Promise<{ issuer: string; stop(): Promise<void> }> {
  const env = getEnv();
  const db: DB = openDatabase(url, { poolSize: 5 });
  await migrateToLatest(db);
  const practice: PracticeServer = await createPracticeServer({ db, env });
  const listener = createRequestListener({
    env,
    logger: getLogger(),
    practice: (req, res) => practice.handle(req, res),
    next: async (_req, res) => void res.writeHead(404).end(),
  });
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer: `http://127.0.0.1:${port}/oauth2/default`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await practice.close();
      await db.destroy();
    },
  };
}

describe('practice server revocation', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  const form = (app: PracticeApp, params: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: basic(app) },
    body: new URLSearchParams(params),
  });
  async function revoke(app: PracticeApp, token: string, hint?: string, issuer = server.issuer) {
    const response = await fetch(`${issuer}/v1/revoke`, form(app, { token, ...(hint ? { token_type_hint: hint } : {}) }));
    return { status: response.status, body: await response.text() };
  }
  async function introspect(app: PracticeApp, token: string, issuer = server.issuer) {
    const response = await fetch(`${issuer}/v1/introspect`, form(app, { token }));
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }
  async function userinfo(token: string, issuer = server.issuer) {
    const response = await fetch(`${issuer}/v1/userinfo`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      www: response.headers.get('www-authenticate'),
    };
  }
  const refresh = (app: PracticeApp, refreshToken: string) =>
    tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: refreshToken });
  const REVOKED_AT_USERINFO = { error: 'invalid_token', error_description: 'The access token is invalid.' };

  it('revokes an access token: 200, then inactive at introspection and 401 at userinfo; its refresh token stays active', async () => {
    const app = await server.createApp(WITH_REFRESH);
    const tokens = await codeTokens(server, app, SCOPE);
    expect(await introspect(app, tokens.access_token)).toMatchObject({ active: true });
    expect((await userinfo(tokens.access_token)).status).toBe(200);

    expect(await revoke(app, tokens.access_token, 'access_token')).toEqual({ status: 200, body: '' });
    expect(await introspect(app, tokens.access_token)).toEqual({ active: false });
    const refused = await userinfo(tokens.access_token);
    expect(refused).toMatchObject({ status: 401, body: REVOKED_AT_USERINFO });
    expect(refused.www).toMatch(/^Bearer .*error="invalid_token", error_description="The access token is invalid\."/);

    // Okta: revoking an access token does not revoke its refresh token.
    expect(await introspect(app, tokens.refresh_token!)).toMatchObject({ active: true, token_type: 'refresh_token' });
    const refreshed = await refresh(app, tokens.refresh_token!);
    expect(refreshed.status).toBe(200);
    const next = String(refreshed.body.access_token);
    expect(await introspect(app, next)).toMatchObject({ active: true });
    expect((await userinfo(next)).status).toBe(200);

    // An API that validates the JWT locally cannot see the revocation (Okta's caveat).
    const photos = await getPhotos(apiRequest('/api/practice/photos', { headers: { authorization: `Bearer ${tokens.access_token}` } }));
    expect(photos.status).toBe(200);
  });

  it("revokes a refresh token and with it its login's access tokens, first and refreshed, and nothing of another login", async () => {
    const app = await server.createApp(WITH_REFRESH);
    const login = await codeTokens(server, app, SCOPE);
    const refreshed = await refresh(app, login.refresh_token!);
    const refreshedAccess = String(refreshed.body.access_token);
    const other = await codeTokens(server, app, SCOPE);

    expect(await revoke(app, login.refresh_token!, 'refresh_token')).toEqual({ status: 200, body: '' });
    expect(await introspect(app, login.refresh_token!)).toEqual({ active: false });
    for (const access of [login.access_token, refreshedAccess]) {
      expect(await introspect(app, access)).toEqual({ active: false });
      expect(await userinfo(access)).toMatchObject({ status: 401, body: REVOKED_AT_USERINFO });
    }
    expect((await refresh(app, login.refresh_token!)).body).toEqual({
      error: 'invalid_grant',
      error_description: 'The refresh token is invalid or expired.',
    });

    expect(await introspect(app, other.access_token)).toMatchObject({ active: true });
    expect((await refresh(app, other.refresh_token!)).status).toBe(200);
  });

  it("ends the access token of a login whose code was replayed (the replay revokes the login's grant)", async () => {
    const app = await server.createApp(WITH_REFRESH);
    const result = await server.signInForCode(app, { scope: SCOPE });
    const exchange = () =>
      tokenRequest(server, app, {
        grant_type: 'authorization_code',
        code: result.code,
        redirect_uri: result.redirectUri,
        code_verifier: result.verifier,
      });
    const first = await exchange();
    const access = String(first.body.access_token);
    expect(await introspect(app, access)).toMatchObject({ active: true });
    expect((await exchange()).status).toBe(400);
    expect(await introspect(app, access)).toEqual({ active: false });
    expect(await userinfo(access)).toMatchObject({ status: 401, body: REVOKED_AT_USERINFO });
  });

  it("answers 200 to garbage, a token revoked already, a forged JWT and another app's tokens, which stay active", async () => {
    const app = await server.createApp(WITH_REFRESH);
    const otherApp = await server.createApp(WITH_REFRESH);
    const tokens = await codeTokens(server, app, SCOPE);
    const others = await codeTokens(server, otherApp, SCOPE);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(others.access_token))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(others.access_token).kid })
      .sign(privateKey);

    for (const [token, hint] of [
      ['not-a-token', undefined],
      ['not.a.jwt', 'access_token'],
      ['eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'access_token'],
      [forged, 'access_token'],
      [others.access_token, 'access_token'],
      [others.refresh_token!, 'refresh_token'],
      [others.refresh_token!, undefined],
    ] as const) {
      expect(await revoke(app, token, hint), token).toEqual({ status: 200, body: '' });
    }
    expect(await introspect(otherApp, others.access_token)).toMatchObject({ active: true });
    expect(await introspect(otherApp, others.refresh_token!)).toMatchObject({ active: true });

    for (const [token, hint] of [
      [tokens.access_token, 'access_token'],
      [tokens.refresh_token!, 'refresh_token'],
    ] as const) {
      expect(await revoke(app, token, hint)).toEqual({ status: 200, body: '' });
      expect(await revoke(app, token, hint)).toEqual({ status: 200, body: '' });
    }
    expect(await introspect(app, tokens.access_token)).toEqual({ active: false });
  });

  it('still refuses a bad client with 401 invalid_client, and a request without a token with 400', async () => {
    const app = await server.createApp(WITH_REFRESH);
    const tokens = await codeTokens(server, app, SCOPE);
    const response = await revoke({ ...app, clientSecret: 'not-the-secret' }, tokens.access_token, 'access_token');
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
    });
    expect(await introspect(app, tokens.access_token)).toMatchObject({ active: true });

    const missing = await fetch(`${server.issuer}/v1/revoke`, form(app, {}));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('revokes a client credentials token (it has no grant)', async () => {
    const app = await server.createApp({ grantTypes: ['client_credentials'] });
    const answer = await tokenRequest(server, app, { grant_type: 'client_credentials', scope: 'api:read' });
    const token = String(answer.body.access_token);
    expect(await introspect(app, token)).toMatchObject({ active: true });
    expect(await revoke(app, token)).toEqual({ status: 200, body: '' });
    expect(await introspect(app, token)).toEqual({ active: false });
  });

  it('is seen by every instance on the same database', async () => {
    const second = await startSecondInstance(server.temp.url);
    try {
      const app = await server.createApp(WITH_REFRESH);
      const first = await codeTokens(server, app, SCOPE);
      expect(await revoke(app, first.access_token, 'access_token', second.issuer)).toEqual({ status: 200, body: '' });
      expect(await introspect(app, first.access_token)).toEqual({ active: false });
      expect(await introspect(app, first.refresh_token!, second.issuer)).toMatchObject({ active: true });

      const login = await codeTokens(server, app, SCOPE);
      expect(await introspect(app, login.access_token, second.issuer)).toMatchObject({ active: true });
      expect(await revoke(app, login.refresh_token!, 'refresh_token')).toEqual({ status: 200, body: '' });
      expect(await introspect(app, login.access_token, second.issuer)).toEqual({ active: false });
      expect(await userinfo(login.access_token, second.issuer)).toMatchObject({ status: 401, body: REVOKED_AT_USERINFO });
    } finally {
      await second.stop();
    }
  });

  it("keeps the token's id and expiry, never the token; the retention sweep removes rows whose token expired", async () => {
    const app = await server.createApp(WITH_REFRESH);
    const tokens = await codeTokens(server, app, SCOPE);
    await revoke(app, tokens.access_token, 'access_token');
    const { jti, exp } = decodeJwt(tokens.access_token);
    const row = await server.db.selectFrom('practice_revoked_access_tokens').selectAll().where('jti', '=', String(jti)).executeTakeFirst();
    expect(row).toMatchObject({ client_id: app.clientId });
    expect(Number(row!.expires_at)).toBe(exp);
    await server.checkpoint();
    expect((await server.temp.copyOfDatabase()).includes(Buffer.from(tokens.access_token))).toBe(false);

    const now = new Date((exp! + 1) * 1000);
    await denyAccessToken(server.db, { jti: 'still-valid', clientId: app.clientId, revokedAt: exp!, expiresAt: exp! + 60 });
    await sweepIdleLearners(server.db, { ANONYMOUS_RETENTION_DAYS: 30 }, getLogger(), now);
    const left = await server.db.selectFrom('practice_revoked_access_tokens').select('jti').where('client_id', '=', app.clientId).execute();
    expect(left.map((r) => r.jti)).toEqual(['still-valid']);
  });
});
