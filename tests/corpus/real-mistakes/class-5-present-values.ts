/** Class 5: the value a generic hint would ask for is there — too short, cut off, in the wrong place or misspelt. */
import {
  authorizeUrl,
  bashCommand,
  CLIENT_ID,
  CLIENT_SECRET,
  CODES,
  goodParams,
  lines,
  PKCE,
  REDIRECT_URI,
  STATE,
  TOKENS,
  tokenJson,
} from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const OKTA_TOKEN = 'https://dev-4829115.okta.com/oauth2/default/v1/token';
const exchange = (endpoint: string, over: Record<string, string> = {}) => {
  const params: Record<string, string> = {
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    code_verifier: PKCE.ok.verifier,
    code: CODES.a,
    ...over,
  };
  const options = Object.entries(params).map(([k, v]) => (k === 'redirect_uri' ? `--data-urlencode ${k}=${v}` : `-d ${k}=${v}`));
  return bashCommand(`curl -X POST ${endpoint}`, options, PROMPT);
};

export const CLASS_5: RealMistake[] = [
  {
    id: 'verifier-is-a-36-character-uuid',
    holdout: true,
    source: { url: 'https://github.com/medplum/medplum/issues/5240', title: 'Reduce length of PKCE code verifier' },
    class: 5,
    step: 'token-response',
    server: 'okta',
    input: lines(
      ...exchange(OKTA_TOKEN, { code_verifier: PKCE.uuid.verifier, code: CODES.b }),
      `{"error":"invalid_grant","error_description":"PKCE verification failed: The code_verifier must have a minimum length of 43 characters and a maximum length of 128 characters.."}${PROMPT}`,
    ),
    cause: 'The learner used a UUID (36 characters) as the code verifier; Okta requires 43 to 128 characters.',
    answer:
      'Your code_verifier is there, but it is a UUID of 36 characters and a verifier must be 43 to 128. Generate a new one (Generate Random String gives 43), compute its challenge, check the new authorization URL, log in again and exchange the new code with that verifier — the old code is bound to the old challenge.',
    expect: {
      code: 'response.error',
      mustMention: ['36', '43'],
      mustNotSay: ['add (a |the )?code_verifier', 'code_verifier is missing'],
    },
  },
  {
    id: 'redirect-uri-with-hash-route-cuts-the-rest',
    holdout: true,
    source: {
      url: 'https://github.com/IdentityServer/IdentityServer3/issues/1281',
      title: 'IdentityServer 3 strips out the # from AngularJS app URL',
    },
    class: 5,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ redirect_uri: 'http://localhost:3000/#/redirect' })),
    cause:
      "The learner used their Angular app's hash route http://localhost:3000/#/redirect as redirect_uri, unencoded; the # starts the fragment, so /redirect, code_challenge and code_challenge_method are never sent.",
    answer:
      'code_challenge and code_challenge_method are in your URL, but after the "#" of redirect_uri=http://localhost:3000/#/redirect — and everything after a # is a fragment the browser never sends. A redirect URI may not contain a fragment anyway: use redirect_uri=http://localhost:3000/redirect.',
    expect: {
      code: null,
      proposedCode: 'redirect_uri.contains_fragment',
      mustMention: ['#', 'redirect_uri'],
      mustNotSay: ['add (a |the )?code_challenge', 'code_challenge is missing'],
    },
  },
  {
    id: 'offline-access-requested-but-grant-off',
    source: { url: 'https://github.com/bshaffer/oauth2-demo-php/issues/45', title: 'How to get the new acces token with refresh token' },
    class: 5,
    step: 'token-response',
    server: 'practice',
    input: tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_NOOFFLINE, scope: 'api:read' }),
    cause: "The learner's URL asked for offline_access, but the app's Refresh Token grant is still unticked in the practice console.",
    answer:
      'No refresh token, and not because of your URL — it asked for offline_access. Your app does not allow the Refresh Token grant: in the practice console, click Edit, tick Refresh Token, Save; then log in again with the Log In link and exchange the new code.',
    expect: {
      code: 'refresh_token.grant_not_enabled',
      mustMention: ['Refresh Token', 'practice console'],
      mustNotSay: ['add offline_access', 'request offline_access'],
    },
    records:
      "App grantTypes: [authorization_code]; the checked URL and the login's authorization request both had scope=offline_access+api:read.",
    world: { app: { grantTypes: ['authorization_code'] } },
  },
  {
    id: 'client-secret-placeholder-still-in-command',
    source: {
      url: 'https://support.okta.com/help/s/article/invalid-client-error-returned-during-client-authentication-failure',
      title: 'Invalid_Client Error Returned When Requesting OAuth Token(s)',
    },
    class: 5,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...exchange('http://localhost:3000/oauth2/default/v1/token', { client_secret: 'YOUR_CLIENT_SECRET', code: CODES.c }),
      `{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}${PROMPT}`,
    ),
    cause: "The learner ran the ready command without replacing the placeholder YOUR_CLIENT_SECRET with the app's secret.",
    answer:
      'The command still sends client_secret=YOUR_CLIENT_SECRET, the placeholder. Copy the Client secret from the practice console (reveal, then copy) into that line — or fill it in on the page so the command includes it — and run the exchange again; the code is still unused.',
    expect: {
      code: 'paste.placeholder',
      mustMention: ['YOUR_CLIENT_SECRET'],
      mustNotSay: ['add (a |the )?client_secret', 'client_secret is missing'],
    },
  },
  {
    id: 'encoded-ampersand-glues-state-into-redirect-uri',
    source: { url: 'https://github.com/okta/samples-nodejs-express-4/issues/127', title: 'redirect_uri is missing query string' },
    class: 5,
    step: 'authorize-url',
    server: 'okta',
    input: authorizeUrl(
      [
        ['response_type', 'code'],
        ['scope', 'offline_access+openid'],
        ['client_id', CLIENT_ID],
        ['redirect_uri', `http%3A%2F%2Flocalhost%3A3000%2Fredirect%26state%3D${STATE}`],
        ['code_challenge', PKCE.ok.challenge],
        ['code_challenge_method', 'S256'],
      ],
      'https://dev-4829115.okta.com/oauth2/default/v1/authorize',
    ),
    cause:
      'The learner URL-encoded "redirect_uri&state=…" as one value, so the & became %26 and the state is part of the redirect URI instead of a parameter of its own.',
    answer: `Your state is in the URL, but inside redirect_uri: "%26state%3D${STATE}" is an encoded "&state=", so redirect_uri reads http://localhost:3000/redirect&state=${STATE}. Encode only the redirect URI and write a real & before state: redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fredirect&state=${STATE}.`,
    expect: {
      code: null,
      proposedCode: 'param.encoded_separator',
      mustMention: ['%26', 'state'],
      mustNotSay: ['add (a )?state', 'state is missing'],
    },
  },
  {
    id: 'keycloak-redirect-uri-trailing-slash-at-token',
    source: {
      url: 'https://github.com/marcospereirampj/python-keycloak/issues/207',
      title: 'can not get the token back by exchanging the code.',
    },
    class: 5,
    step: 'token-response',
    server: 'keycloak',
    input: lines(
      ...exchange('https://sso.cs.example.edu/realms/oauth-course/protocol/openid-connect/token', {
        client_id: 'oauth-lab',
        client_secret: 'Zt8Qm3Lw0pK5vR2nX7cY4bH9dF1gJ6sA',
        redirect_uri: 'http://localhost:3000/redirect/',
        code: '8f1d2c3b-4a5e-46f7-9b8c-0d1e2f3a4b5c.6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d.9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
      }),
      `{"error":"invalid_grant","error_description":"Incorrect redirect_uri"}${PROMPT}`,
    ),
    cause:
      'The token request sends redirect_uri=http://localhost:3000/redirect/ (trailing slash) while the authorization request used http://localhost:3000/redirect.',
    answer:
      "redirect_uri is in your command, but it differs from the one in the authorization URL: you send http://localhost:3000/redirect/ with a trailing slash, the login used http://localhost:3000/redirect. Remove the slash and run the exchange again with a fresh code (log in again if this one is older than Keycloak's code lifespan, 1 minute by default).",
    expect: {
      code: 'response.error',
      mustMention: ['redirect/', 'trailing slash'],
      mustNotSay: ['add .*redirect_uri', 'register'],
    },
    records: 'The checked authorization URL had redirect_uri=http://localhost:3000/redirect.',
  },
  {
    id: 'auth0-offline-access-sent-to-token-endpoint',
    holdout: true,
    source: { url: 'https://github.com/auth0/Auth0.swift/issues/193', title: 'refreshToken is nil :((' },
    class: 5,
    step: 'token-response',
    server: 'auth0',
    input: lines(
      `${PROMPT}curl --request POST --url https://dev-k3x7q2.us.auth0.com/oauth/token --header 'content-type: application/x-www-form-urlencoded' --data grant_type=authorization_code --data client_id=q9Xw3EXAMPLEaBcDeFgHiJkLmNoPqRsT --data client_secret=Hq2vEXAMPLE9sLk3Jd8fG5aP1oW7zX4cV6bN0mQ2rT8yU3iO --data code_verifier=${PKCE.ok.verifier} --data code=${CODES.d} --data redirect_uri=${REDIRECT_URI} --data scope=offline_access`,
      `${tokenJson({ access_token: TOKENS.AUTH0_JWT_AT, id_token: TOKENS.ID_AUTH0, scope: 'openid profile email', expires_in: 86400, token_type: 'Bearer' })}${PROMPT}`,
    ),
    cause:
      'The learner asked for offline_access in the token request (--data scope=offline_access) instead of in the authorization URL, where Auth0 reads it for the code grant.',
    answer:
      'You did ask for offline_access — but in the token request, where the code grant ignores it; Auth0 only grants it when the authorization URL (/authorize) asks for it, and only if the API has Allow Offline Access on. Turn that on (Dashboard → APIs → your API → Settings), add offline_access to the scope of the authorization URL, log in again and exchange the new code.',
    expect: {
      code: 'refresh_token.missing',
      mustMention: ['authorization URL|/authorize', 'Allow Offline Access'],
    },
  },
  {
    id: 'raw-space-between-scopes',
    source: {
      url: 'https://support.okta.com/help/s/article/how-to-retrieve-a-refresh-token-when-authenticating-and-the-flows-that-are-supported',
      title: 'How to retrieve a refresh token when authenticating, and the flows that are supported',
    },
    class: 5,
    step: 'authorize-url',
    server: 'okta',
    input: authorizeUrl(goodParams({ scope: 'openid offline_access' }), 'https://dev-4829115.okta.com/oauth2/default/v1/authorize'),
    cause:
      'The learner copied the scope from an Okta support article that shows it with a plain space ("openid offline_access"); spaces are removed from a pasted URL, which joins the two scopes into one.',
    answer:
      'offline_access is in your scope, but separated from openid by a plain space, and a URL cannot contain one (the page removes spaces from what you paste, which makes "openidoffline_access"). Write the space as +: scope=openid+offline_access.',
    expect: {
      code: null,
      proposedCode: 'scope.raw_space',
      mustMention: ['\\+|%20', 'space'],
      mustNotSay: ['add offline_access', 'offline_access is missing'],
    },
  },
  {
    id: 'refresh-grant-written-with-a-hyphen',
    source: {
      url: 'https://github.com/FriendsOfSymfony/FOSOAuthServerBundle/issues/246',
      title: 'Client has password and refresh-token but cannot refresh',
    },
    class: 5,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/token',
        [
          '-d grant_type=refresh-token',
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${CLIENT_SECRET}`,
          `-d refresh_token=${TOKENS.RT_A}`,
        ],
        PROMPT,
      ),
      `{"error":"unsupported_grant_type","error_description":"The authorization grant type is not supported by the authorization server."}${PROMPT}`,
    ),
    cause: 'The learner typed grant_type=refresh-token (hyphen); the grant type is refresh_token (underscore).',
    answer:
      'grant_type is there but misspelt: "refresh-token" with a hyphen. It is refresh_token with an underscore — fix that line and run the command again; your refresh token is fine.',
    expect: {
      code: 'response.error',
      mustMention: ['refresh-token', 'refresh_token'],
      mustNotSay: ['add (a |the )?grant_type', 'tick Refresh Token'],
    },
  },
];
