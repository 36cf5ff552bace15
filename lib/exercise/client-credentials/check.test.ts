/**
 * The client credentials check against the answers learners paste: correct responses from
 * each kind of server pass, and a corpus of realistic mistakes each comes back with its
 * code, a message that quotes what was pasted and a hint that names the fix.
 */
import { describe, expect, it } from 'vitest';

import { checkClientCredentialsResponse, type ClientCredentialsContext } from './check';
import {
  AUTH0_CLIENT,
  AUTH0_ISSUER,
  auth0Token,
  ccCtx,
  ccRespond,
  KEYCLOAK_CLIENT,
  KEYCLOAK_ISSUER,
  keycloakToken,
  SERVICE_ID,
  SERVICE_SECRET,
  serviceToken,
  TOKEN_ENDPOINT,
  WEB_CLIENT_ID,
} from './test-support';
import { codes, mint, NOW_S, otherKey, prepareKeys, respond } from '../token/test-support';

prepareKeys();

const run = async (paste: string | Promise<string>, o: Partial<ClientCredentialsContext> = {}) =>
  checkClientCredentialsResponse(await paste, ccCtx(o));

const COMMAND = `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}`;
const withCommand = async (body: string | Promise<string>, command = COMMAND) => `${command}\n${await body}`;
const error = (e: string, d?: string) => JSON.stringify({ error: e, ...(d ? { error_description: d } : {}) });

const OKTA_ISSUER = 'https://dev-123456.okta.com/oauth2/default';

type Mistake = {
  name: string;
  paste: () => string | Promise<string>;
  ctx?: Partial<ClientCredentialsContext>;
  code: string;
  status?: 'fail' | 'warn';
  /** Text of the input that the message must quote. */
  quotes: string;
  /** What the hint must name. */
  hint: RegExp;
};

const OKTA_NO_SCOPE = "The authorization server resource does not have any configured default scopes, 'scope' must be provided.";
const OKTA_OPENID = "Cannot request 'openid' scopes using client credentials.";
const OKTA_NOT_CONFIGURED = 'One or more scopes are not configured for the authorization server resource.';
const OKTA_UNAUTHORIZED = (grants: string) =>
  `The client is not authorized to use the provided grant type. Configured grant types: [${grants}].`;
const OKTA_INVALID_CLIENT = 'Client authentication failed. Either the client or the client credentials are invalid.';
const OKTA_UNSUPPORTED = 'The authorization grant type is not supported by the authorization server.';
const commandWith = (fields: string) => `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" ${fields} ${TOKEN_ENDPOINT}`;
// printf '%s:%s\n' id secret | base64: the newline echo adds, encoded into the header.
const basicWithNewline = btoa(`${SERVICE_ID}:${SERVICE_SECRET}\n`);
const webLoginToken = () => mint({ jti: 'AT.web-login-1' });

