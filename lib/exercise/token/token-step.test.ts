import { createHash } from 'node:crypto';

import { errors, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import type { TokenCheckContext } from './context';
import { CLIENT_ID, codes, ctx, ISSUER, mint, NOW_S, otherKey, REFRESH_TOKEN, respond, twoKeysNoKid, prepareKeys } from './test-support';
import { checkTokenResponse } from './token-step';

prepareKeys();

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
    paste: () =>
      respond({ scope: 'openid offline_access api:read', id_token: 'eyJraWQiOiJYbTJrOVEiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
    expected: ['info:id_token.present'],
  },
  { name: 'without expires_in', paste: () => respond({ expires_in: undefined }), expected: ['warn:expires_in.missing'] },
  { name: 'token_type in lower case', paste: () => respond({ token_type: 'bearer' }), expected: [] },
  {
    name: 'curl -i output',
    paste: async () =>
      `HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nCache-Control: no-store\r\n\r\n${await respond()}`,
    expected: ['warn:json.http_headers'],
  },
  {
    name: 'pasted through a word processor',
    paste: async () => (await respond()).replace(/"/g, (_m, i: number) => (i % 2 ? '”' : '“')),
    expected: ['warn:json.smart_quotes'],
  },
  {
    name: 'an Auth0-like own server: azp instead of cid, no audience configured',
    paste: () =>
      respond(
        { scope: 'offline_access read:messages' },
        mint({ claims: { cid: undefined, azp: CLIENT_ID, uid: undefined, scp: undefined, gty: 'authorization_code' } }),
      ),
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
    paste: () =>
      respond(
        {},
        'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwiaXNzIjoiaHR0cHM6Ly9sYWIuYXV0aDAuY29tLyJ9..N3ZnOHp6d2Fwbm9s.bXlfZW5jcnlwdGVkX3BheWxvYWQ.aGVsbG8gdGFnIDEyMw',
      ),
    ctx: () => ({ practice: false, issuer: 'https://lab.auth0.com/' }),
    expected: ['warn:access_token.not_jwt'],
  },
  {
    name: 'an opaque access token with the practice server',
    paste: () => respond({}, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV'),
    expected: ['fail:access_token.not_jwt'],
  },
  // Signature
  {
    name: 'a token re-signed with another key (edited on jwt.io)',
    paste: () => respond({}, mint({ key: otherKey })),
    expected: ['fail:access_token.signature_invalid'],
  },
  {
    name: 'a token signed with a key the server does not publish',
    paste: () => respond({}, mint({ key: otherKey, kid: 'k2-other-tenant' })),
    expected: ['fail:access_token.unknown_key'],
  },
  {
    name: 'a hand-made HS256 token',
    paste: async () =>
      respond(
        {},
        await new SignJWT({ iss: ISSUER, cid: CLIENT_ID, sub: 'learner@example.com', exp: NOW_S + 600 })
          .setProtectedHeader({ alg: 'HS256', kid: 'Xm2k9Q' })
          .sign(new TextEncoder().encode('x'.repeat(32))),
      ),
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
  {
    name: 'a token issued to another app',
    paste: () => respond({}, mint({ claims: { cid: '0oaOTHERAPP9876' } })),
    expected: ['fail:access_token.client_mismatch'],
  },
  {
    name: 'a token for another API',
    paste: () => respond({}, mint({ claims: { aud: 'https://api.example.com' } })),
    expected: ['warn:access_token.audience_mismatch'],
  },
  { name: 'a response from two hours ago', paste: () => respond({}, mint({ iat: NOW_S - 7200 })), expected: ['fail:access_token.expired'] },
  {
    name: 'everything wrong at once',
    paste: () =>
      respond(
        { refresh_token: undefined, scope: 'api:read', token_type: 'mac', expires_in: undefined },
        mint({
          key: otherKey,
          iat: NOW_S - 7200,
          claims: { iss: 'https://evil.example', cid: 'someone-else', aud: 'https://api.evil.example' },
        }),
      ),
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
