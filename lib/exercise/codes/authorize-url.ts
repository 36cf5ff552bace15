/** Diagnosis codes: the authorization URL (and the empty input every paste box shares). See ./index.ts. */
import type { StepId } from '../steps';
import { code, type CodeInfo } from './code-info';

const AUTHORIZE: StepId[] = ['authorize-url'];

export const AUTHORIZE_URL_CODES = {
  'input.empty': code(
    ['authorize-url', 'redirect', 'token-response', 'refresh-response'],
    ['fail'],
    'Nothing was pasted.',
    'Pressing the check button before pasting, or pasting into the wrong box.',
  ),
  'url.invalid': code(
    AUTHORIZE,
    ['fail'],
    'The authorization URL could not be parsed.',
    'Pasting only the query string, or a URL with a typo in the scheme.',
  ),
  'url.not_https': code(
    AUTHORIZE,
    ['fail'],
    'The authorization URL uses http on a non-local host.',
    'Writing http:// for a server that is not on this machine.',
  ),
  'url.host_mismatch': code(
    AUTHORIZE,
    ['fail'],
    'The URL points at another host than the authorization server.',
    'Using another Okta org, or the admin console domain (…-admin.okta.com).',
  ),
  'url.path_mismatch': code(
    AUTHORIZE,
    ['fail'],
    'Wrong endpoint path (e.g. the token endpoint or the org server’s path).',
    'Using /v1/token, or the org server path /oauth2/v1/authorize.',
  ),
  'url.no_query': code(AUTHORIZE, ['fail'], 'The URL has no query string (no parameters).', 'Forgetting the "?" after /v1/authorize.'),
  'url.fragment': code(
    AUTHORIZE,
    ['fail', 'warn'],
    'Parameters were put after # instead of ?.',
    'Writing "#" instead of "?" before the parameters.',
  ),
  'param.placeholder': code(
    AUTHORIZE,
    ['fail'],
    'A template placeholder like {YOUR_SCOPE} was left in.',
    'Leaving {YOUR_SCOPE} or YOUR_CLIENT_ID from the template in the URL.',
  ),
  'param.unknown': code(
    AUTHORIZE,
    ['warn', 'fail'],
    'An unknown parameter name (often a typo like redirect_url).',
    'A typo such as redirect_url or client-id.',
  ),
  'param.duplicate': code(AUTHORIZE, ['fail'], 'A parameter appears twice.', 'Pasting a parameter twice while editing the template.'),
  'param.empty': code(
    AUTHORIZE,
    ['fail'],
    'A required parameter has an empty value.',
    'A required parameter written as "name=" with nothing after it.',
  ),
  'response_type.missing': code(AUTHORIZE, ['fail'], 'response_type is missing.', 'Deleting the response_type line of the template.'),
  'response_type.not_code': code(
    AUTHORIZE,
    ['fail'],
    'response_type is not "code".',
    'Using response_type=token (the implicit flow) or id_token.',
  ),
  'client_id.mismatch': code(
    AUTHORIZE,
    ['fail'],
    'The client_id is not this app’s client ID.',
    'Copying the client ID of another app, or the client secret instead.',
  ),
  'client_id.secret_in_url': code(
    AUTHORIZE,
    ['fail'],
    'The client secret was put in the URL.',
    'Adding client_secret to the authorization URL.',
  ),
  'state.missing': code(AUTHORIZE, ['fail'], 'No state parameter (no CSRF protection).', 'Deleting the state line of the template.'),
  'state.weak': code(
    AUTHORIZE,
    ['warn'],
    'The state value is short or guessable.',
    'Typing a short, guessable state such as "abc" instead of generating one.',
  ),
  'redirect_uri.missing': code(AUTHORIZE, ['fail'], 'redirect_uri is missing.', 'Deleting the redirect_uri line of the template.'),
  'redirect_uri.mismatch': code(
    ['authorize-url', 'redirect'],
    ['fail', 'warn'],
    'The redirect URI does not match the registered one exactly.',
    'A trailing slash, http instead of https, or a URI not registered on the app.',
  ),
  'redirect_uri.double_encoded': code(
    AUTHORIZE,
    ['fail'],
    'The redirect URI was percent-encoded twice.',
    'Encoding an already encoded redirect URI (https%253A%252F%252F…).',
  ),
  'scope.missing': code(AUTHORIZE, ['fail'], 'No scope parameter.', 'Deleting the scope line of the template.'),
  'scope.offline_access_missing': code(
    AUTHORIZE,
    ['fail'],
    'offline_access was not requested, so no refresh token.',
    'Replacing offline_access+{YOUR_SCOPE} with a single scope.',
  ),
  'scope.offline_access_misspelled': code(
    AUTHORIZE,
    ['fail'],
    'offline_access is misspelled (e.g. offline-access).',
    'offline-access, offline_acess or Offline_Access.',
  ),
  'scope.comma_separated': code(
    AUTHORIZE,
    ['fail'],
    'Scopes separated by commas instead of spaces.',
    'Writing scope=offline_access,api:read as in some SDK configurations.',
  ),
  'scope.literal_plus_encoded': code(
    AUTHORIZE,
    ['fail'],
    'A literal + (%2B) was sent where a space was meant.',
    'URL-encoding the whole scope value, which turns "+" into "%2B".',
  ),
  'scope.only_offline_access': code(
    AUTHORIZE,
    ['warn'],
    'Only offline_access was requested: nothing to access.',
    'Deleting {YOUR_SCOPE} instead of replacing it.',
  ),
  'scope.unknown': code(
    AUTHORIZE,
    ['warn'],
    'A scope the server does not list.',
    'A misspelled custom scope (api:raed), or a scope the server does not define.',
  ),
  'code_challenge.missing': code(
    AUTHORIZE,
    ['fail'],
    'No PKCE code_challenge.',
    'Skipping the PKCE helper, or deleting the code_challenge line.',
  ),
  'code_challenge.malformed': code(
    AUTHORIZE,
    ['fail'],
    'The code challenge is not 43 base64url characters.',
    'A challenge cut short while copying, or the hex form of the hash encoded again.',
  ),
  'code_challenge.not_base64url': code(
    AUTHORIZE,
    ['fail'],
    'The code challenge uses base64 (+ / =) or hex instead of base64url.',
    'Hashing with a tool that outputs hex or standard base64 (+, /, =).',
  ),
  'code_challenge.is_verifier': code(
    AUTHORIZE,
    ['fail'],
    'The code verifier was sent instead of its hash.',
    'Pasting the Code Verifier where the Code Challenge goes.',
  ),
  'code_challenge.empty_verifier': code(
    AUTHORIZE,
    ['fail'],
    'The challenge is the hash of an empty verifier.',
    'Pressing "Calculate Hash" before generating a verifier.',
  ),
  'code_verifier.in_url': code(
    AUTHORIZE,
    ['fail'],
    'The code verifier was put in the authorization URL.',
    'Adding code_verifier to the authorization URL (it belongs in the token request).',
  ),
  'code_challenge_method.missing': code(
    AUTHORIZE,
    ['fail'],
    'code_challenge_method is missing (should be S256).',
    'Deleting the code_challenge_method line of the template.',
  ),
  'code_challenge_method.plain': code(
    AUTHORIZE,
    ['fail'],
    'code_challenge_method=plain instead of S256.',
    'Writing code_challenge_method=plain.',
  ),
  'code_challenge_method.invalid': code(
    AUTHORIZE,
    ['fail'],
    'An invalid code_challenge_method (it is case-sensitive: S256).',
    'Writing s256 or SHA256 instead of S256.',
  ),
} as const satisfies Record<string, CodeInfo>;
