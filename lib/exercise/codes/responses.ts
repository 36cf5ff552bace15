/** Diagnosis codes: the token and refresh responses. See ./index.ts. */
import type { CheckKind } from '../../course/check-kinds';
import { stepRef, type StepId } from '../steps';
import { code, type CodeInfo } from './code-info';

const TOKEN: StepId[] = ['token-response'];
const REFRESH: StepId[] = ['refresh-response'];
const RESPONSES: StepId[] = ['token-response', 'refresh-response'];
/** The response codes the client credentials check returns too (the same analysis: token/inspect.ts). */
const WITH_SERVICE: CheckKind[] = [...RESPONSES, 'client-credentials-response'];

export const RESPONSE_CODES = {
  'json.invalid': code(
    WITH_SERVICE,
    ['fail'],
    'The pasted response is not valid JSON.',
    'A response cut off while copying, or a curl command pasted instead of its output.',
  ),
  'json.only_access_token': code(
    WITH_SERVICE,
    ['fail'],
    'Only a token was pasted, not the whole JSON response.',
    'Copying the access_token value instead of the whole JSON response.',
  ),
  'json.http_headers': code(
    WITH_SERVICE,
    ['warn'],
    'HTTP headers (curl -i/-v) were pasted with the JSON.',
    'Running curl with -i or -v and pasting everything it printed.',
  ),
  'json.smart_quotes': code(
    WITH_SERVICE,
    ['warn'],
    'Curly “smart” quotes from a word processor.',
    'Pasting the response through a word processor or chat app.',
  ),
  'json.not_object': code(WITH_SERVICE, ['fail'], 'The JSON is not an object.', 'Pasting a JSON list or a quoted string.'),
  'json.powershell_output': code(
    WITH_SERVICE,
    ['fail'],
    'PowerShell’s list of the response’s fields was pasted, not the JSON.',
    'Running the request with Invoke-RestMethod, which displays the object instead of the JSON.',
  ),
  'request.command_split': code(
    WITH_SERVICE,
    ['fail'],
    'The shell ran part of the curl command as a separate command, so the request was incomplete.',
    'A space after a line-ending backslash, a line without its backslash, or a commented-out line inside the command.',
  ),
  'request.shell_quoting': code(
    RESPONSES,
    ['fail'],
    'The shell changed the command before curl ran it: curly quotes, an invisible character, a dash for --, an & outside quotes, a $ or ! the shell expanded, single quotes in cmd.exe.',
    'Copying the command through a word processor or chat app, writing several parameters in one unquoted -d value, a secret with $ or ! in double quotes, running a bash command in cmd.exe.',
  ),
  'request.not_a_form': code(
    RESPONSES,
    ['fail'],
    'The request body was not a form: the token endpoint found none of the parameters.',
    'httpie without --form (it sends JSON), a JSON body in -d, or a Content-Type: application/json header.',
  ),
  'json.extra_text': code(
    WITH_SERVICE,
    ['warn'],
    'Extra text around the JSON.',
    'Pasting the shell prompt or the curl command along with the JSON.',
  ),
  'response.error': code(
    WITH_SERVICE,
    ['fail'],
    'The token endpoint answered with an error.',
    'The token request failed: an expired or reused code, a wrong code_verifier or client secret, or a grant the app does not allow.',
  ),
  'access_token.missing': code(
    WITH_SERVICE,
    ['fail'],
    'No access_token in the response.',
    'Pasting an ID token response or an edited response.',
  ),
  'token_type.unexpected': code(
    WITH_SERVICE,
    ['fail', 'warn'],
    'token_type is not Bearer.',
    'A server configured for DPoP, or an edited response.',
  ),
  'access_token.not_jwt': code(
    WITH_SERVICE,
    ['warn', 'fail'],
    'The access token is opaque, not a JWT.',
    'A server that issues opaque tokens (Okta org server, Auth0 without audience).',
  ),
  'access_token.signature_invalid': code(
    WITH_SERVICE,
    ['fail'],
    'The access token’s signature does not verify.',
    'A token edited on jwt.io or damaged while copying.',
  ),
  'access_token.issuer_mismatch': code(
    WITH_SERVICE,
    ['fail'],
    'The access token comes from another issuer.',
    'A token from another authorization server or tenant.',
  ),
  'access_token.client_mismatch': code(
    WITH_SERVICE,
    ['fail'],
    'The access token was issued to another client.',
    'A token issued to another app.',
  ),
  'access_token.expired': code(WITH_SERVICE, ['fail'], 'The access token has expired.', 'Pasting an old response from an earlier attempt.'),
  'access_token.keys_unavailable': code(
    WITH_SERVICE,
    ['warn'],
    'The server’s keys could not be loaded to verify the token.',
    'The server’s key set could not be loaded at that moment.',
  ),
  'access_token.unknown_key': code(
    WITH_SERVICE,
    ['fail'],
    'The token is signed with a key the server does not publish.',
    'A token from another server, or one signed by hand.',
  ),
  'access_token.audience_mismatch': code(
    WITH_SERVICE,
    ['warn'],
    'The access token is for another audience.',
    'A token for another API (aud other than api://default).',
  ),
  'access_token.time_claim_invalid': code(
    WITH_SERVICE,
    ['fail'],
    'An exp, nbf or iat claim is not a time (not a number, or out of range): an edited or hand-made token.',
    'A token made or edited by hand, with exp, nbf or iat out of range.',
  ),
  'access_token.not_yet_valid': code(
    WITH_SERVICE,
    ['fail'],
    'The token is not valid yet (nbf or iat in the future): a clock is wrong.',
    'A wrong clock on the server or on this machine.',
  ),
  'id_token.present': code(RESPONSES, ['info'], 'An ID token came too (openid was requested).', 'Asking for the openid scope.'),
  'expires_in.missing': code(
    WITH_SERVICE,
    ['warn'],
    'The response does not say when the token expires.',
    'A server that omits expires_in.',
  ),
  'access_token.from_refresh_grant': code(
    TOKEN,
    ['fail'],
    'The response answers a refresh, not the code exchange (the practice server’s record of the token).',
    'Pasting the refresh step’s response at the code-exchange step.',
  ),
  'refresh.revoked_as_expected': code(
    REFRESH,
    ['info'],
    'After a revoke, the refresh was refused (invalid_grant): the expected outcome.',
    'The completion page’s revoke demonstration, done as intended.',
  ),
  'refresh_token.revoked': code(
    TOKEN,
    ['fail'],
    'The response’s refresh token was revoked on the practice server (its login ended).',
    'Pasting the first response after running the code exchange a second time, which revoked that login’s tokens.',
  ),
  'refresh_token.missing': code(
    TOKEN,
    ['fail'],
    'No refresh token: grant not enabled or offline_access not requested.',
    'The Refresh Token grant not ticked on the app, or offline_access not in the authorization URL.',
  ),
  'refresh_token.not_needed': code(
    TOKEN,
    ['info'],
    'A refresh token came in a step that does not need one (the Web App exercise): not a mistake.',
    'Asking for offline_access with an app that allows the Refresh Token grant.',
  ),
  'refresh_token.grant_not_enabled': code(
    TOKEN,
    ['fail'],
    'No refresh token: the app does not allow the Refresh Token grant.',
    `Skipping ${stepRef('enable')}: the Refresh Token box in the practice console left unticked.`,
  ),
  'scope.offline_access_not_granted': code(
    TOKEN,
    ['fail', 'info'],
    'The server did not grant offline_access.',
    'offline_access requested at the token endpoint instead of in the authorization URL.',
  ),
  'refresh.no_first_response': code(
    REFRESH,
    ['fail'],
    'A refresh response arrived before a token response passed.',
    'Checking a refresh response before the token response passed.',
  ),
  'refresh.same_response': code(REFRESH, ['fail'], 'The first token response was pasted again.', 'Pasting the first response again.'),
  'refresh.same_access_token': code(
    REFRESH,
    ['fail'],
    'The access token is the same as the first one.',
    'Pasting a response that holds the first access token.',
  ),
  'refresh.not_newer': code(
    REFRESH,
    ['fail'],
    'The new access token is not newer than the first.',
    'Pasting a response from an earlier attempt.',
  ),
  'refresh.subject_mismatch': code(
    REFRESH,
    ['fail'],
    'The new token is for another user.',
    'A token for another user, or from the client credentials grant.',
  ),
  'refresh.client_mismatch': code(REFRESH, ['fail'], 'The new token is for another client.', 'Refreshing with another app’s client ID.'),
  'refresh.issuer_mismatch': code(
    REFRESH,
    ['fail'],
    'The new token comes from another issuer.',
    'Sending the refresh request to another authorization server.',
  ),
  'refresh.not_from_refresh_grant': code(
    REFRESH,
    ['fail'],
    'The token came from a new login, not from the refresh token.',
    'Logging in again instead of running the refresh curl command.',
  ),
  'refresh.rotated': code(REFRESH, ['info'], 'A new refresh token came back (rotation).', 'The app is set to rotate refresh tokens.'),
  'refresh.not_rotated': code(REFRESH, ['info'], 'The refresh token was not rotated.', 'The app keeps a persistent refresh token.'),
} as const satisfies Record<string, CodeInfo>;
