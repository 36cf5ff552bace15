/**
 * Issue 11, "answers a learner misreads": token and refresh responses from a corpus of real
 * mistakes, each answered at its root — and hints that fit the learner's server.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProviderKind } from '../../issuer/providers';
import { inspectTokenResponse, type TokenSummary } from './inspect';
import { checkRefreshResponse } from './refresh-step';
import { codes, ctx, mint, NOW_S, prepareKeys, REFRESH_TOKEN, respond } from './test-support';
import { checkTokenResponse } from './token-step';

prepareKeys();

let first: TokenSummary;
beforeAll(async () => {
  first = (await inspectTokenResponse(await respond(), ctx(), 'authorization_code')).summary!;
});

const noRefresh = () => respond({ refresh_token: undefined, scope: 'api:read' });

describe('a token response without a refresh token', () => {
  it('says the practice app has the grant off (refresh_token.grant_not_enabled), not "add offline_access"', async () => {
    const lookupRefreshGrant = vi.fn(async () => false);
    const report = await checkTokenResponse(await noRefresh(), ctx({ lookupRefreshGrant, offlineAccessRequested: true }));
    expect(codes(report.results)).toEqual(['fail:refresh_token.grant_not_enabled']);
    const result = report.results.find((r) => r.code === 'refresh_token.grant_not_enabled')!;
    expect(result.hint).toMatch(/practice console.*tick Refresh Token/);
    expect(`${result.message} ${result.hint}`).not.toMatch(/add offline_access/i);
  });

  it('asks about the grant only when the refresh token is missing', async () => {
    const lookupRefreshGrant = vi.fn(async () => false);
    expect((await checkTokenResponse(await respond(), ctx({ lookupRefreshGrant }))).status).toBe('pass');
    expect(lookupRefreshGrant).not.toHaveBeenCalled();
  });

  it('gives no offline_access advice when the checked URL asked for it (own server)', async () => {
    const report = await checkTokenResponse(await noRefresh(), ctx({ practice: false, kind: 'okta', offlineAccessRequested: true }));
    expect(codes(report.results)).toEqual(['fail:refresh_token.missing']);
    expect(report.results.find((r) => r.code === 'refresh_token.missing')!.hint).not.toMatch(/request offline_access/);
  });

  it('still says both things when the URL did not ask for offline_access', async () => {
    const report = await checkTokenResponse(
      await noRefresh(),
      ctx({ offlineAccessRequested: false, lookupRefreshGrant: async () => true }),
    );
    expect(codes(report.results)).toEqual(['fail:refresh_token.missing', 'fail:scope.offline_access_not_granted']);
  });

  // Every hint must fit the provider kind (issue 11 item 9).
  it.each<[string, Partial<{ practice: boolean; kind: ProviderKind }>, RegExp, RegExp | null]>([
    ['the practice server', { practice: true }, /practice console/, /Okta|Auth0|Keycloak/],
    ['Okta', { practice: false, kind: 'okta' }, /Okta Admin Console/, /practice console|Auth0|Keycloak/],
    ['Auth0', { practice: false, kind: 'auth0' }, /Auth0 Dashboard/, /practice console|Okta|Keycloak/],
    ['Keycloak', { practice: false, kind: 'keycloak' }, /Keycloak admin console/, /practice console|Okta|Auth0/],
    [
      'another server',
      { practice: false, kind: 'generic' },
      /registration on the authorization server/,
      /practice console|Okta|Auth0|Keycloak/,
    ],
  ])('names the console of %s, and no other', async (_name, kind, says, never) => {
    const report = await checkTokenResponse(await noRefresh(), ctx({ ...kind, offlineAccessRequested: true }));
    const hint = report.results.find((r) => r.code === 'refresh_token.missing' || r.code === 'refresh_token.grant_not_enabled')!.hint!;
    expect(hint).toMatch(says);
    if (never) expect(hint).not.toMatch(never);
    const invalidClient = await checkTokenResponse(
      '{"error":"invalid_client","error_description":"Client authentication failed."}',
      ctx(kind),
    );
    const clientHint = invalidClient.results.find((r) => r.code === 'response.error')!.hint!;
    if (never) expect(clientHint).not.toMatch(never);
  });
});

describe('terminal output around the response', () => {
  it('leads with a curl command the shell cut in two, not with advice about the error it caused', async () => {
    const paste = [
      '{"error":"invalid_request","error_description":"Client authentication is required."}',
      'bash: -d: command not found',
      'bash: -d: command not found',
    ].join('\n');
    const report = await checkTokenResponse(paste, ctx());
    expect(codes(report.results)).toEqual(['fail:request.command_split', 'warn:json.extra_text']);
    expect(report.results.find((r) => r.code === 'request.command_split')!.hint).toMatch(/no space after/);
  });

  it("recognises PowerShell's list of the fields", async () => {
    const paste = [
      '',
      'token_type    : Bearer',
      'expires_in    : 3600',
      'access_token  : eyJhbGciOi',
      'scope         : offline_access api:read',
      'refresh_token : abc',
      '',
    ].join('\n');
    const report = await checkTokenResponse(paste, ctx());
    expect(codes(report.results)).toEqual(['fail:json.powershell_output']);
    expect(report.results[0]!.hint).toMatch(/curl\.exe|ConvertTo-Json/);
  });

  it('says "that is the access token" when the pasted command sent one as refresh_token', async () => {
    const token = await mint();
    const paste = `$ curl -X POST http://localhost:3000/oauth2/default/v1/token -d grant_type=refresh_token -d refresh_token=${token}\n{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}`;
    const report = await checkRefreshResponse(paste, { ...ctx(), first });
    const error = report.results.find((r) => r.code === 'response.error')!;
    expect(error.message).toMatch(/that is the access token/);
  });
});

describe('a refresh response', () => {
  it('without an access token reports that, not "another user" or "another client" besides', async () => {
    const report = await checkRefreshResponse(await respond({ access_token: undefined }), { ...ctx(), first });
    expect(codes(report.results).filter((c) => c.startsWith('fail:'))).toEqual(['fail:access_token.missing']);
  });

  it('with another refresh token, on an app that does not rotate, says so instead of "the server rotates"', async () => {
    const second = await respond({ refresh_token: 'a-different-refresh-token-0123456789' }, mint({ iat: NOW_S }));
    const report = await checkRefreshResponse(second, { ...ctx(), first, lookupRotation: async () => 'persistent' });
    const rotation = report.results.find((r) => r.code === 'refresh.rotated')!;
    expect(rotation.message).toMatch(/persistent/);
    expect(rotation.message).not.toMatch(/the server rotates/);
  });

  it('on another server, says the old refresh token "may" be refused', async () => {
    const second = await respond({ refresh_token: 'a-different-refresh-token-0123456789' }, mint({ iat: NOW_S }));
    const report = await checkRefreshResponse(second, { ...ctx({ practice: false, kind: 'generic' }), first });
    expect(report.results.find((r) => r.code === 'refresh.rotated')!.message).toMatch(/may now be refused/);
    expect(REFRESH_TOKEN).not.toBe('a-different-refresh-token-0123456789');
  });
});
