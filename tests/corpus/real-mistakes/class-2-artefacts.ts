/** Class 2: an artefact of another kind, pasted where a different one belongs. */
import { authorizeUrl, CODES, goodParams, lines, STATE, TOKENS, tokenJson } from './fixtures';
import type { RealMistake } from './types';

const ISS_PARAM = 'http%3A%2F%2Flocalhost%3A3000%2Foauth2%2Fdefault';

export const CLASS_2: RealMistake[] = [
  {
    id: 'client-credentials-token-at-code-step',
    source: { url: 'https://github.com/cloudfoundry/uaa/issues/879', title: 'unable to get a refresh token for clients' },
    class: 2,
    step: 'token-response',
    server: 'practice',
    input: tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_CC, scope: 'api:read' }),
    cause:
      "The learner ran grant_type=client_credentials (Client Credentials was ticked in the console) instead of exchanging the authorization code, so the token is the app's own, with no user and no refresh token.",
    answer:
      'This token was not obtained with your authorization code: its sub is the client ID 0oa8f3k2EXAMPLE and it has no uid, which is what the client_credentials grant gives (an app token, never a refresh token). Run the code exchange — grant_type=authorization_code with the code from “Capture the authorization code” (log in again if that code is older than 5 minutes) — and paste that response.',
    expect: {
      code: null,
      proposedCode: 'access_token.client_credentials_grant',
      mustMention: ['client_credentials', '0oa8f3k2EXAMPLE|sub'],
      mustNotSay: ['offline_access', 'tick Refresh Token'],
    },
    records:
      'The app has grantTypes [client_credentials, authorization_code, refresh_token]; the token (jti AT.rMKNsr…) was issued at 10:19:05 by the client_credentials grant; no login, no code exchanged since 10:14:05.',
  },
  {
    id: 'devtools-preview-shortened-with-ellipsis',
    source: { url: 'https://github.com/aws-amplify/amplify-flutter/issues/120', title: 'Invalid JWT Signature using Cognito JWK' },
    class: 2,
    step: 'token-response',
    server: 'practice',
    input: `{token_type: 'Bearer', expires_in: 3600, access_token: 'eyJraWQiOiJwM1p4OVFtTDJ2Ujd0QjRuVzh5S2MxSGQ2SmYwR3M1YUUtdUlfb1kzcTJFIiwiYWxnIjoiUlMyNTYifQ.eyJ2ZXIiOjEsImp0aSI6IkFULkgwRDh…', scope: 'offline_access api:read', refresh_token: '${TOKENS.RT_A}'}`,
    cause:
      "The learner copied the browser console's one-line preview of the response object, in which DevTools shortened the access token with … (and wrote JavaScript, not JSON).",
    answer:
      'This is the browser console\'s preview of the response, not the response: DevTools cut the access_token at "…eyJ2ZXIiOjEsImp0aSI6IkFULkgwRDh…" (a real one is about 830 characters) and writes single-quoted keys. In the console, run copy(JSON.stringify(data)) — or expand the object and use "Copy object" — then paste the full JSON.',
    expect: {
      code: null,
      proposedCode: 'paste.truncated',
      mustMention: ['…|shortened|cut', 'access_token'],
      mustNotSay: ['signature'],
    },
  },
  {
    id: 'log-window-cut-two-characters-of-signature',
    source: {
      url: 'https://github.com/MaikuB/flutter_appauth/issues/21',
      title: 'Access token misses few portion of response from Key Cloak',
    },
    class: 2,
    step: 'refresh-response',
    server: 'practice',
    input: tokenJson({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: TOKENS.AT_REFRESHED.slice(0, -2),
      scope: 'offline_access api:read',
      refresh_token: TOKENS.RT_A,
    }),
    cause:
      'The learner copied the response from a log pane that cut the long line, so the access token lost the last 2 characters of its signature.',
    answer:
      "The access token's signature is 340 characters long; an RS256 signature from this server is always 342, so the last 2 characters were lost while copying (the log window cut the line). Copy the response again from the terminal itself (or run the refresh curl again) and paste it whole.",
    expect: { code: 'access_token.signature_invalid', mustMention: ['340', '342'], mustNotSay: ['another server', 'edited on jwt\\.io'] },
  },
  {
    id: 'redirect-address-pasted-as-authorization-url',
    holdout: true,
    source: { url: 'https://github.com/splitwise/api-docs/issues/54', title: 'authorization url does not have code parameter' },
    class: 2,
    step: 'authorize-url',
    server: 'practice',
    input: `http://localhost:3000/redirect?code=${CODES.d}&state=${STATE}&iss=${ISS_PARAM}`,
    cause:
      'After logging in, the learner pasted the address the server redirected back to (with the code) into the "Authorization URL" box.',
    answer:
      'This is the redirect back to http://localhost:3000/redirect, carrying code= and state= — the result of logging in, not the authorization URL. Paste it in “Capture the authorization code”. In “Build the authorization URL” paste the URL that starts with http://localhost:3000/oauth2/default/v1/authorize?.',
    expect: {
      code: null,
      proposedCode: 'url.is_redirect',
      mustMention: ['/redirect', 'Capture the authorization code|code='],
      mustNotSay: ['response_type is missing', 'code_challenge is missing'],
    },
  },
  {
    id: 'authorization-url-pasted-at-redirect-step',
    holdout: true,
    source: { url: 'https://github.com/splitwise/api-docs/issues/54', title: 'authorization url does not have code parameter' },
    class: 2,
    step: 'redirect',
    server: 'practice',
    input: authorizeUrl(goodParams()),
    cause: 'The learner pasted the authorization URL itself at the redirect step, before logging in, expecting it to contain the code.',
    answer:
      'This is your authorization URL (…/v1/authorize?response_type=code…), not the redirect: the code only appears after you log in. Click the Log In link in “Build the authorization URL”, sign in, and paste the address you land on (http://localhost:3000/redirect?code=…&state=…).',
    expect: { code: 'redirect.code_missing', mustMention: ['/v1/authorize', 'Log In'] },
  },
  {
    id: 'refresh-response-pasted-at-code-step',
    source: { url: 'https://github.com/wso2/product-apim/issues/7223', title: 'Grant type refresh token vs client credentials grant type' },
    class: 2,
    step: 'token-response',
    server: 'practice',
    input: tokenJson({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: TOKENS.AT_REFRESHED,
      scope: 'offline_access api:read',
      refresh_token: TOKENS.RT_A,
    }),
    cause:
      'The learner ran both commands before checking and pasted the refresh command\'s output in "Exchange the code" (adapted: the report confuses the responses of two grants; no public report of exactly this paste was found).',
    answer:
      'This response came from the refresh token grant at 10:35:05, not from exchanging your code (that happened at 10:14:05). Paste the output of the code exchange here, and keep this one for “Use the refresh token”.',
    expect: {
      code: null,
      proposedCode: 'access_token.from_refresh_grant',
      mustMention: ['refresh', 'Use the refresh token'],
      mustNotSay: ['not newer', 'expired'],
    },
    records:
      'Access token jti AT.Umd2iC… was issued at 10:35:05 by the refresh_token grant, from the refresh token issued by the code exchange at 10:14:05 (code tihN…); the token step has no passing attempt.',
    world: {
      app: { grantTypes: ['authorization_code', 'refresh_token'] },
      issued: [{ accessToken: TOKENS.AT_REFRESHED, grant: 'refresh_token' }],
    },
  },
  {
    id: 'redirect-iss-names-another-server',
    source: {
      url: 'https://github.com/punkpeye/mcp-remote/pull/360',
      title: 'fix(oauth): propagate RFC 9207 iss parameter to avoid IssuerMismatchError',
    },
    class: 2,
    step: 'redirect',
    server: 'practice',
    input: `http://localhost:3000/redirect?code=${CODES.e}&state=${STATE}&iss=https%3A%2F%2Fdev-4829115.okta.com%2Foauth2%2Fdefault`,
    cause:
      'The learner, who had registered the same redirect URI on their Okta app earlier, logged in through an Okta authorization URL from the browser history while the exercise is set to the practice server.',
    answer:
      'This redirect came from https://dev-4829115.okta.com/oauth2/default (its iss says so), but you chose the practice server, http://localhost:3000/oauth2/default: this code can only be exchanged at Okta. Log in with the Log In link of your checked URL in “Build the authorization URL” — or, to use Okta, choose it in “Choose your server” first.',
    expect: {
      code: null,
      proposedCode: 'redirect.iss_mismatch',
      mustMention: ['dev-4829115\\.okta\\.com', 'localhost:3000/oauth2/default'],
    },
    records:
      'Setup: practice server. The practice server issued no code with this value; the last checked URL (state wxdMg1…) was for http://localhost:3000/oauth2/default/v1/authorize.',
  },
  {
    id: 'decoded-payload-from-jwt-io-pasted',
    source: {
      url: 'https://github.com/jsonwebtoken/jsonwebtoken.github.io/issues/580',
      title: '"Invalid signature" message appears at the bottom of the screen, which can make it hard to see',
    },
    class: 2,
    step: 'token-response',
    server: 'practice',
    input: lines(
      '{',
      '  "ver": 1,',
      '  "jti": "AT.H0D8ktokFpR1CXnubPWC8tXX0o4YM13gWrxU0FYOD1M",',
      '  "iss": "http://localhost:3000/oauth2/default",',
      '  "aud": "api://default",',
      '  "iat": 1773137645,',
      '  "exp": 1773141245,',
      '  "cid": "0oa8f3k2EXAMPLE",',
      '  "uid": "00u5lq8vEXAMPLE",',
      '  "scp": [',
      '    "offline_access",',
      '    "api:read"',
      '  ],',
      '  "auth_time": 1773137605,',
      '  "sub": "learner@example.com"',
      '}',
    ),
    cause:
      'The learner decoded the access token on jwt.io and pasted the decoded payload (the claims) instead of the token response (adapted from a jwt.io usability report).',
    answer:
      'This is the decoded payload of an access token (its claims, as jwt.io shows them), not the token endpoint\'s response: the check needs the response itself, with "access_token" and "refresh_token". Paste what the curl command printed — the line starting {"token_type":"Bearer",…}.',
    expect: {
      code: null,
      proposedCode: 'json.decoded_token',
      mustMention: ['decoded|claims|payload', 'access_token'],
      mustNotSay: ['access_token is missing'],
    },
  },
  {
    id: 'auth0-opaque-userinfo-access-token',
    holdout: true,
    source: { url: 'https://github.com/auth0-samples/auth0-ios-swift-sample/issues/39', title: 'Access Token is not in JWT format.' },
    class: 2,
    step: 'token-response',
    server: 'auth0',
    input: tokenJson({
      access_token: TOKENS.AUTH0_AT,
      refresh_token: TOKENS.AUTH0_RT,
      id_token: TOKENS.ID_AUTH0,
      scope: 'openid profile email offline_access',
      expires_in: 86400,
      token_type: 'Bearer',
    }),
    cause: 'The authorization URL had no audience, so Auth0 issued an opaque access token meant only for its /userinfo endpoint.',
    answer:
      'Auth0 issued an opaque 32-character access token for its /userinfo endpoint because the authorization URL named no API. Create an API in the Auth0 Dashboard (or use an existing one), add audience=<its identifier> to the authorization URL, log in again and exchange the new code to get a JWT access token.',
    expect: { code: 'access_token.not_jwt', mustMention: ['audience'] },
  },
  {
    id: 'powershell-object-listing-pasted',
    source: { url: 'https://github.com/postmanlabs/postman-code-generators/pull/119', title: 'Update index.js' },
    class: 2,
    step: 'token-response',
    server: 'practice',
    input: lines(
      '',
      '',
      'token_type    : Bearer',
      'expires_in    : 3600',
      `access_token  : ${TOKENS.AT_CODE}`,
      'scope         : offline_access api:read',
      `refresh_token : ${TOKENS.RT_A}`,
      '',
      '',
    ),
    cause:
      "Invoke-RestMethod turned the JSON into a PowerShell object and printed its properties, so the learner pasted PowerShell's listing instead of JSON.",
    answer:
      "This is PowerShell's listing of the response (name : value), not the JSON the server sent. Run the request again with curl.exe, or pipe it: Invoke-RestMethod … | ConvertTo-Json, and paste that JSON.",
    expect: { code: 'json.powershell_output', mustMention: ['ConvertTo-Json|curl\\.exe'] },
  },
];
