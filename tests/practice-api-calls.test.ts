/**
 * The practice API's record of calls (issue 21), over real HTTP on loopback, on both
 * databases: `GET /api/practice/photos` served by the site's request listener with a real
 * practice token and with each kind of bad request, then the calls read back as the
 * `api-call` check reads them. Hostile callers stay bounded: nothing recorded for a call
 * that names no practice app, at most 50 rows per app, no token at rest.
 */
import { decodeJwt, importJWK, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/practice/photos/route';
import { API_CALLS_KEPT_PER_APP, latestApiCalls, recordApiCall } from '@/lib/db/practice-api-calls';
import type { PracticeApp } from '@/lib/db/practice-clients';
import { checkApiCall } from '@/lib/exercise/api-call/check';
import { getOrCreateSigningKey } from '@/lib/practice-server/keys';
import { PHOTOS_MESSAGES } from '@/lib/practice-server/photos-api';
import { nextLike } from './support/next-like';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { basic, codeTokens } from './support/practice-requests';

describe('practice API calls, as the practice server observed them', () => {
  let server: PracticeServerHandle;
  let app: PracticeApp;
  let token: string;
  let claims: JWTPayload;
  let api: string;
  const started = new Date(Date.now() - 1000);

  beforeAll(async () => {
    server = await startPracticeServer({
      next: nextLike({ '/api/practice/photos': { GET, POST } }),
      // The hostile test below makes thousands of calls from one address.
      env: { RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '100000' },
    });
    api = `${server.baseUrl}/api/practice/photos`;
    app = await server.createApp();
    token = (await codeTokens(server, app, 'openid api:read')).access_token;
    claims = decodeJwt(token);
  }, 60_000);
  afterAll(() => server?.stop());

  const call = (init: { authorization?: string; query?: string; form?: Record<string, string> } = {}) =>
    fetch(`${api}${init.query ?? ''}`, {
      method: init.form ? 'POST' : 'GET',
      headers: {
        ...(init.authorization !== undefined ? { authorization: init.authorization } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });

  const latest = async (clientId = app.clientId) => (await latestApiCalls(server.db, clientId, { limit: 1 }))[0];

  /** A token signed with the practice server's own key, with some claims changed. */
  async function minted(changes: JWTPayload): Promise<string> {
    const jwk = await getOrCreateSigningKey(server.db);
    const key = await importJWK(jwk, 'RS256');
    return new SignJWT({ ...claims, ...changes }).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).sign(key);
  }

  it('records the right call: 200, the token’s jti and scopes, how it came, when — and the check passes', async () => {
    const response = await call({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { requestedBy: { cid: string } }).requestedBy.cid).toBe(app.clientId);
    const recorded = await latest();
    expect(recorded).toMatchObject({ clientId: app.clientId, tokenJti: claims.jti, status: 200, outcome: 'ok', sentVia: 'header' });
    expect(recorded!.scopes).toEqual(expect.arrayContaining(['openid', 'api:read']));
    expect(Math.abs(recorded!.calledAt - Date.now() / 1000)).toBeLessThan(60);

    const calls = await latestApiCalls(server.db, app.clientId, { since: started });
    const report = checkApiCall(calls, {
      clientId: app.clientId,
      since: started,
      now: new Date(),
      apiUrl: api,
      expectedJti: String(claims.jti),
    });
    expect(report.status).toBe('pass');
  });

  it.each([
    ['?access_token= in the URL', () => ({ query: `?access_token=${token}` }), 401, 'token_in_query', 'query'],
    ['Authorization: <token>', () => ({ authorization: token }), 401, 'not_bearer', 'header'],
    ['Authorization: Bearer:<token>', () => ({ authorization: `Bearer:${token}` }), 401, 'not_bearer', 'header'],
    ['a token cut short', () => ({ authorization: `Bearer ${token.slice(0, -40)}` }), 401, 'malformed', 'header'],
    ['a token with a trailing quote', () => ({ authorization: `Bearer ${token}"` }), 401, 'malformed', 'header'],
    ['a changed signature', () => ({ authorization: `Bearer ${token.slice(0, -8)}AAAAAAAA` }), 401, 'bad_signature', 'header'],
    ['the token in a form body', () => ({ form: { access_token: token } }), 200, 'ok', 'body'],
    [
      'header and form body both',
      () => ({ authorization: `Bearer ${token}`, form: { access_token: token } }),
      400,
      'several_methods',
      'header',
    ],
  ] as const)('records %s', async (_name, init, status, outcome, sentVia) => {
    const response = await call(init());
    expect(response.status).toBe(status);
    if (status !== 200) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="OAuth Lab practice API", error="/);
    expect(await latest()).toMatchObject({ clientId: app.clientId, status, outcome, sentVia });
  });

  it('refuses a token in the URL with a description that says why', async () => {
    const response = await call({ query: `?access_token=${token}` });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error_description: string }).error_description).toBe(PHOTOS_MESSAGES.inQuery);
    expect(response.headers.get('www-authenticate')).toMatch(/error_description="This API does not read access tokens from the URL/);
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 120, iat: Math.floor(Date.now() / 1000) - 3720 }, 401, 'expired'],
    ['not for this API', { aud: 'https://api.example.com' }, 401, 'wrong_audience'],
    ['from another issuer', { iss: 'https://dev-123456.okta.com/oauth2/default' }, 401, 'wrong_issuer'],
    ['not valid yet', { nbf: Math.floor(Date.now() / 1000) + 600 }, 401, 'not_yet_valid'],
    ['without api:read', { scp: ['openid', 'profile'] }, 403, 'insufficient_scope'],
  ] as const)('records a token %s', async (_name, changes, status, outcome) => {
    const response = await call({ authorization: `Bearer ${await minted(changes)}` });
    expect(response.status).toBe(status);
    expect(await latest()).toMatchObject({ status, outcome, tokenJti: claims.jti });
  });

  it('answers 200 to a revoked token, as before (local validation), and records revoked_but_accepted', async () => {
    const other = await codeTokens(server, app, 'openid api:read');
    const revoked = await fetch(`${server.issuer}/v1/revoke`, {
      method: 'POST',
      headers: { authorization: basic(app), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: other.access_token, token_type_hint: 'access_token' }),
    });
    expect(revoked.status).toBe(200);
    expect((await call({ authorization: `Bearer ${other.access_token}` })).status).toBe(200);
    expect(await latest()).toMatchObject({ status: 200, outcome: 'revoked_but_accepted', tokenJti: decodeJwt(other.access_token).jti });
  });

  it('attributes an unverified token by its cid to show what arrived, and authorizes nothing with it', async () => {
    const forged = await new SignJWT({ ...claims, jti: 'AT.forged' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a'.repeat(32)));
    const response = await call({ authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
    expect(await latest()).toMatchObject({ status: 401, outcome: 'bad_signature', tokenJti: 'AT.forged' });
  });

  it('records nothing for a call that names no practice app', async () => {
    const count = async () =>
      (
        await server.db
          .selectFrom('practice_api_calls')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    const stranger = await minted({ cid: '0oaNOSUCHAPP0000000', jti: 'AT.stranger' });
    // The stranger's token is the server's own (it verifies: 200), but names no app.
    for (const [init, status] of [
      [{}, 401],
      [{ authorization: 'Bearer not-a-token' }, 401],
      [{ authorization: `Bearer ${stranger}` }, 200],
      [{ authorization: 'Basic YTpi' }, 401],
      [{ query: `?access_token=${stranger}` }, 401],
    ] as const) {
      expect((await call(init)).status).toBe(status);
    }
    expect(Number(await count())).toBe(before);
  });

  it('stays bounded under hostile input: a 64 KiB header, a long one under the limit, thousands of calls', async () => {
    // Node refuses headers past its 16 KiB limit before any handler runs.
    const huge = await call({ authorization: `Bearer ${'A'.repeat(64 * 1024)}` });
    expect([401, 431]).toContain(huge.status);
    const hostileJti = await minted({ jti: 'j'.repeat(2000), scp: Array.from({ length: 100 }, (_, i) => `s${i}`.repeat(12)) });
    expect((await call({ authorization: `Bearer ${hostileJti}` })).status).toBe(403);
    const row = await latest();
    expect(row!.tokenJti).toBeNull();
    expect(row!.scopes.length).toBeLessThanOrEqual(20);

    const flood = await server.createApp();
    const floodToken = (await codeTokens(server, flood, 'openid api:read')).access_token;
    const calls = 2000;
    for (let i = 0; i < calls; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          call(j % 2 ? { authorization: `Bearer ${floodToken}` } : { query: `?access_token=${floodToken}&n=${i + j}` }).then((r) =>
            r.arrayBuffer(),
          ),
        ),
      );
    }
    // Concurrent calls may each trim before seeing the other's row (Postgres, read
    // committed): a few rows over for a moment, trimmed by the next call.
    const kept = await server.db.selectFrom('practice_api_calls').select('id').where('client_id', '=', flood.clientId).execute();
    expect(kept.length).toBeLessThanOrEqual(API_CALLS_KEPT_PER_APP + 50);
    // The other app's record is untouched by the flood.
    expect((await latestApiCalls(server.db, app.clientId)).length).toBeGreaterThan(10);
    // The next call is the latest the check sees, and the record is back to 50.
    expect((await call({ authorization: `Bearer ${floodToken}` })).status).toBe(200);
    expect(await latest(flood.clientId)).toMatchObject({ outcome: 'ok', status: 200 });
    const trimmed = await server.db.selectFrom('practice_api_calls').select('id').where('client_id', '=', flood.clientId).execute();
    expect(trimmed.length).toBe(API_CALLS_KEPT_PER_APP);
  }, 120_000);

  it('keeps the latest 50 per app in order, also when written directly', async () => {
    const direct = await server.createApp();
    const base = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 120; i += 1) {
      const recorded = await recordApiCall(server.db, {
        clientId: direct.clientId,
        tokenJti: `AT.${i}`,
        status: 401,
        outcome: 'expired',
        sentVia: 'header',
        scopes: [],
        calledAt: base,
      });
      expect(recorded?.outcome).toBe('expired');
    }
    const kept = await latestApiCalls(server.db, direct.clientId);
    expect(kept.map((c) => c.tokenJti)).toEqual(Array.from({ length: 50 }, (_, i) => `AT.${119 - i}`));
    expect(await recordApiCall(server.db, { ...kept[0]!, clientId: '0oaNOSUCHAPP0000000' })).toBeNull();
  });

  it('keeps no token at rest, and the rows go with the app', async () => {
    await server.checkpoint();
    const copy = (await server.temp.copyOfDatabase()).toString('latin1');
    expect(copy).not.toContain(token.split('.')[2]!);
    await server.db.deleteFrom('practice_clients').where('client_id', '=', app.clientId).execute();
    expect(await latestApiCalls(server.db, app.clientId)).toEqual([]);
  });
});
