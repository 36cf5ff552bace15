/**
 * The second holdout set, classes 5–8 (how and when they were collected: holdout-2.ts).
 * HOLDOUT RULE (see index.ts): run these only at the end, never while developing checks.
 */
import {
  AUTHORIZE_ENDPOINT,
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
const TOKEN_ENDPOINT = 'http://localhost:3000/oauth2/default/v1/token';
const INVALID_REFRESH = '{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}';
const ISS_PARAM = 'http%3A%2F%2Flocalhost%3A3000%2Foauth2%2Fdefault';

const KC_ISSUER = 'https://sso.cs.example.edu/realms/oauth-course';
const KC_SECRET = '9f3c2b7e-1d4a-4c8e-b2f6-7a5d0e9c3b18';
const KC_CODE = 'c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f.2b7d9e41-5c6a-4b8f-9e0d-1a2b3c4d5e6f.8e9f0a1b-2c3d-4e5f-6a7b-8c9d0e1f2a3b';
/** HS512 regular refresh token (typ Refresh, 30 minutes: exp = iat + 1800, no offline_access in its scope). */
const KC_RT_REFRESH =
  'eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImYxZTJkM2M0LWI1YTYtNDk3OC04YTliLTBjMWQyZTNmNGE1YiJ9.eyJleHAiOjE3NzMxMzk0NDUsImlhdCI6MTc3MzEzNzY0NSwianRpIjoiNGQzYzJiMWEtMGY5ZS00ZDhjLWI3YTYtNWY0ZTNkMmMxYjBhIiwiaXNzIjoiaHR0cHM6Ly9zc28uY3MuZXhhbXBsZS5lZHUvcmVhbG1zL29hdXRoLWNvdXJzZSIsImF1ZCI6Imh0dHBzOi8vc3NvLmNzLmV4YW1wbGUuZWR1L3JlYWxtcy9vYXV0aC1jb3Vyc2UiLCJzdWIiOiI3YzFlOWE1Mi0zYjRkLTRmNmUtOGE5Yi0wYzFkMmUzZjRhNWIiLCJ0eXAiOiJSZWZyZXNoIiwiYXpwIjoib2F1dGgtbGFiIiwic2lkIjoiMmI3ZDllNDEtNWM2YS00YjhmLTllMGQtMWEyYjNjNGQ1ZTZmIiwic2NvcGUiOiJwcm9maWxlIGVtYWlsIn0.CNxufMqQ7l4FbMYyPUy8jw9M-FuR_3MHvQH6AC7V6zr4iZu0Fnzs44RJEkuvR5YOfA5SO8XERcWo3rtIv2PLaA';

const OKTA_SECRET = 'kq7X2bLdE9vRtY4uW1zA8cN5mJ3hF6gP0sQxVbTe';
const OKTA_AUTHORIZE = 'https://dev-4829115.okta.com/oauth2/default/v1/authorize';

const AUTH0_CLIENT_ID = 'q9Xw3EXAMPLEaBcDeFgHiJkLmNoPqRsT';
const AUTH0_SECRET = 'Hq2vEXAMPLE9sLk3Jd8fG5aP1oW7zX4cV6bN0mQ2rT8yU3iO';
/** RS256 Auth0 access token of a login, for the API https://api.oauth-lab.example, scope read:photos only. */
const AUTH0_AT_NO_OFFLINE =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IlFrM01SamM0UXpRMVJrRTJSREJFUWpFMk1EZzRRelEwTlRBNU5VRTNNVGMifQ.eyJpc3MiOiJodHRwczovL2Rldi1rM3g3cTIudXMuYXV0aDAuY29tLyIsInN1YiI6ImF1dGgwfDY1ZjFjMGE5ZTRiMmQzZjZhN2M4YjlkMCIsImF1ZCI6Imh0dHBzOi8vYXBpLm9hdXRoLWxhYi5leGFtcGxlIiwiaWF0IjoxNzczMTM3NjQ1LCJleHAiOjE3NzMyMjQwNDUsInNjb3BlIjoicmVhZDpwaG90b3MiLCJhenAiOiJxOVh3M0VYQU1QTEVhQmNEZUZnSGlKa0xtTm9QcVJzVCJ9.rG-rSRsuKz8CQo43wl6rl3CUcuALp_S8tUOdq9EvOpu1Y9dQNL6pjzmyOr4I2bSbXzyQXRybh5Mes5jZ3fSdDuTeQ4dcuv8Kv1llfz3psmZE0ffzUGqrphSOdj9jE780tpHamjt2VbxfAqQ6-7L0nU2bibfTj7KZ-bUY2glcTwGMFzYSirxexN9oC3Zlxyv_kdmdSguIvEpKe_bQ_nSmu6EFn9pSlM2A-cM9ZJFkSnckVhDSvxul8LWHnKZzxMAhpEswjk-tbm-TGTkgeeSKd6NpKSA3CGVOGsmr0v_EKv-H3ZduPRsM24vT7cNZigsreQa5uO1FkMsamMKDSmWm4g';

/** A refresh token the practice server issued to My SPA (0oa5spa9EXAMPLE) in the SPA exercise. */
const RT_SPA = 'Vd7nwhSGlB3R1yn6Cjse4L-lp6MiqAK7TS-SNjzHWgM';
/** The secret generated in the practice console at 10:50:12 (40 base64url characters). */
const NEW_SECRET = 'BP1lflCn-XzNczfak1z_lqVP-xJxD05Qk5Ys8UdA';

/** A terminal's hard wrap: a line break every `width` characters, as tmux copies a long line. */
function hardWrap(text: string, width: number): string {
  const rows: string[] = [];
  for (let i = 0; i < text.length; i += width) rows.push(text.slice(i, i + width));
  return rows.join('\n');
}

export const HOLDOUT_2B: RealMistake[] = [
  // ── Class 5: hints that ask for what is there ──────────────────────────────────────
  {
    id: 'second-question-mark-hides-client-id',
    holdout: true,
    source: {
      url: 'https://github.com/caffeinehit/django-oauth2-provider/issues/139',
      title: 'django next url 【Error: invalid_request Missing client_id parameter.】',
    },
    class: 5,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(
      [
        ['client_id', CLIENT_ID],
        ['response_type', 'code'],
        ['scope', 'offline_access+api:read'],
        ['state', STATE],
        ['redirect_uri', REDIRECT_URI],
        ['code_challenge', PKCE.ok.challenge],
        ['code_challenge_method', 'S256'],
      ],
      `${AUTHORIZE_ENDPOINT}?`,
    ),
    cause:
      'The endpoint the learner typed already ended in "?" and the query they pasted began with "?client_id=…", so the URL has two question marks and the first parameter is named "?client_id".',
    answer:
      'client_id is there, but behind two question marks: …/v1/authorize??client_id=0oa8f3k2EXAMPLE. Everything after the first ? is the query, so the server reads a parameter named "?client_id" and no client_id. Delete one ? so the URL reads …/v1/authorize?client_id=0oa8f3k2EXAMPLE&response_type=code&…, and check it again.',
    expect: {
      code: null,
      proposedCode: 'url.double_question_mark',
      mustMention: ['\\?\\?|two question marks|second \\?|one \\?|extra \\?', 'client_id'],
      mustNotSay: ['add (a |the )?client_id', 'client_id is missing', 'missing client_id'],
    },
  },
  {
    id: 'single-quotes-send-literal-refresh-token-variable',
    holdout: true,
    source: { url: 'https://github.com/digitalocean/api-v2/issues/110', title: 'Use double quotes instead of single quotes' },
    class: 5,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      `${PROMPT}REFRESH_TOKEN=${TOKENS.RT_A}`,
      ...bashCommand(
        `curl -X POST ${TOKEN_ENDPOINT}`,
        [
          '-d grant_type=refresh_token',
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${CLIENT_SECRET}`,
          "-d 'refresh_token=$REFRESH_TOKEN'",
        ],
        PROMPT,
      ),
      `${INVALID_REFRESH}${PROMPT}`,
    ),
    cause:
      'The learner wrapped the refresh_token parameter in single quotes, so bash did not expand $REFRESH_TOKEN and the server received the 14-character text "$REFRESH_TOKEN".',
    answer:
      'Your command does send refresh_token — but its value is the literal text $REFRESH_TOKEN: bash does not expand variables inside single quotes. Use double quotes, -d "refresh_token=$REFRESH_TOKEN" (or none), run it again and paste the JSON. Your refresh token itself (XT1x1w…) was never sent, so it is still valid.',
    expect: {
      code: 'request.shell_quoting',
      mustMention: ['single.?quot|double.?quot', '\\$REFRESH_TOKEN'],
      mustNotSay: ['(has|is) expired', 'log in again', 'add (the )?refresh_token'],
    },
    records:
      'Refresh token XT1x1w… was issued at 10:14:05 and never used; the refresh request at 10:31:22 carried refresh_token="$REFRESH_TOKEN" (14 characters), which the server never issued.',
  },
  {
    id: 'keycloak-fragment-response-mode-code-after-hash',
    holdout: true,
    source: {
      url: 'https://github.com/keycloak/keycloak-community/issues/208',
      title: 'OIDC redirect uri not well formed when using fragment response_mode',
    },
    class: 5,
    step: 'redirect',
    server: 'keycloak',
    input: `${REDIRECT_URI}#state=${STATE}&session_state=2b7d9e41-5c6a-4b8f-9e0d-1a2b3c4d5e6f&iss=https%3A%2F%2Fsso.cs.example.edu%2Frealms%2Foauth-course&code=${KC_CODE}`,
    cause:
      'The learner copied response_mode=fragment from a keycloak-js example into the authorization URL, so Keycloak put state and code after # instead of in the query.',
    answer:
      'The code is in your redirect — after the #: …/redirect#state=…&code=c7d8e9f0-…. Your authorization URL asks for response_mode=fragment, so Keycloak returns the parameters in the fragment, which a server never receives. Remove response_mode=fragment from the authorization URL (the query is the default for the code flow), check it, log in again and paste the new redirect.',
    expect: {
      code: null,
      proposedCode: 'redirect.fragment',
      mustMention: ['fragment|#', 'response_mode'],
      mustNotSay: ['no code', 'code is missing', 'missing code'],
    },
    records: `The Keycloak URL checked at 09:47:15 has response_mode=fragment and state ${STATE}.`,
  },

  // ── Class 6: the root cause first ──────────────────────────────────────────────────
  {
    id: 'okta-access-token-sent-as-refresh-token',
    holdout: true,
    source: {
      url: 'https://github.com/intuit/QuickBooks-V3-PHP-SDK/issues/308',
      title: 'Getting invalid_grant when attempting to refresh token',
    },
    class: 6,
    step: 'refresh-response',
    server: 'okta',
    input: lines(
      ...bashCommand(
        'curl -X POST https://dev-4829115.okta.com/oauth2/default/v1/token',
        [
          '-d grant_type=refresh_token',
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${OKTA_SECRET}`,
          `-d refresh_token=${TOKENS.AT_OKTA}`,
        ],
        PROMPT,
      ),
      `${INVALID_REFRESH}${PROMPT}`,
    ),
    cause:
      "The learner's script saved the first response's two tokens in swapped variables, so the refresh request sent the access token (a JWT) as refresh_token; Okta's only answer is that the refresh token is invalid or expired.",
    answer:
      'Your refresh token has not expired — you did not send it. The refresh_token in your command is your access token: a JWT (eyJraWQi…) whose iss is https://dev-4829115.okta.com/oauth2/default. Send the refresh_token value of your first response instead (a short opaque string, not eyJ…), and paste the JSON.',
    expect: {
      code: 'response.error',
      mustMention: ['access.token|JWT|eyJ', 'refresh_token'],
      mustNotSay: ['(has|is) expired', 'log in again', 'revoked'],
    },
  },
  {
    id: 'okta-authorization-url-hard-wrapped-by-terminal',
    holdout: true,
    source: { url: 'https://github.com/anthropics/claude-code/issues/35311', title: 'Auth URL breaks when terminal wraps long lines' },
    class: 6,
    step: 'authorize-url',
    server: 'okta',
    input: hardWrap(authorizeUrl(goodParams(), OKTA_AUTHORIZE), 70),
    cause:
      'The learner printed the URL with echo in a 70-column tmux pane and copied it; the copy kept a line break every 70 characters — before "=code", inside the state value and inside the names code_challenge and code_challenge_method — so every later check sees damaged names and values.',
    answer:
      'Your URL has four line breaks in it: it was copied from a 70-column terminal, which cut it into five lines — between response_type and =code, inside the state value (wx|dMg1…), inside the names code_|challenge and code_challenge_m|ethod. What you typed is right: join the five lines into one, with no spaces (or copy the URL from a wider window), and check it again.',
    expect: {
      code: null,
      proposedCode: 'paste.wrapped',
      mustMention: ['line break|new ?line|wrapped|five lines|several lines', 'one line|join|single line'],
      mustNotSay: ['code_challenge (is )?(malformed|not 43)', 'state (is )?(weak|short)', 'unknown parameter'],
    },
  },
  {
    id: 'keycloak-issuer-with-auth-prefix-since-keycloak-17',
    holdout: true,
    source: {
      url: 'https://github.com/keycloak/keycloak/issues/10464',
      title: 'The `/auth` base path should be adjusted in v17 docs pages',
    },
    class: 6,
    step: 'setup',
    server: 'keycloak',
    input: { issuer: 'https://sso.cs.example.edu/auth/realms/oauth-course', clientId: 'oauth-lab' },
    cause:
      'The learner followed an older Keycloak tutorial that puts /auth before /realms; since Keycloak 17 the default paths have no /auth, so nothing answers there (404) and no metadata is found.',
    answer:
      'Nothing answers at https://sso.cs.example.edu/auth/realms/oauth-course: since Keycloak 17 the URLs have no /auth prefix (your tutorial is older). Your issuer is https://sso.cs.example.edu/realms/oauth-course — its metadata is at …/realms/oauth-course/.well-known/openid-configuration. Enter that.',
    expect: {
      code: 'issuer.no_metadata',
      mustMention: ['/auth', 'https://sso\\.cs\\.example\\.edu/realms/oauth-course'],
      mustNotSay: ['unreachable|firewall|server (is|may be) down', 'realm name'],
    },
  },

  // ── Class 7: the lab's records settle it ───────────────────────────────────────────
  {
    id: 'secret-regenerated-in-console-after-copying',
    holdout: true,
    source: { url: 'https://github.com/abhishekmj303/ytm2spt/issues/15', title: 'secret Client ID problem' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        `curl -X POST ${TOKEN_ENDPOINT}`,
        [
          '-d grant_type=authorization_code',
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${CLIENT_SECRET}`,
          `-d code_verifier=${PKCE.ok.verifier}`,
          `-d code=${CODES.d}`,
        ],
        PROMPT,
      ),
      `{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}${PROMPT}`,
    ),
    cause:
      'While looking at My Web App in the practice console the learner clicked "Generate new secret" at 10:50:12; the command still holds the secret copied earlier, which no longer authenticates (adapted: in the report an old secret kept in a cache file after rotating it).',
    answer:
      'Your client secret was right until 10:50:12, when a new secret was generated for My Web App in the practice console; the command still sends the old one (vSsar370…). Copy the current secret (BP1lflCn…) from the console, put it in -d client_secret=…, and run the exchange again — the code was not used and stays valid until 10:54:30; after that, log in again first.',
    expect: {
      code: 'response.error',
      mustMention: ['10:50|new secret|regenerated|generated', 'BP1lflCn|current secret'],
      mustNotSay: ['client_id (is )?wrong', 'code (has |is )?(expired|already)'],
    },
    records: `App My Web App (0oa8f3k2EXAMPLE): client secret regenerated at 10:50:12 (vSsar370… until then, ${NEW_SECRET.slice(0, 8)}… since). Code MJHTOd… was issued at 10:49:30 to this client and not exchanged; the exchange at 10:51:02 failed client authentication with the previous secret.`,
  },
  {
    id: 'refresh-token-of-the-spa-app',
    holdout: true,
    source: { url: 'https://github.com/thephpleague/oauth2-server/issues/1101', title: 'Refresh a token from a different client' },
    class: 7,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        `curl -X POST ${TOKEN_ENDPOINT}`,
        ['-d grant_type=refresh_token', `-d client_id=${CLIENT_ID}`, `-d client_secret=${CLIENT_SECRET}`, `-d refresh_token=${RT_SPA}`],
        PROMPT,
      ),
      `${INVALID_REFRESH}${PROMPT}`,
    ),
    cause:
      "The learner copied the refresh token from the SPA exercise's terminal (issued to My SPA) and refreshed it as My Web App; a refresh token only works for the client it was issued to.",
    answer:
      "This refresh token is valid, but it belongs to your other practice app, My SPA (0oa5spa9EXAMPLE): it was issued at 09:41:18 in the SPA exercise. You refreshed it as My Web App (0oa8f3k2EXAMPLE), and a refresh token works only for the client it was issued to. Use the refresh token of this exercise's first response (XT1x1w…, from “Exchange the code”) and paste the JSON.",
    expect: {
      code: 'response.error',
      mustMention: ['0oa5spa9EXAMPLE|My SPA', 'XT1x1w|Exchange the code|first response'],
      mustNotSay: ['(has|is) expired', 'log in again', 'rotat'],
    },
    records: `Refresh token ${RT_SPA.slice(0, 6)}… was issued at 09:41:18 to client 0oa5spa9EXAMPLE (My SPA) and is active. This exercise's refresh token XT1x1w… (0oa8f3k2EXAMPLE, issued 10:14:05) has not been used. The refresh at 10:33:40 authenticated as 0oa8f3k2EXAMPLE and failed with "client mismatch".`,
  },
  {
    id: 'redirect-reopened-from-history-code-already-exchanged',
    holdout: true,
    source: {
      url: 'https://github.com/jumbojett/OpenID-Connect-PHP/issues/366',
      title: 'Keycloak CODE_TO_TOKEN_ERROR doing a Browser reload',
    },
    class: 7,
    step: 'redirect',
    server: 'practice',
    input: `${REDIRECT_URI}?code=${CODES.b}&state=${STATE}&iss=${ISS_PARAM}`,
    cause:
      'To redo the exchange the learner reopened the redirect page from the browser history and pasted it again; its code was exchanged at 10:14:05 (adapted: in the report a reloaded callback page sent its code a second time).',
    answer:
      'This redirect is an old one: its code (OLfudo…) was issued at 10:13:48 and already exchanged at 10:14:05 — you reopened the page from the browser history. A code works once. Click Log In under your checked URL in “Build the authorization URL” to get a new code, and paste that redirect.',
    expect: {
      code: null,
      proposedCode: 'redirect.code_already_used',
      mustMention: ['already (been )?(used|exchanged)|10:14', 'Log In'],
      mustNotSay: ["state (does not|doesn't) match", 'attack|forged'],
    },
    records: `Checked URL at 10:13:30 with state ${STATE} (the latest). Code OLfudo… was issued at 10:13:48 to that request and exchanged successfully at 10:14:05; this redirect was pasted again at 10:52:10.`,
  },

  // ── Class 8: other steps named by their titles ─────────────────────────────────────
  {
    id: 'okta-user-not-assigned-to-app',
    holdout: true,
    source: {
      url: 'https://github.com/okta/samples-js-vue/issues/118',
      title: 'OAuthError: User is not assigned to the client application.',
    },
    class: 8,
    step: 'redirect',
    server: 'okta',
    input: `${REDIRECT_URI}?state=${STATE}&error=access_denied&error_description=User+is+not+assigned+to+the+client+application.`,
    cause:
      "The learner's Okta user is not assigned to the app (new Okta orgs no longer assign Everyone by default), so Okta refused the login; the answer must send them back to the Log In link by the step's title.",
    answer:
      'Okta refused the login: your user is not assigned to this app (error=access_denied). In the Okta Admin Console open Applications → your app → Assignments → Assign → Assign to People (or to the Everyone group); then go back to “Build the authorization URL”, click Log In under your checked URL, and paste the new redirect here.',
    expect: {
      code: 'redirect.error',
      mustMention: ['assign', 'Build the authorization URL'],
      mustNotSay: ['step \\d'],
    },
  },
  {
    id: 'auth0-api-offline-access-off-no-refresh-token',
    holdout: true,
    source: {
      url: 'https://github.com/auth0/react-native-auth0/issues/279',
      title: 'No refresh_token when using offline_access and no way to add device as a field',
    },
    class: 8,
    step: 'token-response',
    server: 'auth0',
    input: lines(
      `${PROMPT}curl --request POST --url https://dev-k3x7q2.us.auth0.com/oauth/token --header 'content-type: application/x-www-form-urlencoded' --data grant_type=authorization_code --data client_id=${AUTH0_CLIENT_ID} --data client_secret=${AUTH0_SECRET} --data code_verifier=${PKCE.ok.verifier} --data code=${CODES.f} --data redirect_uri=${REDIRECT_URI}`,
      `${tokenJson({ access_token: AUTH0_AT_NO_OFFLINE, scope: 'read:photos', expires_in: 86400, token_type: 'Bearer' })}${PROMPT}`,
    ),
    cause:
      'The learner asked for offline_access in the URL, but Allow Offline Access is off on their Auth0 API, so Auth0 dropped offline_access and issued no refresh token; the fix belongs to the enabling step, which the answer must name by its title.',
    answer:
      'No refresh token: Auth0 granted only read:photos and dropped offline_access, because your API (https://api.oauth-lab.example) does not allow offline access. In the Auth0 Dashboard open Applications → APIs → your API → Settings, turn on Allow Offline Access and save (that is “Enable refresh tokens” for Auth0); then log in again with the Log In link of “Build the authorization URL” and exchange the new code.',
    expect: {
      code: 'refresh_token.missing',
      mustMention: ['Allow Offline Access', 'Enable refresh tokens'],
      mustNotSay: ['step \\d', 'add offline_access'],
    },
    records: 'The Auth0 URL checked at 11:20:04 has scope=offline_access+read:photos and audience=https://api.oauth-lab.example.',
  },
  {
    id: 'keycloak-refresh-after-sso-session-idle',
    holdout: true,
    source: {
      url: 'https://github.com/bluedotimpact/bluedot/issues/751',
      title: 'Refresh token cannot rehydrate from Keycloak if access token is expired',
    },
    class: 8,
    step: 'refresh-response',
    server: 'keycloak',
    input: lines(
      ...bashCommand(
        `curl -X POST ${KC_ISSUER}/protocol/openid-connect/token`,
        ['-d grant_type=refresh_token', '-d client_id=oauth-lab', `-d client_secret=${KC_SECRET}`, `-d refresh_token=${KC_RT_REFRESH}`],
        PROMPT,
      ),
      `{"error":"invalid_grant","error_description":"Session not active"}${PROMPT}`,
    ),
    cause:
      "The learner's user lacks Keycloak's offline_access role, so the first response had a regular refresh token (typ Refresh, 30 minutes); they ran the refresh 47 minutes later, after SSO Session Idle had ended the login session the token belongs to.",
    answer:
      "Keycloak ended the login session behind this refresh token: it is a regular refresh token (typ Refresh, valid 30 minutes — its scope has no offline_access), and you used it 47 minutes after logging in, past the realm's SSO Session Idle of 30 minutes. Log in again from “Build the authorization URL”, exchange the code in “Exchange the code”, and run the refresh within 30 minutes. For a refresh token that outlives the session, give your user the offline_access role (Users → your user → Role mapping) before logging in.",
    expect: {
      code: 'response.error',
      mustMention: ['Build the authorization URL|Exchange the code', 'session'],
      mustNotSay: ['step \\d', 'client secret'],
    },
  },
];
