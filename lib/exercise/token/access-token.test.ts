import { describe, expect, it } from 'vitest';

import { codes, ctx, mint, NOW_S, respond, prepareKeys } from './test-support';
import { checkTokenResponse } from './token-step';

prepareKeys();

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
    const report = await checkTokenResponse(
      await respond({ expires_in: 1e308 }, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV'),
      ctx({ practice: false }),
    );
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
