/**
 * Examples for the client credentials check (kind `client-credentials-response`): its own
 * `client_credentials.*` codes, and every shared code it returns through the shared token
 * analysis. Run by codes.test.ts, whose keys (token/test-support.ts) the tokens use.
 */
import { checkClientCredentialsResponse, type ClientCredentialsContext } from '../../client-credentials/check';
import {
  ccCtx,
  ccRespond,
  keycloakToken,
  KEYCLOAK_CLIENT,
  KEYCLOAK_ISSUER,
  SERVICE_ID,
  serviceToken,
  TOKEN_ENDPOINT,
  WEB_CLIENT_ID,
} from '../../client-credentials/test-support';
import type { CodeSeverity } from '../code-info';
import { mint, NOW_S, otherKey, respond } from '../../token/test-support';
import type { CodeExample } from './types';

type Paste = () => string | Promise<string>;

const cc = (severity: CodeSeverity, paste: Paste, o: () => Partial<ClientCredentialsContext> = () => ({})): CodeExample[] => [
  { step: 'client-credentials-response', severity, run: async () => checkClientCredentialsResponse(await paste(), ccCtx(o())) },
];

const error = (e: string, d?: string) => JSON.stringify({ error: e, ...(d ? { error_description: d } : {}) });
const command = (fields: string) => `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" ${fields} ${TOKEN_ENDPOINT}`;
const SECRET = 'Zk3vQ9sT1-wX_5yB8nM2pL6rD4fH0jGcVbEaKuYi';
const KEYCLOAK = () => ({
  issuer: KEYCLOAK_ISSUER,
  clientId: KEYCLOAK_CLIENT,
  audience: undefined,
  practice: false,
  kind: 'keycloak' as const,
});

