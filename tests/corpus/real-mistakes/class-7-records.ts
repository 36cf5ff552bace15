/** Class 7: the practice server's records settle what its one-line error cannot say. */
import { bashCommand, CLIENT_ID, CLIENT_SECRET, CODES, lines, PKCE, REDIRECT_URI, STATE, STATE_OLD, TOKENS, tokenJson } from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const INVALID_CODE = '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';
const exchange = (code: string, verifier = PKCE.ok.verifier) =>
  bashCommand(
    'curl -X POST http://localhost:3000/oauth2/default/v1/token',
    [
      '-d grant_type=authorization_code',
      `--data-urlencode redirect_uri=${REDIRECT_URI}`,
      `-d client_id=${CLIENT_ID}`,
      `-d client_secret=${CLIENT_SECRET}`,
      `-d code_verifier=${verifier}`,
      `-d code=${code}`,
    ],
    PROMPT,
  );

export const CLASS_7: RealMistake[] = [
  {
    id: 'code-issued-to-the-spa-exchanged-by-the-web-app',
    holdout: true,
    source: {
      url: 'https://github.com/oauthjs/node-oauth2-server/issues/448',
      title: 'Access Token Request authorization_code, invalid_grant v3',
    },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(...exchange(CODES.c), `${INVALID_CODE}${PROMPT}`),
    cause:
      "The learner logged in with the authorization URL of the SPA exercise (client My SPA) and exchanged that code with My Web App's client ID and secret.",
    answer:
      "This code was issued to your other practice app, My SPA (0oa5spa9EXAMPLE), but you exchanged it as My Web App (0oa8f3k2EXAMPLE): a code only works for the client it was issued to. Log in with the Log In link of this exercise's checked URL (client_id=0oa8f3k2EXAMPLE) and exchange that code.",
    expect: {
      code: 'response.error',
      mustMention: ['0oa5spa9EXAMPLE|My SPA', '0oa8f3k2EXAMPLE|My Web App'],
      mustNotSay: ['expired', 'already (used|exchanged)'],
    },
    records:
      'Code 4wTHvU… was issued at 10:41:07 to client 0oa5spa9EXAMPLE (My SPA) for redirect_uri http://localhost:3000/redirect; the exchange at 10:41:30 authenticated as 0oa8f3k2EXAMPLE (My Web App) and failed with "client mismatch".',
  },
  {
    id: 'code-exchanged-twice',
    holdout: true,
    source: { url: 'https://github.com/discord/discord-api-docs/issues/2027', title: 'OAuth2 Invalid "code" in request' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(...exchange(CODES.a), `${INVALID_CODE}${PROMPT}`),
    cause:
      'The learner ran the exchange twice (the first output scrolled away); the code is single-use, and the second use also revoked what the first one issued.',
    answer:
      'You already exchanged this code, at 14:03:12 — that run succeeded (its output is above in your terminal). Codes are single-use, and using it again at 14:03:40 revoked the tokens of the first run. Click Log In again, exchange the new code once, and paste that output.',
    expect: {
      code: 'response.error',
      mustMention: ['already|twice|14:03:12', 'log in again'],
      mustNotSay: ['expired', 'redirect_uri'],
    },
    records:
      "Code tihNWm… was issued at 14:02:58 and exchanged successfully at 14:03:12 (access and refresh token issued); a second exchange at 14:03:40 hit the consumed code and revoked that grant's refresh token.",
  },
  {
    id: 'code-expired-after-five-minutes',
    source: { url: 'https://github.com/FusionAuth/fusionauth-issues/issues/211', title: 'Getting OAuth token (JWT)' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(...exchange(CODES.b), `${INVALID_CODE}${PROMPT}`),
    cause: 'The learner exchanged the code 7 minutes 43 seconds after it was issued; practice codes expire after 5 minutes.',
    answer:
      'This code was issued at 09:12:05 and you exchanged it at 09:19:48 — 7 min 43 s later, and codes expire after 5 minutes. Click Log In again and run the exchange within 5 minutes (the command on “Exchange the code” fills in the new code for you).',
    expect: {
      code: 'response.error',
      mustMention: ['5 minutes', '7 min'],
      mustNotSay: ['already (used|exchanged)', 'client secret'],
    },
    records: 'Code OLfudo… was issued at 09:12:05, never exchanged; the failed exchange arrived at 09:19:48.',
    world: { now: '2026-03-10T09:19:48Z', code: { value: CODES.b, issuedAt: '2026-03-10T09:12:05Z' } },
  },
  {
    id: 'login-came-from-an-older-url-without-offline-access',
    source: { url: 'https://github.com/auth0/Auth0.swift/issues/193', title: 'refreshToken is nil :((' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_NOOFFLINE, scope: 'api:read' }),
    cause:
      'The learner logged in by reopening an older authorization URL from the browser history (scope=api:read) instead of the checked one with offline_access (adapted: in the report the granted scope likewise lacked offline_access).',
    answer:
      'Your checked URL asks for offline_access+api:read, but the login that produced this code asked only for scope=api:read — it came from an older URL (state XJXzRuaE…) reopened from the browser history. Log in with the Log In link of “Build the authorization URL” and exchange that code.',
    expect: {
      code: null,
      proposedCode: 'refresh_token.login_without_offline_access',
      mustMention: ['api:read', 'Log In'],
      mustNotSay: ['tick Refresh Token', 'add offline_access'],
    },
    records: `Checked URL at 10:22:40: scope=offline_access+api:read, state ${STATE}. The code exchanged at 10:24:30 was issued at 10:24:05 to an authorization request with scope=api:read and state ${STATE_OLD}. App grantTypes include refresh_token.`,
    world: {
      now: '2026-03-10T10:24:40Z',
      app: { grantTypes: ['authorization_code', 'refresh_token'] },
      checkedUrls: [{ at: '2026-03-10T10:22:40Z', state: STATE, scopes: ['offline_access', 'api:read'], codeChallenge: PKCE.ok.challenge }],
      issued: [{ accessToken: TOKENS.AT_NOOFFLINE, grant: 'authorization_code' }],
    },
  },
  {
    id: 'rotated-refresh-token-used-again',
    source: {
      url: 'https://github.com/django-oauth/django-oauth-toolkit/issues/1342',
      title: 'Refresh token, report error: {"error": "invalid_grant"}',
    },
    class: 7,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/token',
        [
          '-d grant_type=refresh_token',
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${CLIENT_SECRET}`,
          `-d refresh_token=${TOKENS.RT_A}`,
        ],
        PROMPT,
      ),
      `{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}${PROMPT}`,
    ),
    cause:
      'With rotation turned on, the learner reused the refresh token they had already exchanged at 15:20:03 instead of the new one it returned; reuse revoked the whole family.',
    answer:
      'Your app rotates refresh tokens, and this one was already used at 15:20:03 — that call returned a new refresh token (VW9jtasg…), which is the one to use next. Reusing the old one made the server revoke both, as rotation is meant to. Log in again, exchange the code, and then always refresh with the newest refresh_token.',
    expect: {
      code: 'response.error',
      mustMention: ['rotat', '15:20:03'],
      mustNotSay: ['expired', 'client secret'],
    },
    records:
      'App refreshTokenRotation: rotate (switched on for the extra credit). Refresh token XT1x1w… was exchanged at 15:20:03, returning VW9jta…; its reuse at 15:26:44 revoked the family (both tokens).',
    world: {
      now: '2026-03-10T15:26:50Z',
      app: { grantTypes: ['authorization_code', 'refresh_token'], rotation: 'rotate' },
      refreshes: ['2026-03-10T15:20:03Z'],
      revokedRefreshTokens: [TOKENS.RT_A, TOKENS.RT_B],
    },
  },
  {
    id: 'redirect-from-the-previous-checked-url',
    source: { url: 'https://github.com/NUWCDIVNPT/stig-manager/issues/1802', title: 'Error: State mismatch' },
    class: 7,
    step: 'redirect',
    server: 'practice',
    input: `http://localhost:3000/redirect?code=${CODES.f}&state=${STATE_OLD}&iss=http%3A%2F%2Flocalhost%3A3000%2Foauth2%2Fdefault`,
    cause:
      'The learner logged in through the Log In link of the URL checked at 10:05:31, still open in another tab, after checking a corrected URL at 10:09:12.',
    answer:
      'This state belongs to the URL you checked at 10:05:31, not to your latest one (10:09:12) — you logged in from the older tab. Click Log In under your latest checked URL and paste the redirect you get.',
    expect: {
      code: 'redirect.state_mismatch',
      mustMention: ['10:05', 'Log In'],
      mustNotSay: ['attack|forged'],
    },
    records: `Checked URLs: 10:05:31 with state ${STATE_OLD}, 10:09:12 with state ${STATE} (the latest). The practice server issued code TywCTC… at 10:10:02 to the request with state ${STATE_OLD}.`,
    world: {
      checkedUrls: [
        { at: '2026-03-10T10:05:31Z', state: STATE_OLD, scopes: ['offline_access', 'api:read'] },
        { at: '2026-03-10T10:09:12Z', state: STATE, scopes: ['offline_access', 'api:read'] },
      ],
    },
  },
  {
    id: 'second-token-from-a-new-login-not-a-refresh',
    source: {
      url: 'https://github.com/okta/okta-react-native/issues/109',
      title: 'Error: Error fetching fresh tokens: invalid_grant: The refresh token is invalid or expired.',
    },
    class: 7,
    step: 'refresh-response',
    server: 'practice',
    input: tokenJson({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: TOKENS.AT_NEWLOGIN,
      scope: 'offline_access api:read',
      refresh_token: TOKENS.RT_C,
    }),
    cause:
      'After a failed refresh attempt the learner logged in again and exchanged a new code, then pasted that response here (adapted: the report is a refresh that failed, after which users sign in again).',
    answer:
      'This access token comes from a new login at 11:03 (authorization code grant), not from your refresh token: the point of this step is to get a new access token without logging in. Run the refresh command — grant_type=refresh_token with the refresh token from “Exchange the code” — and paste its output.',
    expect: {
      code: 'refresh.not_from_refresh_grant',
      mustMention: ['new login|logged in again|authorization code', 'grant_type=refresh_token|refresh command'],
    },
    records:
      'Access token AT.h8Vo4D… was issued at 11:03:05 by the authorization_code grant (login at 11:03:00); the first response passed at 10:14:05; no refresh_token grant succeeded since.',
    world: {
      app: { grantTypes: ['authorization_code', 'refresh_token'] },
      issued: [
        { accessToken: TOKENS.AT_CODE, grant: 'authorization_code' },
        { accessToken: TOKENS.AT_NEWLOGIN, grant: 'authorization_code' },
      ],
    },
  },
  {
    id: 'verifier-from-the-earlier-attempt',
    source: { url: 'https://github.com/okta/okta-oidc-js/issues/804', title: 'PKCE Code Verification Failure on Authentication' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...exchange(CODES.e, PKCE.older.verifier),
      `{"error":"invalid_grant","error_description":"PKCE verification failed."}${PROMPT}`,
    ),
    cause:
      'The learner built a second authorization URL with a new verifier/challenge but kept the verifier of the first attempt in their notes and sent it.',
    answer:
      'The code_verifier you sent belongs to your earlier attempt: it matches the challenge of the URL you checked at 10:12:03, but this code came from the URL checked at 10:19:40, whose challenge is 2Y2q62ig…. Send the verifier generated together with that URL (shown in “Build the authorization URL”) — the code is still valid for 5 minutes.',
    expect: {
      code: 'response.error',
      mustMention: ['10:12|earlier|previous', 'verifier'],
      mustNotSay: ['add .*code_verifier', 'code_verifier is missing'],
    },
    records: `Checked URLs: 10:12:03 with code_challenge ${PKCE.older.challenge}, 10:19:40 with code_challenge ${PKCE.newer.challenge} (the login that issued code 0CF7pR…). base64url(sha256(sent verifier)) = ${PKCE.older.challenge}.`,
    world: {
      // The login right after the 10:19:40 check issued the code (its time is not in the records).
      now: '2026-03-10T10:21:05Z',
      checkedUrls: [
        { at: '2026-03-10T10:12:03Z', state: STATE_OLD, scopes: ['offline_access', 'api:read'], codeChallenge: PKCE.older.challenge },
        { at: '2026-03-10T10:19:40Z', state: STATE, scopes: ['offline_access', 'api:read'], codeChallenge: PKCE.newer.challenge },
      ],
      code: {
        value: CODES.e,
        issuedAt: '2026-03-10T10:19:52Z',
        scopes: ['offline_access', 'api:read'],
        codeChallenge: PKCE.newer.challenge,
      },
    },
  },
];
