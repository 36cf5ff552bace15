import { createHash } from 'node:crypto';

import { createLocalJWKSet, errors, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';

import type { CheckResult } from './report';
import { checkTokenResponse, type TokenCheckContext } from './token-response';
import { mintOktaAccessToken, type SigningKey } from '../../tests/support/okta-tokens';

const NOW = new Date('2026-01-15T10:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const ISSUER = 'http://localhost:3000/oauth2/default';
const CLIENT_ID = '0oa1b2c3d4EXAMPLE';
const REFRESH_TOKEN = 'hY6OEJqn4dbXr0Yb1ZbMZWGN2hC8K3fJ4Zx5Zt0Ykn8';

type Key = SigningKey;
let serverKey: Key;
let otherKey: Key;
let getKey: JWTVerifyGetKey;

beforeAll(async () => {
  const server = await generateKeyPair('RS256');
  serverKey = server.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  getKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(server.publicKey)), kid: 'Xm2k9Q', alg: 'RS256', use: 'sig' }] });
});

/** An access token like the practice server's (Okta-like claims), with overrides; `undefined` removes a claim. */
function mint(o: { claims?: Record<string, unknown>; kid?: string | null; key?: Key; iat?: number } = {}): Promise<string> {
  return mintOktaAccessToken(o.key ?? serverKey, {
    issuer: ISSUER,
    clientId: CLIENT_ID,
    iat: o.iat ?? NOW_S - 60,
    jti: 'AT.6bUu3KdI6YQIu0uWw2w4xGvPfJ6d',
    claims: o.claims,
    kid: o.kid,
  });
}

/** A token endpoint response as Okta prints it, pretty JSON; `undefined` removes a field. */
async function respond(fields: Record<string, unknown> = {}, token?: Promise<string> | string): Promise<string> {
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_in: 3600,
    access_token: await (token ?? mint()),
    scope: 'offline_access api:read',
    refresh_token: REFRESH_TOKEN,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  return JSON.stringify(body, null, 2);
}

const ctx = (o: Partial<TokenCheckContext> = {}): TokenCheckContext => ({
  issuer: ISSUER,
  clientId: CLIENT_ID,
  audience: 'api://default',
  now: NOW,
  getKey,
  practice: true,
  ...o,
});

const codes = (results: CheckResult[]) => results.filter((r) => r.status !== 'pass').map((r) => `${r.status}:${r.code}`).sort();

interface Case {
  name: string;
  paste: () => Promise<string> | string;
  ctx?: () => Partial<TokenCheckContext>;
  expected: string[];
}

