/**
 * Answers from the practice server's records (issue 19, class 7): an expired code, a verifier
 * of another checked URL, a rotated refresh token sent again, a login without offline_access
 * — each told from what the context's records show, and left to the other explanations when
 * the records do not settle it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import type { CheckedUrlRecord, CodeIssueRecord, TokenCheckContext } from './context';
import { fingerprint } from './inspect';
import { checkRefreshResponse } from './refresh-step';
import { ctx, mint, NOW, NOW_S, prepareKeys, REFRESH_TOKEN, respond } from './test-support';
import { checkTokenResponse } from './token-step';
import { checkRedirect } from '../redirect';

prepareKeys();

const CODE = 'tihNWmj8B7TF8dOE3_2KfOl1gkQC8Hs_IFU9jp6Vd1Q';
const INVALID_CODE = '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';
const PKCE_FAILED = '{"error":"invalid_grant","error_description":"PKCE verification failed."}';
const INVALID_REFRESH = '{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}';
const OLD_VERIFIER = 'NY2G7e8wZkhTV7aEl9fjMb7BrrmbkODQdsOklMezOGM';
const NEW_VERIFIER = 'gkTQmLj0lBUi_NacBOiXdTCEsDQOxH4eiFpssa1w4RI';
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

const exchange = (code: string, verifier: string, output: string) =>
  `$ curl -X POST http://localhost:3000/oauth2/default/v1/token \\\n>   -d grant_type=authorization_code \\\n>   -d code_verifier=${verifier} \\\n>   -d code=${code}\n${output}`;

const issued = (o: Partial<CodeIssueRecord> = {}): CodeIssueRecord => ({
  codeFingerprint: fingerprint(CODE),
  issuedAt: minutesAgo(8),
  expiresAt: minutesAgo(3),
  scopes: ['offline_access', 'api:read'],
  codeChallenge: null,
  ...o,
});

const url = (minutes: number, verifier: string, scopes = ['offline_access', 'api:read']): CheckedUrlRecord => ({
  checkedAt: minutesAgo(minutes),
  state: `state-${minutes}`,
  scopes,
  codeChallenge: s256(verifier),
});

async function lead(text: string, context: TokenCheckContext) {
  const report = await checkTokenResponse(text, context);
  return report.results.find((r) => r.status === 'fail')!;
}

describe('a refused code exchange, told from the records', () => {
  it('an expired code that was never exchanged: when it was issued and how long codes live', async () => {
    const result = await lead(INVALID_CODE, ctx({ lookupCodeIssue: async () => issued(), lookupCodeExchange: async () => null }));
    expect(result.code).toBe('response.error');
    expect(result.message).toMatch(/expired unused.*09:52:00 UTC.*5 minutes.*09:57:00 UTC.*8 min old/);
    expect(result.hint).toMatch(/Log In link of “Build the authorization URL”/);
  });

  it('leaves a code that was exchanged, one still valid, or another code than the captured one to the other answers', async () => {
    const exchanged = ctx({
      lookupCodeIssue: async () => issued(),
      lookupCodeExchange: async () => ({ exchangedAt: minutesAgo(7), reusedAt: minutesAgo(6), revokedAt: null }),
    });
    expect((await lead(INVALID_CODE, exchanged)).message).toMatch(/already exchanged/);
    const fresh = ctx({ lookupCodeIssue: async () => issued({ expiresAt: minutesAgo(-2) }) });
    expect((await lead(INVALID_CODE, fresh)).message).not.toMatch(/expired unused/);
    const other = ctx({ lookupCodeIssue: async () => issued() });
    expect((await lead(exchange('another-code-0123456789', OLD_VERIFIER, INVALID_CODE), other)).message).not.toMatch(/expired unused/);
  });

  it('a failed lookup is no answer, never a failed check', async () => {
    const broken = ctx({
      lookupCodeIssue: async () => {
        throw new Error('database down');
      },
    });
    expect((await lead(INVALID_CODE, broken)).code).toBe('response.error');
  });

  it('a verifier of an earlier checked URL is named with the time that URL was checked', async () => {
    const context = ctx({ checkedUrls: [url(9, OLD_VERIFIER), url(2, NEW_VERIFIER)], codeChallenge: s256(NEW_VERIFIER) });
    const result = await lead(exchange(CODE, OLD_VERIFIER, PKCE_FAILED), context);
    expect(result.message).toMatch(/belongs to an earlier attempt.*09:51:00 UTC.*09:58:00 UTC/);
    expect(result.hint).toMatch(/Log In link of your latest URL/);
  });

  it('the latest verifier with a code from an earlier URL: the login is what to redo', async () => {
    const context = ctx({
      checkedUrls: [url(9, OLD_VERIFIER), url(4, NEW_VERIFIER)],
      lookupCodeIssue: async () => issued({ issuedAt: minutesAgo(1), expiresAt: minutesAgo(-4), codeChallenge: s256(OLD_VERIFIER) }),
    });
    const result = await lead(exchange(CODE, NEW_VERIFIER, PKCE_FAILED), context);
    expect(result.message).toMatch(/belongs to your latest attempt.*came from the login with the URL you checked at 09:51:00 UTC/);
    expect(result.hint).toMatch(/^Your verifier is right for your latest URL, the login was not/);
  });
});

describe('a refused refresh, told from the records', () => {
  const refreshCommand = (token: string) =>
    `$ curl -X POST http://localhost:3000/oauth2/default/v1/token \\\n>   -d grant_type=refresh_token \\\n>   -d refresh_token=${token}\n${INVALID_REFRESH}`;

  async function refreshLead(text: string, o: Partial<TokenCheckContext>) {
    const first = (await checkTokenResponse(await respond(), ctx())).summary;
    const report = await checkRefreshResponse(text, { ...ctx(o), first });
    return report.results.find((r) => r.status === 'fail')!;
  }

  it('with rotation, the code exchange refresh token sent again: when it was used, and that the login was revoked', async () => {
    const result = await refreshLead(refreshCommand(REFRESH_TOKEN), {
      lookupLoginRefreshes: async () => ({
        rotation: 'rotate',
        refreshTokenFingerprint: fingerprint(REFRESH_TOKEN),
        refreshedAt: [minutesAgo(6)],
      }),
      refreshTokenExists: async () => false,
    });
    expect(result.message).toMatch(/rotates refresh tokens.*already used at 09:54:00 UTC.*revoke the whole login/);
    expect(result.message).not.toMatch(/expired/);
    expect(result.hint).toMatch(/Log in again/);
  });

  it('without rotation, or for another refresh token, the records do not answer', async () => {
    const persistent = await refreshLead(refreshCommand(REFRESH_TOKEN), {
      lookupLoginRefreshes: async () => ({
        rotation: 'persistent',
        refreshTokenFingerprint: fingerprint(REFRESH_TOKEN),
        refreshedAt: [minutesAgo(6)],
      }),
    });
    expect(persistent.message).not.toMatch(/already used/);
    const another = await refreshLead(refreshCommand('someOtherRefreshToken0123456789abcdefghijk'), {
      lookupLoginRefreshes: async () => ({
        rotation: 'rotate',
        refreshTokenFingerprint: fingerprint(REFRESH_TOKEN),
        refreshedAt: [minutesAgo(6)],
      }),
    });
    expect(another.message).not.toMatch(/already used/);
  });
});

describe('no offline_access from an app that allows refresh tokens', () => {
  const noOffline = async () => respond({ refresh_token: undefined, scope: 'api:read' }, mint({ claims: { scp: ['api:read'] } }));
  const base = { lookupRefreshGrant: async () => true, offlineAccessRequested: true };

  it('names the earlier checked URL the login came from', async () => {
    const result = await lead(await noOffline(), ctx({ ...base, checkedUrls: [url(9, OLD_VERIFIER, ['api:read']), url(5, NEW_VERIFIER)] }));
    expect(result.code).toBe('scope.offline_access_not_granted');
    expect(result.message).toMatch(/came from the URL you checked earlier at 09:51:00 UTC/);
    expect(result.hint).toMatch(/Log In link under your checked URL/);
    expect(`${result.message} ${result.hint}`).not.toMatch(/tick Refresh Token|add offline_access/i);
  });

  it('settings changed after the login: the grant came too late for it', async () => {
    const result = await lead(await noOffline(), ctx({ ...base, lookupAppChangedAt: async () => new Date((NOW_S - 30) * 1000) }));
    expect(result.message).toMatch(/settings changed at 09:59:30 UTC, after this token was issued at 09:59:00 UTC/);
  });
});

describe('a redirect with the state of an earlier checked URL', () => {
  it('is told as an older tab, with both times, not as a forgery', () => {
    const urls = [url(9, OLD_VERIFIER), url(2, NEW_VERIFIER)];
    const report = checkRedirect(
      { code: CODE, state: urls[0]!.state! },
      { expectedState: urls[1]!.state, redirectUri: null, checkedUrls: urls },
    );
    const result = report.results.find((r) => r.status === 'fail')!;
    expect(result.code).toBe('redirect.state_mismatch');
    expect(result.message).toMatch(/URL you checked at 09:51:00 UTC, not of your latest checked URL \(09:58:00 UTC/);
    expect(`${result.message} ${result.hint}`).not.toMatch(/forged|attack/);
  });
});

describe('hostile input', () => {
  it('stays linear: 64 KiB of command lines before the error, with every record on offer', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `>   -d code_verifier=${'a'.repeat(20)}${i} \\`).join('\n');
    const text = `${lines}\n${INVALID_CODE}`.slice(-64 * 1024);
    const context = ctx({
      checkedUrls: [url(9, OLD_VERIFIER), url(2, NEW_VERIFIER)],
      lookupCodeIssue: async () => issued(),
      lookupCodeExchange: async () => null,
    });
    const started = performance.now();
    await checkTokenResponse(text, context);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
