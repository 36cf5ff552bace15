import { describe, expect, it } from 'vitest';

import { codes, ctx, prepareKeys } from './test-support';
import type { CodeExchangeHistory } from './context';
import { checkRefreshResponse } from './refresh-step';
import { checkTokenResponse } from './token-step';

prepareKeys();

describe('checkTokenResponse: server errors explained (RFC 6749 §5.2)', () => {
  it.each([
    { body: { error: 'invalid_grant', error_description: 'PKCE verification failed.' }, hint: /Code Verifier you hashed/ },
    {
      body: {
        error: 'invalid_grant',
        error_description: "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
      },
      hint: /same redirect_uri/,
    },
    { body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' }, hint: /Get a new code/ },
    { body: { error: 'invalid_grant', error_description: 'grant request is invalid' }, hint: /Get a new code/ },
    { body: { error: 'invalid_grant' }, hint: /code_verifier of that authorization URL and exactly the same redirect_uri/ },
    {
      body: { error: 'invalid_client', error_description: 'The client secret supplied for a confidential client is invalid.' },
      // Issue 11: on the practice server, the button on this very page.
      hint: /Fill in my practice secret/,
    },
    {
      body: {
        error: 'unauthorized_client',
        error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].',
      },
      // Issue 11: only client credentials configured means a service app's client ID.
      hint: /Client ID of My Web App/,
    },
    {
      body: {
        error: 'unauthorized_client',
        error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [implicit].',
      },
      hint: /tick Authorization Code/,
    },
    {
      body: {
        error: 'unsupported_grant_type',
        error_description: 'The authorization grant type is not supported by the authorization server.',
      },
      hint: /grant_type=authorization_code/,
    },
    {
      body: {
        error: 'invalid_request',
        error_description: 'PKCE code verifier is required when the parameter code_challenge is included in the authorize request.',
      },
      hint: /code_verifier/,
    },
    {
      body: { error: 'invalid_request', error_description: "The request is missing a required parameter: 'redirect_uri'." },
      hint: /redirect_uri line/,
    },
    {
      body: { error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' },
      hint: /go in the authorization URL/,
    },
    { body: { error: 'server_error' }, hint: /Try again/ },
    {
      body: {
        errorCode: 'E0000022',
        errorSummary: 'The endpoint does not support the provided HTTP method',
        errorLink: 'E0000022',
        errorId: 'oaeX1',
        errorCauses: [],
      },
      hint: /oauth2\/default\/v1\/token/,
    },
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

describe('checkTokenResponse: a code run twice, on the practice server (issue 12)', () => {
  const reused = JSON.stringify({ error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' });
  const exchangedAt = new Date('2026-12-02T09:41:07Z');
  const error = async (history: CodeExchangeHistory) => {
    const report = await checkTokenResponse(reused, ctx({ lookupCodeExchange: async () => history }));
    expect(codes(report.results)).toEqual(['fail:response.error']);
    return report.results.find((r) => r.code === 'response.error')!;
  };

  it('says when the code was exchanged, and that the second run revoked its refresh token', async () => {
    const result = await error({ exchangedAt, reusedAt: new Date('2026-12-02T09:42:00Z'), revokedAt: new Date('2026-12-02T09:42:00Z') });
    expect(result.message).toContain('this authorization code was already exchanged, at 09:41:07 UTC');
    expect(result.message).toContain('revoked the refresh token that the first exchange gave you');
    expect(result.hint).toMatch(/^Get a new code: open the Log In link/);
  });

  it('suggests the first response when nothing was revoked', async () => {
    const result = await error({ exchangedAt, reusedAt: new Date('2026-12-02T09:42:00Z'), revokedAt: null });
    expect(result.message).not.toContain('revoked');
    expect(result.hint).toMatch(/^If you still have the response of the first run, paste that one/);
  });

  it('keeps the general explanation when the code was never sent twice, was never exchanged, or the lookup failed', async () => {
    for (const lookup of [
      async () => ({ exchangedAt, reusedAt: null, revokedAt: null }),
      async () => null,
      async () => {
        throw new Error('database gone');
      },
    ]) {
      const report = await checkTokenResponse(reused, ctx({ lookupCodeExchange: lookup }));
      expect(report.results.find((r) => r.code === 'response.error')!.message).toContain('has expired or was already used');
    }
  });

  it('asks only when the server answered invalid_grant (a code exchange, or a refresh whose login may be revoked)', async () => {
    let asked = 0;
    const lookupCodeExchange = async () => {
      asked += 1;
      return null;
    };
    await checkTokenResponse(JSON.stringify({ error: 'invalid_client' }), ctx({ lookupCodeExchange }));
    await checkRefreshResponse(JSON.stringify({ error: 'invalid_client' }), { ...ctx({ lookupCodeExchange }), first: null });
    expect(asked).toBe(0);
    await checkRefreshResponse(reused, { ...ctx({ lookupCodeExchange }), first: null });
    expect(asked).toBe(1);
  });

  it('says at the refresh step when and why the login was revoked (issue 20, item 1)', async () => {
    const at = new Date('2026-01-15T10:04:05Z');
    const lookupCodeExchange = async () => ({ exchangedAt: new Date('2026-01-15T10:03:00Z'), reusedAt: at, revokedAt: at });
    const report = await checkRefreshResponse(reused, { ...ctx({ lookupCodeExchange }), first: null });
    const result = report.results.find((r) => r.code === 'response.error')!;
    expect(result.message).toMatch(/revoked at 10:04:05 UTC, when its authorization code was sent a second time/);
    expect(result.hint).toMatch(/Log in again/);
  });
});
