/**
 * Issue 19: error wordings that tell a provider's own cause (Okta's access policy, Auth0's
 * "Unauthorized", Keycloak's client errors), the command's client_id against the app's, and
 * hints that look at what the command sent before asking to add it.
 */
import { describe, expect, it } from 'vitest';

import { ctx, prepareKeys } from './test-support';
import type { TokenCheckContext } from './context';
import { checkRefreshResponse } from './refresh-step';
import { readSentParams, readTerminalClues } from './terminal-output';
import { checkTokenResponse } from './token-step';

prepareKeys();

const lead = async (paste: string, o: Partial<TokenCheckContext> = {}, grant: 'code' | 'refresh' = 'code') => {
  const report = grant === 'code' ? await checkTokenResponse(paste, ctx(o)) : await checkRefreshResponse(paste, { ...ctx(o), first: null });
  // Without a first response the refresh step also says so; the server's error is the one looked at here.
  return report.results.find((r) => r.status === 'fail' && r.code !== 'refresh.no_first_response')!;
};
const body = (error: string, description?: string) => JSON.stringify({ error, error_description: description });
const TOKEN = 'http://localhost:3000/oauth2/default/v1/token';

describe('provider wordings', () => {
  it("Okta's policy evaluation failure points to the access policy rule, with the grant of the step", async () => {
    const description = 'Policy evaluation failed for this request, please check the policy configurations.';
    const refresh = await lead(body('access_denied', description), { practice: false, kind: 'okta' }, 'refresh');
    expect(refresh.message).toContain('no_matching_policy');
    expect(refresh.hint).toContain('Security → API → Authorization Servers');
    expect(refresh.hint).toContain('"IF Grant type is" tick Refresh Token');
    const code = await lead(body('access_denied', description), { practice: false, kind: 'okta' });
    expect(code.hint).toContain('tick Authorization Code');
  });

  it("Auth0's access_denied “Unauthorized” is the client's authentication, not a user policy", async () => {
    const result = await lead(body('access_denied', 'Unauthorized'), { practice: false, kind: 'auth0' });
    expect(result.message).toContain("Auth0 refused the client's authentication");
    expect(result.hint).toContain('Client Secret (Post)');
    expect(result.hint).not.toContain('assigned');
  });

  it("Auth0's refresh token and code wordings, and an audience that names no API", async () => {
    const refresh = await lead(body('invalid_grant', 'Unknown or invalid refresh token.'), { practice: false, kind: 'auth0' }, 'refresh');
    expect(refresh.message).toContain('rotated');
    expect(refresh.hint).toContain('Allow Offline Access');
    const code = await lead(body('invalid_grant', 'Invalid authorization code'), { practice: false, kind: 'auth0' });
    expect(code.message).toContain('issued to another application');
    const audience = await lead(body('access_denied', 'Service not found: https://api.example'), { practice: false, kind: 'auth0' });
    expect(audience.hint).toContain("API's Identifier");
  });

  it("Keycloak's unauthorized_client for a wrong secret, its one-minute codes, its ended sessions", async () => {
    const secret = await lead(body('unauthorized_client', 'Invalid client or Invalid client credentials'), {
      practice: false,
      kind: 'keycloak',
    });
    expect(secret.message).toContain('client authentication failed');
    expect(secret.hint).not.toContain('tick');
    expect((await lead(body('invalid_grant', 'Code not valid'), { practice: false, kind: 'keycloak' })).message).toContain('one minute');
    const session = await lead(body('invalid_grant', 'Session not active'), { practice: false, kind: 'keycloak' }, 'refresh');
    expect(session.message).toContain('login session');
  });

  it('a code issued to another client, in any server’s words', async () => {
    const result = await lead(body('invalid_grant', 'authorization code was issued to another client'), { practice: false });
    expect(result.message).toContain('issued to another app');
  });
});

describe('the client_id the command sent', () => {
  it('is named against the app’s when a code or a client is refused', async () => {
    const paste = `$ curl -X POST ${TOKEN} -d grant_type=authorization_code -d client_id=0oa9OTHERapp -d code=abcdef\n${body('invalid_grant', 'The authorization code is invalid or has expired.')}`;
    const result = await lead(paste);
    expect(result.message).toContain('client_id="0oa9OTHERapp"');
    expect(result.message).toContain('"0oa1b2c3d4EXAMPLE"');
    expect(result.hint).toContain('client_id=0oa1b2c3d4EXAMPLE');
  });

  it('gives way to a cause the description names, and ignores a shell variable', async () => {
    const redirect = `$ curl ${TOKEN} -d client_id=0oa9OTHERapp -d code=abcdef\n${body('invalid_grant', 'Incorrect redirect_uri')}`;
    expect((await lead(redirect)).message).not.toContain('0oa9OTHERapp');
    const variable = `$ curl ${TOKEN} -d client_id=$CLIENT_ID -d code=abcdef\n${body('invalid_grant', 'The authorization code is invalid or has expired.')}`;
    expect((await lead(variable)).message).not.toContain('$CLIENT_ID');
  });
});

