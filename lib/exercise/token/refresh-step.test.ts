import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { TokenSummary } from './inspect';
import { checkRefreshResponse, type RefreshCheckContext, type TokenOrigin } from './refresh-step';
import {
  CLIENT_ID,
  codes,
  ctx as tokenCtx,
  mint as mintAccessToken,
  NOW_S,
  prepareKeys,
  REFRESH_TOKEN as FIRST_REFRESH,
  respond as respondWith,
} from './test-support';
import { checkTokenResponse } from './token-step';

const ROTATED_REFRESH = 'Qm9WbXJ4aG5kZ2VxY2Z0YmZ2dGhhc2Rma2xqYXNkZg';

let firstToken: string;
let firstText: string;
let first: TokenSummary;

prepareKeys();

/** The refreshed access token, by default: like the practice server's; `undefined` removes a claim. */
const mint = (o: { iat?: number; jti?: string; claims?: Record<string, unknown> } = {}) =>
  mintAccessToken({ iat: o.iat ?? NOW_S - 30, jti: o.jti ?? 'AT.refreshed-9xQm2', claims: o.claims });

/** A refresh response (with the rotated refresh token unless `fields` says otherwise). */
const respond = (token: Promise<string> | string, fields: Record<string, unknown> = {}) =>
  respondWith({ refresh_token: ROTATED_REFRESH, ...fields }, token);

beforeAll(async () => {
  // Step 4 as it really happens: the learner's first response, checked and summarised.
  firstToken = await mint({ iat: NOW_S - 600, jti: 'AT.first-login-4kPz' });
  firstText = await respond(firstToken, { refresh_token: FIRST_REFRESH });
  const report = await checkTokenResponse(firstText, tokenCtx());
  expect(report.status).toBe('pass');
  first = report.summary!;
});

const origins: Record<string, TokenOrigin> = {
  'AT.first-login-4kPz': 'authorization_code',
  'AT.refreshed-9xQm2': 'refresh_token',
  'AT.second-login-7rTy': 'authorization_code',
  'AT.machine-1aBc': 'client_credentials',
};

const ctx = (o: Partial<RefreshCheckContext> = {}): RefreshCheckContext => ({
  ...tokenCtx(),
  first,
  lookupOrigin: async (jti) => origins[jti] ?? null,
  ...o,
});

interface Case {
  name: string;
  paste: () => Promise<string> | string;
  ctx?: () => Partial<RefreshCheckContext>;
  expected: string[];
  rotated: boolean | null;
}