export const CLIENT_CREDENTIALS_EXAMPLES: Record<string, CodeExample[]> = {
  // The check's own codes.
  'client_credentials.user_token': cc('fail', () => respond({}, mint())),
  'client_credentials.web_app_token': cc('fail', () => ccRespond({}, serviceToken({ cid: WEB_CLIENT_ID, sub: WEB_CLIENT_ID }))),
  'client_credentials.refresh_token_present': cc(
    'fail',
    () => ccRespond({ refresh_token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig-refresh', refresh_expires_in: 1800 }, keycloakToken()),
    KEYCLOAK,
  ),
  'client_credentials.id_token_present': cc('fail', () => ccRespond({ id_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' })),
  'client_credentials.no_custom_scope': cc('fail', () => ccRespond({ scope: '' }, serviceToken({ scp: [] }))),
  'client_credentials.scope_missing': cc('fail', () =>
    error('invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided."),
  ),
  'client_credentials.openid_scope': cc('fail', () => error('invalid_scope', "Cannot request 'openid' scopes using client credentials.")),
  'client_credentials.scope_refused': cc(
    'fail',
    () =>
      `${command('-d grant_type=client_credentials -d scope=api.read')}\n${error('invalid_scope', 'One or more scopes are not configured for the authorization server resource.')}`,
  ),
  'client_credentials.grant_not_allowed': cc('fail', () =>
    error(
      'unauthorized_client',
      'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, refresh_token].',
    ),
  ),
  'client_credentials.secret_on_command_line': cc(
    'warn',
    async () =>
      `$ curl -u ${SERVICE_ID}:${SECRET} -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}\n${await ccRespond()}`,
  ),
  'client_credentials.secret_in_url': cc(
    'warn',
    async () =>
      `$ curl -X POST "${TOKEN_ENDPOINT}?grant_type=client_credentials&client_id=${SERVICE_ID}&client_secret=${SECRET}&scope=api:read"\n${await ccRespond()}`,
  ),

  // Shared codes, returned by the same analysis as the other response checks.
  'input.empty': cc('fail', () => ' '),
  'json.invalid': cc('fail', async () => (await ccRespond()).slice(0, -12)),
  'json.only_access_token': cc('fail', () => serviceToken()),
  'json.http_headers': cc('warn', async () => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${await ccRespond()}`),
  'json.smart_quotes': cc('warn', async () => (await ccRespond()).replaceAll('"scope"', '“scope”')),
  'json.not_object': cc('fail', async () => `[${await ccRespond()}]`),
  'json.powershell_output': cc(
    'fail',
    () => 'access_token : eyJraWQiOi...\ntoken_type   : Bearer\nexpires_in   : 3600\nscope        : api:read',
  ),
  'request.command_split': cc(
    'fail',
    () => `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" \\ \nbash: -d: command not found\n${error('invalid_request')}`,
  ),
  'json.extra_text': cc('warn', async () => `${command('-d grant_type=client_credentials -d scope=api:read')}\n${await ccRespond()}`),
  'response.error': cc('fail', () =>
    error('invalid_client', 'Client authentication failed. Either the client or the client credentials are invalid.'),
  ),
  'access_token.missing': cc('fail', () => ccRespond({ access_token: undefined })),
  'token_type.unexpected': cc('fail', () => ccRespond({ token_type: 'DPoP' })),
  'access_token.not_jwt': cc('fail', () => ccRespond({}, 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV')),
  'access_token.signature_invalid': cc('fail', () =>
    ccRespond({}, mint({ key: otherKey, claims: { cid: SERVICE_ID, sub: SERVICE_ID, uid: undefined, scp: ['api:read'] } })),
  ),
  'access_token.issuer_mismatch': cc('fail', () => ccRespond({}, serviceToken({ iss: 'http://localhost:3000' }))),
  'access_token.client_mismatch': cc('fail', () => ccRespond({}, serviceToken({ cid: '0oaSOMEONEelse', sub: '0oaSOMEONEelse' }))),
  'access_token.expired': cc('fail', () => ccRespond({}, serviceToken({}, { iat: NOW_S - 7200 }))),
  'access_token.keys_unavailable': cc(
    'warn',
    () => ccRespond(),
    () => ({ getKey: null }),
  ),
  'access_token.unknown_key': cc('fail', () =>
    ccRespond(
      {},
      mint({ key: otherKey, kid: 'other-key', claims: { cid: SERVICE_ID, sub: SERVICE_ID, uid: undefined, scp: ['api:read'] } }),
    ),
  ),
  'access_token.audience_mismatch': cc('warn', () => ccRespond({}, serviceToken({ aud: 'api://photos' }))),
  'access_token.time_claim_invalid': cc('fail', () => ccRespond({}, serviceToken({ exp: 'tomorrow' }))),
  'access_token.not_yet_valid': cc('fail', () => ccRespond({}, serviceToken({}, { iat: NOW_S + 3600 }))),
  'expires_in.missing': cc('warn', () => ccRespond({ expires_in: undefined })),
  'paste.curl_error': cc(
    'fail',
    () => `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" https://locahost:3000/oauth2/default/v1/token\ncurl: (6) Could not resolve host: locahost`,
  ),
  'paste.powershell_error': cc('fail', () => "Invoke-WebRequest : A parameter cannot be found that matches parameter name 'u'."),
  'paste.http_error': cc('fail', () => 'HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n'),
  'paste.html': cc('fail', () => '<!DOCTYPE html>\n<html><head><title>Sign In</title></head><body>…</body></html>'),
  'paste.other_artefact': cc('fail', () => TOKEN_ENDPOINT),
  'paste.truncated': cc('fail', () => '{"token_type":"Bearer","access_token":"eyJraWQiOiJYbTJrOVEiLCJhbGciOi…","scope":"api:read"}'),
  'paste.command_only': cc('fail', () => command('-d grant_type=client_credentials -d scope=api:read')),
  'paste.placeholder': cc('fail', () => `curl -u ${SERVICE_ID}:YOUR_CLIENT_SECRET -d grant_type=client_credentials ${TOKEN_ENDPOINT}`),
  // printf '%s:%s\n' id secret | base64: echo's newline encoded into the header.
  'client.basic_header_recipe': cc(
    'fail',
    () =>
      `$ curl -H "Authorization: Basic ${btoa(`${SERVICE_ID}:${SECRET}\n`)}" -d grant_type=client_credentials ${TOKEN_ENDPOINT}\n${error('invalid_client')}`,
  ),
};
