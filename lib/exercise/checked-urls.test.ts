import { describe, expect, it } from 'vitest';
import type { AuthorizeUrlRequest } from './authorize-url';
import { checkedUrlsOf, clockTime, EARLIER_KEPT, shortDuration, withCheckHistory } from './checked-urls';

const request = (state: string, scopes = ['offline_access', 'api:read']): AuthorizeUrlRequest => ({
  clientId: '0oaEXAMPLE',
  redirectUri: 'http://localhost:3000/redirect',
  state,
  scopes,
  codeChallenge: `challenge-of-${state}`,
  codeChallengeMethod: 'S256',
  responseType: 'code',
});
const at = (time: string) => new Date(`2026-03-10T${time}Z`);

describe('the checked authorization URLs', () => {
  it('keeps the earlier URLs, newest first, and lists them oldest first', () => {
    const first = withCheckHistory(request('s1', ['api:read']), null, at('10:00:00'));
    expect(first).toMatchObject({ checkedAt: '2026-03-10T10:00:00.000Z', earlier: [] });
    const second = withCheckHistory(request('s2'), first, at('10:05:00'));
    const third = withCheckHistory(request('s3'), second, at('10:09:00'));
    expect(third.earlier.map((url) => url.state)).toEqual(['s2', 's1']);
    const urls = checkedUrlsOf(third);
    expect(urls.map((url) => url.state)).toEqual(['s1', 's2', 's3']);
    expect(urls[0]).toEqual({ checkedAt: at('10:00:00'), state: 's1', scopes: ['api:read'], codeChallenge: 'challenge-of-s1' });
  });

  it('does not count the same URL checked again twice, and keeps a bounded number', () => {
    let artefact = withCheckHistory(request('s0'), null, at('10:00:00'));
    artefact = withCheckHistory(request('s0'), artefact, at('10:01:00'));
    expect(artefact.earlier).toEqual([]);
    for (let i = 1; i <= EARLIER_KEPT + 3; i += 1) artefact = withCheckHistory(request(`s${i}`), artefact, at('10:02:00'));
    expect(artefact.earlier).toHaveLength(EARLIER_KEPT);
  });

  it('reads an artefact from before the history was kept as one URL without a time', () => {
    expect(checkedUrlsOf(request('old'))).toEqual([
      { checkedAt: null, state: 'old', scopes: request('old').scopes, codeChallenge: 'challenge-of-old' },
    ]);
    expect(checkedUrlsOf(null)).toEqual([]);
  });

  it('says times and spans as the hints do', () => {
    expect(clockTime(at('09:12:05'))).toBe('09:12:05 UTC');
    expect(shortDuration(463_000)).toBe('7 min 43 s');
    expect(shortDuration(45_000)).toBe('45 s');
    expect(shortDuration(300_000)).toBe('5 min');
    expect(shortDuration(3_720_000)).toBe('1 h 2 min');
  });
});
