import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { describeRelative, explainClaims, explainHeader, formatDuration, formatUtc } from './claims';

const NOW = new Date('2026-01-15T10:00:00Z');
const nowSec = NOW.getTime() / 1000;

async function oktaLikeToken(iat: number, exp: number): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ ver: 1, cid: '0oa1b2c3d4EXAMPLE', uid: '00u1a2b3c4EXAMPLE', scp: ['offline_access', 'api:read'], tenant: 'lab' })
    .setProtectedHeader({ alg: 'RS256', kid: 'Xm2k9Q' })
    .setIssuer('http://localhost:3000/oauth2/default')
    .setAudience('api://default')
    .setSubject('learner@example.com')
    .setJti('AT.6bUu3KdI6YQIu0uWw2w4xGvPfJ6d')
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(privateKey);
}

describe('explainClaims', () => {
  it('explains every claim of an Okta-like access token, known ones first, custom ones last', async () => {
    const payload = decodeJwt(await oktaLikeToken(nowSec - 60, nowSec + 3540));
    const rows = explainClaims(payload, NOW);
    expect(rows.map((r) => r.name)).toEqual(['iss', 'sub', 'aud', 'cid', 'uid', 'scp', 'iat', 'exp', 'jti', 'ver', 'tenant']);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.exp).toEqual({
      name: 'exp',
      value: String(nowSec + 3540),
      meaning:
        'Expires at 2026-01-15 10:59:00 UTC (in 59 minutes). After that, use the refresh token to get a new one. The token lives 1 hour in total.',
      time: '2026-01-15T10:59:00.000Z',
    });
    expect(byName.iat?.meaning).toMatch(/^Issued at 2026-01-15 09:59:00 UTC \(1 minute ago\)/);
    expect(byName.scp?.value).toBe('offline_access api:read');
    expect(byName.scp?.meaning).toMatch(/offline_access is what allowed a refresh token/);
    expect(byName.cid?.meaning).toMatch(/the app that requested this token/);
    expect(byName.tenant?.meaning).toMatch(/custom claim/);
    expect(byName.iss?.time).toBeUndefined();
  });

  it.each([
    { exp: nowSec - 3 * 3600 - 300, meaning: /^Expired at 2026-01-15 06:55:00 UTC \(3 hours 5 minutes ago\)/ },
    { exp: nowSec + 30, meaning: /\(in 30 seconds\)/ },
    { exp: nowSec, meaning: /^Expired at .*\(just now\)/ },
    { exp: nowSec + 2 * 86400 + 3600, meaning: /\(in 2 days 1 hour\)/ },
    { exp: 'tomorrow', meaning: /not a number of seconds/ },
  ])('explains exp $exp relative to the fixed clock', ({ exp, meaning }) => {
    const [row] = explainClaims({ exp }, NOW);
    expect(row?.meaning).toMatch(meaning);
  });

  it('shows objects as JSON and explains Keycloak and Auth0 claims', () => {
    const rows = explainClaims({ azp: 'web-app', realm_access: { roles: ['user'] }, gty: 'refresh_token', nbf: nowSec + 60 }, NOW);
    expect(rows.find((r) => r.name === 'realm_access')?.value).toBe('{"roles":["user"]}');
    expect(rows.find((r) => r.name === 'gty')?.meaning).toMatch(/refresh_token/);
    expect(rows.find((r) => r.name === 'nbf')?.meaning).toMatch(/not usable yet/);
  });
});

describe('explainHeader', () => {
  it('explains alg, kid and typ', async () => {
    const header = decodeProtectedHeader(await oktaLikeToken(nowSec, nowSec + 3600));
    const rows = explainHeader({ ...header, typ: 'at+jwt' });
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['alg', 'RS256'],
      ['kid', 'Xm2k9Q'],
      ['typ', 'at+jwt'],
    ]);
    expect(rows[0]?.meaning).toMatch(/public key/);
  });
});

describe('time helpers', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [3599, '59 minutes'],
    [3600, '1 hour'],
    [5400, '1 hour 30 minutes'],
    [86400, '1 day'],
    [90000, '1 day 1 hour'],
  ])('formatDuration(%i) = %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it('formats in UTC and relative to the given clock', () => {
    expect(formatUtc(nowSec)).toBe('2026-01-15 10:00:00 UTC');
    expect(describeRelative(nowSec + 120, NOW)).toBe('in 2 minutes');
    expect(describeRelative(nowSec - 120, NOW)).toBe('2 minutes ago');
  });
});

describe('times out of range', () => {
  it.each([9e12, -1e300, 1e308, Number.NaN, Infinity])('formatUtc(%s) says the value is no time instead of throwing', (value) => {
    expect(formatUtc(value)).toContain('not a valid time');
  });

  it('explains an exp out of range as unreadable, without a time', () => {
    const rows = explainClaims({ exp: 9e12, iat: -1e300, nbf: 'soon' }, NOW);
    for (const row of rows) {
      expect(row.time).toBeUndefined();
      expect(row.meaning).toMatch(/not a number of seconds|cannot be read|unreadable/);
    }
  });
});