const cases: Case[] = [
  // Passing responses
  { name: 'a practice server response', paste: () => respond(), expected: [] },
  {
    name: 'with an ID token because openid was requested',
    paste: () => respond({ scope: 'openid offline_access api:read', id_token: 'eyJraWQiOiJYbTJrOVEiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
    expected: ['info:id_token.present'],
  },
  { name: 'without expires_in', paste: () => respond({ expires_in: undefined }), expected: ['warn:expires_in.missing'] },
  { name: 'token_type in lower case', paste: () => respond({ token_type: 'bearer' }), expected: [] },
  {
    name: 'curl -i output',
    paste: async () => `HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nCache-Control: no-store\r\n\r\n${await respond()}`,
    expected: ['warn:json.http_headers'],
  },
  {
    name: 'pasted through a word processor',
    paste: async () => (await respond()).replace(/"/g, (_m, i: number) => (i % 2 ? '”' : '“')),
    expected: ['warn:json.smart_quotes'],
  },
  {
    name: 'an Auth0-like own server: azp instead of cid, no audience configured',
    paste: () => respond({ scope: 'offline_access read:messages' }, mint({ claims: { cid: undefined, azp: CLIENT_ID, uid: undefined, scp: undefined, gty: 'authorization_code' } })),
    ctx: () => ({ practice: false, audience: undefined }),
    expected: [],
  },
  {
    name: 'a refresh token although the scope does not echo offline_access',
    paste: () => respond({ scope: 'api:read' }),
    expected: ['info:scope.offline_access_not_granted'],
  },
  {
    name: 'a JWKS with two keys and a token without kid',
    paste: () => respond({}, mint({ kid: null })),
    ctx: () => ({ getKey: twoKeysNoKid }),
    expected: [],
  },
  // Input and JSON problems
  { name: 'nothing pasted', paste: () => '   ', expected: ['fail:input.empty'] },
  { name: 'only the access token', paste: () => mint(), expected: ['fail:json.only_access_token'] },
  { name: 'broken JSON', paste: async () => (await respond()).replace('"Bearer",', '"Bearer"'), expected: ['fail:json.invalid'] },
  { name: 'a JSON list', paste: async () => `[${await respond()}]`, expected: ['fail:json.not_object'] },
  // Refresh token and scope
  {
    name: 'no refresh token: offline_access not requested',
    paste: () => respond({ refresh_token: undefined, scope: 'api:read' }),
    expected: ['fail:refresh_token.missing', 'fail:scope.offline_access_not_granted'],
  },
  {
    name: 'no refresh token although offline_access was granted (grant not enabled on the app)',
    paste: () => respond({ refresh_token: undefined }),
    expected: ['fail:refresh_token.missing'],
  },
  // Access token and token type
  {
    name: 'no access_token (decoded claims from jwt.io pasted)',
    paste: () => JSON.stringify({ iss: ISSUER, sub: 'learner@example.com', exp: NOW_S + 3000, cid: CLIENT_ID }, null, 2),
    expected: ['fail:access_token.missing', 'fail:refresh_token.missing', 'warn:expires_in.missing', 'warn:token_type.unexpected'],
  },
  { name: 'a DPoP-bound token', paste: () => respond({ token_type: 'DPoP' }), expected: ['fail:token_type.unexpected'] },
  {
    name: 'an opaque access token from an own server',
    paste: () => respond({}, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV'),
    ctx: () => ({ practice: false }),
    expected: ['warn:access_token.not_jwt'],
  },
  {
    name: 'an Auth0 JWE access token (no audience requested)',
    paste: () => respond({}, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwiaXNzIjoiaHR0cHM6Ly9sYWIuYXV0aDAuY29tLyJ9..N3ZnOHp6d2Fwbm9s.bXlfZW5jcnlwdGVkX3BheWxvYWQ.aGVsbG8gdGFnIDEyMw'),
    ctx: () => ({ practice: false, issuer: 'https://lab.auth0.com/' }),
    expected: ['warn:access_token.not_jwt'],
  },
  {
    name: 'an opaque access token with the practice server',
    paste: () => respond({}, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV'),
    expected: ['fail:access_token.not_jwt'],
  },
  // Signature
  { name: 'a token re-signed with another key (edited on jwt.io)', paste: () => respond({}, mint({ key: otherKey })), expected: ['fail:access_token.signature_invalid'] },
  { name: 'a token signed with a key the server does not publish', paste: () => respond({}, mint({ key: otherKey, kid: 'k2-other-tenant' })), expected: ['fail:access_token.unknown_key'] },
  {
    name: 'a hand-made HS256 token',
    paste: async () => respond({}, await new SignJWT({ iss: ISSUER, cid: CLIENT_ID, sub: 'learner@example.com', exp: NOW_S + 600 }).setProtectedHeader({ alg: 'HS256', kid: 'Xm2k9Q' }).sign(new TextEncoder().encode('x'.repeat(32)))),
    expected: ['fail:access_token.signature_invalid', 'warn:access_token.audience_mismatch'],
  },
  {
    name: 'a JWKS with two keys, neither of which signed the kid-less token',
    paste: () => respond({}, mint({ kid: null, key: otherKey })),
    ctx: () => ({ getKey: twoKeysNoKid }),
    expected: ['fail:access_token.signature_invalid'],
  },
  { name: 'keys not loaded', paste: () => respond(), ctx: () => ({ getKey: null }), expected: ['warn:access_token.keys_unavailable'] },
  {
    name: 'the key resolver fails with a network error',
    paste: () => respond(),
    ctx: () => ({
      getKey: async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:3000') });
      },
    }),
    expected: ['warn:access_token.keys_unavailable'],
  },
  {
    name: 'the key resolver times out',
    paste: () => respond(),
    ctx: () => ({
      getKey: async () => {
        throw new errors.JWKSTimeout();
      },
    }),
    expected: ['warn:access_token.keys_unavailable'],
  },
  // Claims
  {
    name: "a token from Okta's org authorization server",
    paste: () => respond({}, mint({ claims: { iss: 'http://localhost:3000' } })),
    expected: ['fail:access_token.issuer_mismatch'],
  },
  { name: 'a token issued to another app', paste: () => respond({}, mint({ claims: { cid: '0oaOTHERAPP9876' } })), expected: ['fail:access_token.client_mismatch'] },
  { name: 'a token for another API', paste: () => respond({}, mint({ claims: { aud: 'https://api.example.com' } })), expected: ['warn:access_token.audience_mismatch'] },
  { name: 'a response from two hours ago', paste: () => respond({}, mint({ iat: NOW_S - 7200 })), expected: ['fail:access_token.expired'] },
  {
    name: 'everything wrong at once',
    paste: () => respond({ refresh_token: undefined, scope: 'api:read', token_type: 'mac', expires_in: undefined }, mint({ key: otherKey, iat: NOW_S - 7200, claims: { iss: 'https://evil.example', cid: 'someone-else', aud: 'https://api.evil.example' } })),
    expected: [
      'fail:access_token.client_mismatch',
      'fail:access_token.expired',
      'fail:access_token.issuer_mismatch',
      'fail:access_token.signature_invalid',
      'fail:refresh_token.missing',
      'fail:scope.offline_access_not_granted',
      'fail:token_type.unexpected',
      'warn:access_token.audience_mismatch',
      'warn:expires_in.missing',
    ].sort(),
  },
];

let twoKeysNoKid: JWTVerifyGetKey;
beforeAll(async () => {
  const spare = await generateKeyPair('RS256');
  // The server's key listed second and without kid, next to an unrelated key: both match a kid-less token.
  const serverJwk = (getKey as unknown as { jwks: () => { keys: object[] } }).jwks().keys[0]!;
  const { kid: _kid, ...withoutKid } = serverJwk as { kid?: string };
  void _kid;
  twoKeysNoKid = createLocalJWKSet({ keys: [{ ...(await exportJWK(spare.publicKey)), alg: 'RS256' }, withoutKid] });
});

describe('checkTokenResponse', () => {
  it.each(cases)('$name', async ({ paste, ctx: overrides, expected }) => {
    const report = await checkTokenResponse(await paste(), ctx(overrides?.()));
    expect(codes(report.results)).toEqual([...expected].sort());
    expect(report.step).toBe('token-response');
    expect(report.status).toBe(expected.some((c) => c.startsWith('fail:')) ? 'fail' : 'pass');
    for (const r of report.results) {
      expect(r.message.length).toBeGreaterThan(0);
      if (r.status === 'fail' || r.status === 'warn') expect(r.hint?.length).toBeGreaterThan(0);
    }
  });

  it('returns the decoded claims and a summary, never a raw token', async () => {
    const token = await mint();
    const report = await checkTokenResponse(await respond({}, token), ctx());
    expect(report.status).toBe('pass');
    expect(report.claims?.header).toEqual({ alg: 'RS256', kid: 'Xm2k9Q' });
    expect(report.claims?.payload).toMatchObject({ iss: ISSUER, cid: CLIENT_ID, scp: ['offline_access', 'api:read'] });
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(report.summary).toEqual({
      responseFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      accessTokenFingerprint: sha(token),
      refreshTokenFingerprint: sha(REFRESH_TOKEN),
      idTokenPresent: false,
      tokenType: 'Bearer',
      scope: ['offline_access', 'api:read'],
      expiresIn: 3600,
      accessTokenIsJwt: true,
      issuer: ISSUER,
      subject: 'learner@example.com',
      clientId: CLIENT_ID,
      jti: 'AT.6bUu3KdI6YQIu0uWw2w4xGvPfJ6d',
      issuedAt: NOW_S - 60,
      expiresAt: NOW_S + 3540,
    });
    const everything = JSON.stringify(report);
    expect(everything).not.toContain(token.split('.')[2]!.slice(0, 16));
    expect(everything).not.toContain(REFRESH_TOKEN);
  });

  it('keeps claims for display when the signature fails', async () => {
    const report = await checkTokenResponse(await respond({}, mint({ key: otherKey })), ctx());
    expect(report.status).toBe('fail');
    expect(report.claims?.payload.sub).toBe('learner@example.com');
  });

  it('never quotes the opaque token in full', async () => {
    const opaque = 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV';
    const report = await checkTokenResponse(await respond({}, opaque), ctx({ practice: false }));
    expect(JSON.stringify(report)).not.toContain(opaque);
    expect(report.summary?.expiresAt).toBe(NOW_S + 3600);
  });
});

describe('checkTokenResponse: server errors explained (RFC 6749 §5.2)', () => {
  it.each([
    { body: { error: 'invalid_grant', error_description: 'PKCE verification failed.' }, hint: /Code Verifier you hashed/ },
    { body: { error: 'invalid_grant', error_description: "The 'redirect_uri' does not match the redirection URI used in the authorization request." }, hint: /same redirect_uri/ },
    { body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' }, hint: /Get a new code/ },
    { body: { error: 'invalid_grant', error_description: 'grant request is invalid' }, hint: /Get a new code/ },
    { body: { error: 'invalid_grant' }, hint: /code_verifier of that authorization URL and exactly the same redirect_uri/ },
    { body: { error: 'invalid_client', error_description: 'The client secret supplied for a confidential client is invalid.' }, hint: /YOUR_CLIENT_SECRET/ },
    { body: { error: 'unauthorized_client', error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].' }, hint: /tick Authorization Code/ },
    { body: { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server.' }, hint: /grant_type=authorization_code/ },
    { body: { error: 'invalid_request', error_description: 'PKCE code verifier is required when the parameter code_challenge is included in the authorize request.' }, hint: /code_verifier/ },
    { body: { error: 'invalid_request', error_description: "The request is missing a required parameter: 'redirect_uri'." }, hint: /redirect_uri line/ },
    { body: { error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' }, hint: /go in the authorization URL/ },
    { body: { error: 'server_error' }, hint: /Try again/ },
    { body: { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method', errorLink: 'E0000022', errorId: 'oaeX1', errorCauses: [] }, hint: /oauth2\/default\/v1\/token/ },
  ])('$body.error$body.errorCode: $body.error_description', async ({ body, hint }) => {
    const paste = `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json;charset=UTF-8\r\n\r\n${JSON.stringify(body)}`;
    const report = await checkTokenResponse(paste, ctx());
    expect(codes(report.results)).toEqual(['fail:response.error', 'warn:json.http_headers']);
    const error = report.results.find((r) => r.code === 'response.error')!;
    expect(error.hint).toMatch(hint);
    if ('error' in body) expect(error.message).toContain(body.error);
    expect(report.summary).toBeNull();
    expect(report.claims).toBeNull();
  });
});

describe('checkTokenResponse: hostile input', () => {
  it('explains an iss of 256 KiB of slashes in linear time (no /\\/+$/ backtracking)', async () => {
    const iss = `https://evil.example${'/'.repeat(256 * 1024)}x`;
    const report = await checkTokenResponse(await respond({}, mint({ claims: { iss } })), ctx());
    expect(codes(report.results)).toEqual(['fail:access_token.issuer_mismatch']);
  });
});

// Issue 8: a time claim that is no time (out of a Date's range, not a number) must be a
// diagnosis, never a RangeError from formatting it; and a token that is not valid yet is one.
describe('checkTokenResponse: odd time claims', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['exp far past the year 9999', { exp: 9e12 }, '9000000000000'],
    ['exp past what a Date holds', { exp: 1e308 }, '1e+308'],
    ['exp negative and huge', { exp: -1e300 }, '-1e+300'],
    ['exp as a word', { exp: 'soon' }, '"soon"'],
    ['exp as an object', { exp: { at: 1 } }, 'an object'],
    ['iat negative and huge', { iat: -1e300 }, '-1e+300'],
    ['iat far in the future', { iat: 9e15 }, '9000000000000000'],
    ['nbf as a word', { nbf: 'soon' }, '"soon"'],
    ['nbf as true', { nbf: true }, 'true'],
  ])('diagnoses %s as access_token.time_claim_invalid', async (_name, claims, shown) => {
    const report = await checkTokenResponse(await respond({}, mint({ claims })), ctx());
    const [claim] = Object.keys(claims);
    const invalid = report.results.filter((r) => r.code === 'access_token.time_claim_invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.status).toBe('fail');
    expect(invalid[0]!.message).toContain(`The ${claim} claim is ${shown}`);
    expect(invalid[0]!.hint).toMatch(/seconds since 1970/);
    // Jose checks the signature before the claims: it is still reported as valid.
    expect(report.results.find((r) => r.check === 'signature')?.status).toBe('pass');
    // The summary never carries a time a later page cannot format.
    const { issuedAt, expiresAt } = report.summary!;
    for (const t of [issuedAt, expiresAt]) if (t !== null) expect(() => new Date(t * 1000).toISOString()).not.toThrow();
    expect(() => JSON.stringify(report)).not.toThrow();
  });

  it('reports a fractional exp in the past as expired, not as invalid', async () => {
    const report = await checkTokenResponse(await respond({}, mint({ claims: { exp: 1.5 } })), ctx());
    expect(codes(report.results)).toEqual(['fail:access_token.expired']);
    expect(report.summary?.expiresAt).toBe(1.5);
  });

  it('keeps out-of-range times out of the summary', async () => {
    const report = await checkTokenResponse(await respond({}, mint({ claims: { iat: -1e300, exp: 9e12 } })), ctx());
    expect(report.summary).toMatchObject({ issuedAt: null, expiresAt: null });
  });

  it('keeps an opaque token with an absurd expires_in out of the timeline', async () => {
    const report = await checkTokenResponse(await respond({ expires_in: 1e308 }, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV'), ctx({ practice: false }));
    expect(report.summary?.expiresAt).toBeNull();
  });

  it('reports a token whose nbf is in the future as not yet valid, with the time and a clock hint', async () => {
    const report = await checkTokenResponse(await respond({}, mint({ claims: { nbf: NOW_S + 3600 } })), ctx());
    expect(codes(report.results)).toEqual(['fail:access_token.not_yet_valid']);
    const result = report.results.find((r) => r.code === 'access_token.not_yet_valid')!;
    expect(result.message).toContain('2026-01-15 11:00:00 UTC');
    expect(result.message).toContain('in 1 hour');
    expect(result.hint).toMatch(/clock/);
    expect(report.results.find((r) => r.check === 'signature')?.status).toBe('pass');
  });

  it('reports a token issued an hour from now as not yet valid', async () => {
    const report = await checkTokenResponse(await respond({}, mint({ iat: NOW_S + 3600 })), ctx());
    expect(codes(report.results)).toEqual(['fail:access_token.not_yet_valid']);
    expect(report.results.find((r) => r.code === 'access_token.not_yet_valid')!.message).toContain('issued at 2026-01-15 11:00:00 UTC');
  });

  it('tolerates a server clock a few seconds ahead', async () => {
    const report = await checkTokenResponse(await respond({}, mint({ iat: NOW_S + 5, claims: { nbf: NOW_S + 5 } })), ctx());
    expect(report.status).toBe('pass');
  });
});

describe('checkTokenResponse: hostile JWTs', () => {
  const b64 = (json: string) => Buffer.from(json).toString('base64url');
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it.each([
    ['a payload nested 10,000 levels deep', b64('{"alg":"RS256"}'), b64(`{"iss":"x","deep":${deep(10_000)}}`)],
    ['an alg nested 10,000 levels deep', b64(`{"alg":${deep(10_000)}}`), b64('{"iss":"x"}')],
  ])('answers a report that can be sent as JSON for %s', async (_name, header, payload) => {
    const report = await checkTokenResponse(await respond({}, `${header}.${payload}.c2ln`), ctx());
    expect(report.status).toBe('fail');
    expect(codes(report.results)).toContain('fail:access_token.not_jwt');
    expect(() => JSON.stringify(report)).not.toThrow();
  });
});