const cases: Case[] = [
  // Passing refreshes
  {
    name: 'a refresh with rotation: new access token and new refresh token',
    paste: () => respond(mint()),
    expected: ['info:refresh.rotated'],
    rotated: true,
  },
  {
    name: 'a refresh without rotation: no refresh token in the response (Okta persistent)',
    paste: () => respond(mint(), { refresh_token: undefined }),
    expected: ['info:refresh.not_rotated'],
    rotated: false,
  },
  {
    name: 'a refresh that returns the same refresh token again',
    paste: () => respond(mint(), { refresh_token: FIRST_REFRESH }),
    expected: ['info:refresh.not_rotated'],
    rotated: false,
  },
  {
    name: 'a refresh pasted as curl -i output',
    paste: async () => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n\r\n${await respond(mint())}`,
    expected: ['info:refresh.rotated', 'warn:json.http_headers'],
    rotated: true,
  },
  {
    name: 'an own server without a token-origin lookup',
    paste: () => respond(mint()),
    ctx: () => ({ practice: false, lookupOrigin: undefined }),
    expected: ['info:refresh.rotated'],
    rotated: true,
  },
  {
    name: 'the origin lookup fails (database busy): the other checks still stand',
    paste: () => respond(mint()),
    ctx: () => ({
      lookupOrigin: async () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    }),
    expected: ['info:refresh.rotated'],
    rotated: true,
  },
  // Order of steps
  {
    name: 'no checked first response',
    paste: () => respond(mint()),
    ctx: () => ({ first: null }),
    expected: ['fail:refresh.no_first_response'],
    rotated: null,
  },
  // Not a refresh
  { name: 'the first response pasted again', paste: () => firstText, expected: ['fail:refresh.same_response'], rotated: null },
  {
    name: 'the first response pasted again, compacted and with headers',
    paste: () => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(JSON.parse(firstText))}`,
    expected: ['fail:refresh.same_response', 'warn:json.http_headers'],
    rotated: null,
  },
  {
    name: 'the first access token in a response without refresh token',
    paste: () => respond(firstToken, { refresh_token: undefined }),
    expected: ['fail:refresh.same_access_token'],
    rotated: null,
  },
  {
    name: 'an older response from an earlier login',
    paste: () => respond(mint({ iat: NOW_S - 900, jti: 'AT.second-login-7rTy' })),
    expected: ['fail:refresh.not_newer', 'fail:refresh.not_from_refresh_grant', 'info:refresh.rotated'],
    rotated: true,
  },
  {
    // iat counts whole seconds: a different token in the same second is not "older".
    name: 'a different token issued the same second as the first',
    paste: () => respond(mint({ iat: NOW_S - 600 })),
    expected: ['info:refresh.rotated'],
    rotated: true,
  },
  {
    name: 'logged in again instead of using the refresh token',
    paste: () => respond(mint({ jti: 'AT.second-login-7rTy' })),
    expected: ['fail:refresh.not_from_refresh_grant', 'info:refresh.rotated'],
    rotated: true,
  },
  {
    name: 'a client credentials token (no user)',
    paste: () => respond(mint({ jti: 'AT.machine-1aBc', claims: { sub: CLIENT_ID, uid: undefined } }), { refresh_token: undefined }),
    expected: ['fail:refresh.not_from_refresh_grant', 'fail:refresh.subject_mismatch', 'info:refresh.not_rotated'],
    rotated: false,
  },
  // Different server, client, user
  {
    name: "another learner's token",
    paste: () => respond(mint({ claims: { sub: 'someone.else@example.com', uid: '00u9z8y7x6OTHER' } })),
    expected: ['fail:refresh.subject_mismatch', 'info:refresh.rotated'],
    rotated: true,
  },
  {
    name: "another app's token (reported once, as the refresh comparison)",
    paste: () => respond(mint({ claims: { cid: '0oaOTHERAPP9876' } })),
    expected: ['fail:refresh.client_mismatch', 'info:refresh.rotated'],
    rotated: true,
  },
  {
    name: "a token from Okta's org server (reported once, as the refresh comparison)",
    paste: () => respond(mint({ claims: { iss: 'http://localhost:3000' } })),
    expected: ['fail:refresh.issuer_mismatch', 'info:refresh.rotated'],
    rotated: true,
  },
  // Shared checks still run
  {
    name: 'a refresh response pasted over an hour after the refresh',
    paste: () => respond(mint()),
    ctx: () => ({ now: new Date((NOW_S + 4000) * 1000) }),
    expected: ['fail:access_token.expired', 'info:refresh.rotated'],
    rotated: true,
  },
  {
    name: 'keys unavailable',
    paste: () => respond(mint()),
    ctx: () => ({ getKey: null }),
    expected: ['info:refresh.rotated', 'warn:access_token.keys_unavailable'],
    rotated: true,
  },
  {
    name: 'an ID token came along',
    paste: () => respond(mint(), { id_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
    expected: ['info:id_token.present', 'info:refresh.rotated'],
    rotated: true,
  },
  { name: 'only the new access token pasted', paste: () => mint(), expected: ['fail:json.only_access_token'], rotated: null },
  { name: 'nothing pasted', paste: () => '', expected: ['fail:input.empty'], rotated: null },
];

describe('checkRefreshResponse', () => {
  it.each(cases)('$name', async ({ paste, ctx: overrides, expected, rotated }) => {
    const report = await checkRefreshResponse(await paste(), ctx(overrides?.()));
    expect(codes(report.results)).toEqual([...expected].sort());
    expect(report.step).toBe('refresh-response');
    expect(report.status).toBe(expected.some((c) => c.startsWith('fail:')) ? 'fail' : 'pass');
    expect(report.rotated).toBe(rotated);
    for (const r of report.results) if (r.status === 'fail' || r.status === 'warn') expect(r.hint?.length).toBeGreaterThan(0);
  });

  it.each([
    {
      body: { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' },
      hint: /most recent response/,
      message: /rotated/,
    },
    { body: { error: 'invalid_grant', error_description: 'refresh token is expired' }, hint: /log in again/, message: /expired/ },
    { body: { error: 'invalid_grant', error_description: 'client mismatch' }, hint: /app that got it/, message: /another client/ },
    {
      body: {
        error: 'unauthorized_client',
        error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
      },
      hint: /tick Refresh Token/,
      message: /refresh_token grant/,
    },
    {
      body: { error: 'invalid_client', error_description: 'Client authentication failed.' },
      hint: /Fill in my practice secret/,
      message: /client authentication/,
    },
    {
      body: { error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, or malformed.' },
      hint: /Remove the scope parameter/,
      message: /original login/,
    },
    { body: { error: 'unsupported_grant_type' }, hint: /grant_type=refresh_token/, message: /grant_type/ },
    {
      body: { error: 'invalid_request', error_description: 'The refresh_token parameter is required.' },
      hint: /-d refresh_token=/,
      message: /missing a parameter/,
    },
  ])('explains $body.error for the refresh step: $body.error_description', async ({ body, hint, message }) => {
    const report = await checkRefreshResponse(JSON.stringify(body), ctx());
    expect(codes(report.results)).toEqual(['fail:response.error']);
    const error = report.results.find((r) => r.code === 'response.error')!;
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(report.summary).toBeNull();
    expect(report.rotated).toBeNull();
  });

  it('asks the origin only for the practice server', async () => {
    const lookupOrigin = vi.fn(async () => 'authorization_code' as const);
    const own = await checkRefreshResponse(await respond(mint()), ctx({ practice: false, lookupOrigin }));
    expect(own.status).toBe('pass');
    expect(lookupOrigin).not.toHaveBeenCalled();
    await checkRefreshResponse(await respond(mint()), ctx({ lookupOrigin }));
    expect(lookupOrigin).toHaveBeenCalledWith('AT.refreshed-9xQm2');
  });

  it('returns the new claims and summary without raw tokens', async () => {
    const token = await mint();
    const report = await checkRefreshResponse(await respond(token), ctx());
    expect(report.claims?.payload.jti).toBe('AT.refreshed-9xQm2');
    expect(report.summary?.issuedAt).toBe(NOW_S - 30);
    expect(report.summary?.refreshTokenFingerprint).not.toBe(first.refreshTokenFingerprint);
    const everything = JSON.stringify(report);
    expect(everything).not.toContain(token.split('.')[2]!.slice(0, 16));
    expect(everything).not.toContain(ROTATED_REFRESH);
  });
});

describe('checkRefreshResponse: odd time claims', () => {
  it('diagnoses an out-of-range iat instead of throwing while comparing issue times', async () => {
    const report = await checkRefreshResponse(await respond(mint({ iat: NOW_S - 30, claims: { iat: -1e300 } })), ctx());
    expect(report.results.map((r) => r.code)).toContain('access_token.time_claim_invalid');
    expect(report.summary?.issuedAt).toBeNull();
    expect(report.results.find((r) => r.check === 'issued_later')).toBeUndefined();
  });

  it('compares with a first response stored with an out-of-range time without throwing', async () => {
    const report = await checkRefreshResponse(await respond(mint()), ctx({ first: { ...first, issuedAt: 9e12, expiresAt: -1e300 } }));
    expect(report.results.find((r) => r.check === 'issued_later')?.code).toBe('refresh.not_newer');
  });
});