describe('hints that check what the command sent (issue 19, class 5)', () => {
  it('a code_verifier that is there but too short is told by its length, not asked for', async () => {
    const paste = `$ curl ${TOKEN} -d grant_type=authorization_code -d code_verifier=abc123 -d code=abcdef\n${body('invalid_request', 'PKCE code_verifier is required')}`;
    const result = await lead(paste);
    expect(result.hint).toContain('6 characters long');
    expect(result.hint).toContain('43 to 128');
    expect(result.hint).not.toMatch(/^Add/);
  });

  it('a grant_type that is there and right means the body was not read as a form', async () => {
    const paste = `$ curl ${TOKEN} -d grant_type=authorization_code -d code=abcdef\n${body('invalid_request', 'The request is missing a required parameter: grant_type.')}`;
    expect((await lead(paste)).hint).toContain('did not read it');
    expect((await lead(body('invalid_request', 'missing grant_type'))).hint).toBe('Add -d grant_type=authorization_code.');
  });

  it('a client secret that is there is told as refused, not asked for', async () => {
    const paste = `$ curl ${TOKEN} -d client_id=0oa1b2c3d4EXAMPLE -d client_secret=abcdefghij -d code=abcdef\n${body('invalid_client', 'Client authentication failed.')}`;
    const result = await lead(paste, { practice: false, kind: 'okta' });
    expect(result.message).toContain('sends a client_secret (10 characters)');
    expect(result.hint).not.toContain('Replace YOUR_CLIENT_SECRET');
    expect(result.message).not.toContain('abcdefghij');
  });

  it('credentials sent with -u are not asked for again', async () => {
    const paste = `$ curl ${TOKEN} -u "0oa1b2c3d4EXAMPLE:$SECRET" -d grant_type=authorization_code -d code=abcdef\n${body('invalid_client')}`;
    const result = await lead(paste, { practice: false, kind: 'okta' });
    expect(result.message).toContain('with HTTP Basic');
    expect(result.hint).not.toContain('YOUR_CLIENT_SECRET');
  });

  it('an unsupported grant_type that was sent right means the body was not a form', async () => {
    const paste = `$ curl ${TOKEN} -d grant_type=authorization_code -d code=abcdef\n${body('unsupported_grant_type')}`;
    expect((await lead(paste)).message).toContain('did not read the body as a form');
  });

  it('reads the sent parameters, keeping only the length of secrets', () => {
    const sent = readSentParams(`curl ${TOKEN} -d grant_type=refresh_token -d client_secret=s3cr3tValue -d 'refresh_token=abcdefgh'`);
    expect(sent).toStrictEqual({
      grant_type: { value: 'refresh_token', length: 13 },
      client_secret: { value: null, length: 11 },
      refresh_token: { value: null, length: 8 },
    });
    expect(JSON.stringify(readTerminalClues(`curl -d client_secret=s3cr3tValue ${TOKEN}`))).not.toContain('s3cr3t');
  });
});

describe('invalid_scope, from what the command sent', () => {
  it('asks to remove a scope line only when the command has one', async () => {
    const withScope = `$ curl ${TOKEN} -d grant_type=authorization_code -d scope=offline_access -d code=abcdef\n${body('invalid_scope')}`;
    expect((await lead(withScope)).hint).toContain('Remove the scope line');
    const without = `$ curl ${TOKEN} -d grant_type=authorization_code -d code=abcdef\n${body('invalid_scope', 'One or more scopes are not configured for the authorization server resource.')}`;
    const result = await lead(without, { practice: false, kind: 'okta' });
    expect(result.hint).toContain('Your command sends no scope');
    expect(result.hint).toContain('Authorization Servers → default → Scopes');
    expect(result.hint).not.toContain('Remove');
  });
});

describe('provider wordings (third round) and the JSON inside an exchange', () => {
  it("Auth0's “Grant type … not allowed for the client” points to Advanced Settings → Grant Types", async () => {
    const result = await lead(body('unauthorized_client', "Grant type 'authorization_code' not allowed for the client."), {
      practice: false,
      kind: 'auth0',
    });
    expect(result.message).toContain('Authorization Code grant');
    expect(result.hint).toContain('Advanced Settings → Grant Types, tick Authorization Code');
    const refresh = await lead(
      body('unauthorized_client', "Grant type 'refresh_token' not allowed for the client."),
      { practice: false, kind: 'auth0' },
      'refresh',
    );
    expect(refresh.hint).toContain('tick Refresh Token');
  });

  it("reads the server's JSON inside PowerShell's error record, not PowerShell's curl alias", async () => {
    const paste = [
      `PS C:\\Users\\ana> Invoke-RestMethod -Method Post -Uri ${TOKEN} -Body @{grant_type='authorization_code'; code='abc'} -Verbose`,
      'VERBOSE: POST with -1-byte payload',
      'Invoke-RestMethod : {"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}',
      'At line:1 char:1',
    ].join('\n');
    const result = await lead(paste);
    expect(result.code).toBe('response.error');
    expect(result.message).toContain('invalid_grant');
    expect(result.message).not.toContain('Invoke-WebRequest');
  });
});