const MISTAKES: Mistake[] = [
  { name: 'nothing pasted', paste: () => '  \n ', code: 'input.empty', quotes: 'Nothing', hint: /curl command/ },
  { name: 'only the access token', paste: () => serviceToken(), code: 'json.only_access_token', quotes: 'eyJhbGc', hint: /whole JSON/ },
  {
    name: 'the JSON cut off while copying',
    paste: async () => (await ccRespond()).slice(0, -20),
    code: 'json.invalid',
    quotes: 'line 1',
    hint: /./,
  },
  {
    name: 'smart quotes from a chat app',
    paste: async () => (await ccRespond()).replaceAll('"token_type"', '“token_type”'),
    code: 'json.smart_quotes',
    status: 'warn',
    quotes: 'curly double quotes',
    hint: /terminal/,
  },
  {
    name: 'Okta: no scope (no default scopes)',
    paste: () => error('invalid_scope', OKTA_NO_SCOPE),
    code: 'client_credentials.scope_missing',
    quotes: 'configured default scopes',
    hint: /-d scope=api:read/,
  },
  {
    name: "oauth.school's command, without scope, pasted with its answer",
    paste: () => withCommand(error('invalid_scope', 'The requested scope is invalid.'), commandWith('-d grant_type=client_credentials')),
    code: 'client_credentials.scope_missing',
    quotes: 'invalid_scope',
    hint: /-d scope=api:read/,
  },
  {
    name: 'Okta: openid asked for',
    paste: () => error('invalid_scope', OKTA_OPENID),
    code: 'client_credentials.openid_scope',
    quotes: "Cannot request 'openid'",
    hint: /Remove openid/,
  },
  {
    name: 'the authorization URL’s scopes copied into the request',
    paste: () =>
      withCommand(
        error('invalid_scope', 'The requested scope is invalid.'),
        commandWith('-d grant_type=client_credentials -d "scope=offline_access api:read"'),
      ),
    code: 'client_credentials.openid_scope',
    quotes: 'offline_access',
    hint: /only custom scopes/,
  },
  {
    name: 'a misspelt scope (api.read)',
    paste: () =>
      withCommand(error('invalid_scope', OKTA_NOT_CONFIGURED), commandWith('-d grant_type=client_credentials -d scope=api.read')),
    code: 'client_credentials.scope_refused',
    quotes: 'api.read',
    hint: /api:read and api:write/,
  },
  {
    name: 'My Web App’s credentials (Okta names its grants)',
    paste: () => error('unauthorized_client', OKTA_UNAUTHORIZED('authorization_code, refresh_token')),
    code: 'client_credentials.grant_not_allowed',
    quotes: 'authorization_code, refresh_token',
    hint: /My Service App's Client ID and Client secret/,
  },
  {
    name: 'My Web App’s client ID in -u',
    paste: () =>
      withCommand(
        error('unauthorized_client', 'The client is not authorized to use the provided grant type.'),
        `$ curl -u "${WEB_CLIENT_ID}:$WEB_SECRET" -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}`,
      ),
    code: 'client_credentials.grant_not_allowed',
    quotes: WEB_CLIENT_ID,
    hint: /My Service App/,
  },
  {
    name: 'a service app without Client Credentials ticked',
    paste: () => error('unauthorized_client', OKTA_UNAUTHORIZED('')),
    code: 'client_credentials.grant_not_allowed',
    quotes: 'not authorized',
    hint: /tick Client Credentials/,
  },
  {
    name: 'a wrong secret (no command shown)',
    paste: () => error('invalid_client', OKTA_INVALID_CLIENT),
    code: 'response.error',
    quotes: 'invalid_client',
    hint: /\\r/,
  },
  {
    name: 'a Basic header built with echo (a newline encoded)',
    paste: () =>
      `$ curl -H "Authorization: Basic ${basicWithNewline}" -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}\n${error('invalid_client', OKTA_INVALID_CLIENT)}`,
    code: 'client.basic_header_recipe',
    quotes: 'newline',
    hint: /printf %s|-u/,
  },
  {
    name: 'the web app’s secret typed after the service app’s ID',
    paste: () =>
      `$ curl -u ${SERVICE_ID}:notTheServiceSecret -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}\n${error('invalid_client', OKTA_INVALID_CLIENT)}`,
    ctx: { lookupClientSecret: async () => SERVICE_SECRET },
    code: 'response.error',
    quotes: "not My Service App's client secret",
    hint: /My Service App → Client secret/,
  },
  {
    name: 'the secret typed into -u (warned)',
    paste: () =>
      withCommand(
        ccRespond(),
        `$ curl -u ${SERVICE_ID}:${SERVICE_SECRET} -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}`,
      ),
    code: 'client_credentials.secret_on_command_line',
    status: 'warn',
    quotes: `-u ${SERVICE_ID}:Zk…`,
    hint: /curl --config service\.curlrc/,
  },
  {
    name: 'the secret in -d client_secret= (warned, with netrc)',
    paste: () =>
      withCommand(
        ccRespond(),
        `$ curl -d grant_type=client_credentials -d client_id=${SERVICE_ID} -d client_secret=${SERVICE_SECRET} -d scope=api:read ${TOKEN_ENDPOINT}`,
      ),
    code: 'client_credentials.secret_on_command_line',
    status: 'warn',
    quotes: 'client_secret=Zk…',
    hint: /--netrc-file service\.netrc/,
  },
  {
    name: 'the secret in the URL’s query',
    paste: () =>
      withCommand(
        ccRespond(),
        `$ curl -X POST "${TOKEN_ENDPOINT}?grant_type=client_credentials&client_id=${SERVICE_ID}&client_secret=${SERVICE_SECRET}&scope=api:read"`,
      ),
    code: 'client_credentials.secret_in_url',
    status: 'warn',
    quotes: '&client_secret=Zk…',
    hint: /Never put a secret in a URL/,
  },
  {
    name: 'a typo in grant_type',
    paste: () =>
      withCommand(error('unsupported_grant_type', OKTA_UNSUPPORTED), commandWith('-d grant_type=client_credential -d scope=api:read')),
    code: 'response.error',
    quotes: 'client_credential',
    hint: /grant_type=client_credentials/,
  },
  {
    name: 'Auth0’s claim value as grant type (no command shown)',
    paste: () => error('unsupported_grant_type', OKTA_UNSUPPORTED),
    code: 'response.error',
    quotes: 'unsupported_grant_type',
    hint: /grant_type=client_credentials exactly/,
  },
  {
    name: 'My Web App’s login response pasted',
    paste: () => respond({}, webLoginToken()),
    code: 'client_credentials.user_token',
    quotes: '00u1a2b3c4EXAMPLE',
    hint: /grant_type=client_credentials with My Service App/,
  },
  {
    name: 'a refreshed token pasted (the practice server’s record)',
    paste: () => ccRespond({}, mint({ jti: 'AT.refreshed-1', claims: { uid: undefined } })),
    ctx: { lookupOrigin: async (jti) => (jti === 'AT.refreshed-1' ? 'refresh_token' : null) },
    code: 'client_credentials.user_token',
    quotes: 'learner@example.com',
    hint: /grant_type=client_credentials/,
  },
  {
    name: 'an Auth0 login’s token',
    paste: () => ccRespond({ scope: 'openid read:photos' }, auth0Token({ sub: 'auth0|65a1b2c3d4e5f6a7b8c9d0e1', gty: undefined })),
    ctx: { issuer: AUTH0_ISSUER, clientId: AUTH0_CLIENT, audience: undefined, practice: false, kind: 'auth0' },
    code: 'client_credentials.user_token',
    quotes: 'auth0|65a1b2c3d4e5f6a7b8c9d0e1',
    hint: /your service app/,
  },
  {
    name: 'a Keycloak user’s token',
    paste: () => ccRespond({}, keycloakToken({ preferred_username: 'alice', sub: '9c1d2e3f-0000-4a4a-8b8b-123456789abc' })),
    ctx: { issuer: KEYCLOAK_ISSUER, clientId: KEYCLOAK_CLIENT, audience: undefined, practice: false, kind: 'keycloak' },
    code: 'client_credentials.user_token',
    quotes: '9c1d2e3f-0000-4a4a-8b8b-123456789abc',
    hint: /client_credentials/,
  },
  {
    name: 'My Web App’s own client credentials token',
    paste: () => ccRespond({}, serviceToken({ cid: WEB_CLIENT_ID, sub: WEB_CLIENT_ID })),
    code: 'client_credentials.web_app_token',
    quotes: WEB_CLIENT_ID,
    hint: /My Service App's Client ID/,
  },
  {
    name: 'another client’s token',
    paste: () => ccRespond({}, serviceToken({ cid: '0oaSOMEONEelse', sub: '0oaSOMEONEelse' })),
    code: 'access_token.client_mismatch',
    quotes: '0oaSOMEONEelse',
    hint: /-u/,
  },
  {
    name: 'a refresh token in the answer',
    paste: () => ccRespond({ refresh_token: 'hY6OEJqn4dbXr0Yb1ZbMZWGN2hC8K3fJ4Zx5Zt0Ykn8' }),
    code: 'client_credentials.refresh_token_present',
    quotes: 'refresh_token',
    hint: /client credentials command/,
  },
  {
    name: 'Keycloak set to give service apps refresh tokens',
    paste: () =>
      ccRespond({ scope: 'api:read', refresh_token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig-refresh', refresh_expires_in: 1800 }, keycloakToken()),
    ctx: { issuer: KEYCLOAK_ISSUER, clientId: KEYCLOAK_CLIENT, audience: undefined, practice: false, kind: 'keycloak' },
    code: 'client_credentials.refresh_token_present',
    quotes: 'refresh_token',
    hint: /Use refresh tokens for client credentials grant/,
  },
  {
    name: 'an ID token in the answer',
    paste: () => ccRespond({ id_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
    code: 'client_credentials.id_token_present',
    quotes: 'id_token',
    hint: /without openid/,
  },
  {
    name: 'no scope granted',
    paste: () => ccRespond({ scope: '' }, serviceToken({ scp: [] })),
    code: 'client_credentials.no_custom_scope',
    quotes: 'no scope',
    hint: /-d scope=api:read/,
  },
  {
    name: 'only a standard scope granted',
    paste: () => ccRespond({ scope: 'profile' }, serviceToken({ scp: ['profile'] })),
    code: 'client_credentials.no_custom_scope',
    quotes: 'profile',
    hint: /custom scope/,
  },
  {
    name: 'an old answer, expired',
    paste: () => ccRespond({}, serviceToken({}, { iat: NOW_S - 7200 })),
    code: 'access_token.expired',
    quotes: 'expired at',
    hint: /Run the curl command again/,
  },
  {
    name: 'a token of Okta’s org server',
    paste: () => ccRespond({}, serviceToken({ iss: 'http://localhost:3000' })),
    code: 'access_token.issuer_mismatch',
    quotes: 'http://localhost:3000',
    hint: /org authorization server/,
  },
  {
    name: 'a token edited on jwt.io',
    paste: async () =>
      ccRespond({}, mint({ key: otherKey, claims: { cid: SERVICE_ID, sub: SERVICE_ID, uid: undefined, scp: ['api:read'] } })),
    code: 'access_token.signature_invalid',
    quotes: 'does not verify',
    hint: /Paste the response exactly/,
  },
  {
    name: 'a token for another API',
    paste: () => ccRespond({}, serviceToken({ aud: 'api://photos' })),
    code: 'access_token.audience_mismatch',
    status: 'warn',
    quotes: 'api://photos',
    hint: /api:\/\/default/,
  },
  {
    name: 'a DPoP-bound token',
    paste: () => ccRespond({ token_type: 'DPoP' }),
    code: 'token_type.unexpected',
    quotes: 'DPoP',
    hint: /DPoP/,
  },
  {
    name: 'an opaque token (not the practice server’s)',
    paste: () => ccRespond({}, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV'),
    code: 'access_token.not_jwt',
    quotes: 'a1B2',
    hint: /practice server/,
  },
  {
    name: 'a token shortened by a console preview',
    paste: async () => `{"token_type":"Bearer","expires_in":3600,"access_token":"eyJraWQiOiJYbTJrOVEiLCJhbGciOi…","scope":"api:read"}`,
    code: 'paste.truncated',
    quotes: 'access_token',
    hint: /Copy the response again/,
  },
  {
    name: 'curl could not resolve the host',
    paste: () => `${COMMAND.replace('localhost', 'locahost')}\ncurl: (6) Could not resolve host: locahost`,
    code: 'paste.curl_error',
    quotes: 'locahost',
    hint: /token endpoint/,
  },
  {
    name: 'PowerShell’s curl alias',
    paste: () =>
      'Invoke-WebRequest : A parameter cannot be found that matches parameter name \'u\'.\nAt line:1 char:6\n+ curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials ...',
    code: 'paste.powershell_error',
    quotes: 'Invoke-WebRequest',
    hint: /curl\.exe/,
  },
  {
    name: 'posted to the authorize endpoint (405)',
    paste: () => 'HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n',
    code: 'paste.http_error',
    quotes: '405',
    hint: /-d/,
  },
  {
    name: 'the command with its placeholder, run as it is',
    paste: () =>
      `curl -u ${SERVICE_ID}:YOUR_CLIENT_SECRET -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}\n${error('invalid_client', OKTA_INVALID_CLIENT)}`,
    code: 'paste.placeholder',
    quotes: 'YOUR_CLIENT_SECRET',
    hint: /My Service App/,
  },
  {
    name: 'a line continuation broken by a trailing space',
    paste: () =>
      `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" \\ \nbash: -d: command not found\n${error('invalid_request', 'The request is missing a required parameter.')}`,
    code: 'request.command_split',
    quotes: 'curl -u "$CLIENT_ID:$CLIENT_SECRET"',
    hint: /backslash/,
  },
  {
    name: 'Auth0 without an audience',
    paste: () => error('access_denied', 'No audience parameter was provided, and no default audience has been configured'),
    ctx: { issuer: AUTH0_ISSUER, clientId: AUTH0_CLIENT, practice: false, kind: 'auth0' },
    code: 'response.error',
    quotes: 'No audience parameter',
    hint: /-d audience=/,
  },
  {
    name: 'an Okta access policy without the Client Credentials grant',
    paste: () => error('access_denied', 'Policy evaluation failed for this request, please check the policy configurations.'),
    ctx: { issuer: OKTA_ISSUER, practice: false, kind: 'okta' },
    code: 'response.error',
    quotes: 'Policy evaluation failed',
    hint: /Access Policies/,
  },
];

describe('the mistakes learners make come back with their code, the input quoted, and the fix', () => {
  it('has at least 30 of them', () => expect(MISTAKES.length).toBeGreaterThanOrEqual(30));

  it.each(MISTAKES)('$name → $code', async ({ paste, ctx, code, status = 'fail', quotes, hint }) => {
    const report = await run(paste(), ctx);
    const result = report.results.find((r) => r.code === code);
    expect(result, JSON.stringify(report.results, null, 1)).toBeDefined();
    expect(result!.status).toBe(status);
    expect(result!.message).toContain(quotes);
    expect(result!.hint).toMatch(hint);
    if (status === 'fail') expect(report.status).toBe('fail');
  });

  it('never quotes the secret', async () => {
    for (const { paste, ctx } of MISTAKES) {
      const report = await run(paste(), ctx);
      expect(JSON.stringify(report.results)).not.toContain(SERVICE_SECRET.slice(0, 6));
    }
  });

  it('reports a login’s token alone, not its consequences', async () => {
    const report = await run(respond({ id_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }, webLoginToken()));
    expect(codes(report.results)).toEqual(['fail:client_credentials.user_token']);
    expect(report.results.at(-1)!.message).toMatch(/refresh token and an ID token/);
  });
});
