/** Diagnosis codes: a call to the practice API, as the practice server observed it (the `api-call` check kind). See ./index.ts. */
import type { CheckKind } from '../../course/check-kinds';
import { code, type CodeInfo } from './code-info';

const API_CALL: CheckKind[] = ['api-call'];

export const API_CALL_CODES = {
  'api_call.none_observed': code(
    API_CALL,
    ['fail'],
    'The practice API has seen no call carrying one of this app’s access tokens (since the step started).',
    'Not running the curl command yet, calling another URL, or sending an empty $ACCESS_TOKEN: without a token the server cannot tell whose call it was.',
  ),
  'api_call.token_in_query': code(
    API_CALL,
    ['fail'],
    'The access token was sent in the URL (`?access_token=`), which the API refuses (RFC 6750 §2.3).',
    'Following an old tutorial that appends the token to the URL, or `curl -G -d access_token=…`.',
  ),
  'api_call.not_bearer': code(
    API_CALL,
    ['fail'],
    'The Authorization header had no `Bearer ` scheme before the token.',
    'Writing `Authorization: <token>`, `Authorization: Bearer:<token>` or `Basic` instead of `Bearer <token>`.',
  ),
  'api_call.several_methods': code(
    API_CALL,
    ['fail'],
    'The access token was sent two ways at once (header and body), which RFC 6750 §2 forbids.',
    'Adding `-d access_token=…` to a command that already sends the Authorization header.',
  ),
  'api_call.expired': code(
    API_CALL,
    ['fail'],
    'The access token had expired when the API received it.',
    'Using a token from an earlier login: practice access tokens live one hour.',
  ),
  'api_call.insufficient_scope': code(
    API_CALL,
    ['fail'],
    'The access token lacks the scope the API needs (`api:read`): 403.',
    'Leaving `api:read` out of the authorization URL’s scope, so the token was not granted it.',
  ),
  'api_call.other_app': code(
    API_CALL,
    ['fail'],
    'The latest call carried a token of another of the learner’s practice apps, not this exercise’s app.',
    'Copying the access token from another exercise (the service app’s, or an older web app’s) instead of this one’s.',
  ),
  'api_call.malformed': code(
    API_CALL,
    ['fail'],
    'The token the API received was cut short or is not a JWT.',
    'Copying part of the token (a line wrapped in the terminal, a quote or a trailing character included).',
  ),
  'api_call.token_rejected': code(
    API_CALL,
    ['fail'],
    'The token’s signature, issuer, audience or start time did not check out, so the API refused it.',
    'A token changed by hand, or one issued by another server or for another API.',
  ),
  'api_call.revoked_but_accepted': code(
    API_CALL,
    ['info'],
    'The API accepted a token that was revoked: it validates tokens locally, as most APIs do.',
    'Revoking the token (or its refresh token) before calling the API with it.',
  ),
  'api_call.token_in_body': code(
    API_CALL,
    ['warn'],
    'The call worked with the token in a form body (RFC 6750 §2.2); most APIs read only the Authorization header.',
    'Sending `-d access_token=…` instead of the Authorization header.',
  ),
  'api_call.other_token': code(
    API_CALL,
    ['info'],
    'The call that worked used another token of this app than the one the token step checked.',
    'Logging in again, or refreshing, after the token step.',
  ),
  'api_call.own_server': code(
    API_CALL,
    ['info'],
    'On the learner’s own server the lab cannot observe API calls: the step is not applicable.',
    'Doing the Web App exercise against Okta, Auth0, Keycloak or another server of one’s own.',
  ),
} as const satisfies Record<string, CodeInfo>;
