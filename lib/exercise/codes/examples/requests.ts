/**
 * Examples for the codes of issue 19's pastes: a command the shell or the tool changed
 * before it was sent, and a browser console's error, in both response steps.
 */
import { checkRefreshResponse } from '../../token/refresh-step';
import { checkTokenResponse } from '../../token/token-step';
import type { TokenCheckContext } from '../../token/context';
import type { CodeExample } from './types';

const context: TokenCheckContext = {
  issuer: 'http://localhost:3000/oauth2/default',
  tokenEndpoint: 'http://localhost:3000/oauth2/default/v1/token',
  clientId: '0oa1b2c3d4EXAMPLE',
  now: new Date('2026-01-15T10:00:00Z'),
  getKey: null,
  practice: true,
};

const both = (paste: string): CodeExample[] => [
  { step: 'token-response', severity: 'fail', run: () => checkTokenResponse(paste, context) },
  { step: 'refresh-response', severity: 'fail', run: () => checkRefreshResponse(paste, { ...context, first: null }) },
];

const MISSING = '{"error":"invalid_request","error_description":"The request is missing a required parameter: grant_type."}';

export const REQUEST_EXAMPLES: Record<string, CodeExample[]> = {
  // Curly quotes from a word processor around a -d value: curl sends them as part of the name.
  'request.shell_quoting': both(
    `$ curl -X POST http://localhost:3000/oauth2/default/v1/token -d “grant_type=authorization_code”\n${MISSING}`,
  ),
  // The token request sent with fetch() in the browser's console.
  'paste.browser_error': both(
    "Access to fetch at 'http://localhost:3000/oauth2/default/v1/token' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nPOST http://localhost:3000/oauth2/default/v1/token net::ERR_FAILED 401 (Unauthorized)\nUncaught (in promise) TypeError: Failed to fetch",
  ),
  // HTTPie sends name=value items as JSON unless told --form.
  'request.not_a_form': both(`$ http POST http://localhost:3000/oauth2/default/v1/token grant_type=authorization_code\n${MISSING}`),
};
