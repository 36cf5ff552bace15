/**
 * More cases where the practice server's records settle what its one-line error cannot say
 * (classes 7, and 2 for another artefact), each from a public report and adapted to the lab.
 * Written with their `world` (what the server recorded) and their answer before the checks
 * were run on them. Development cases, not holdout.
 */
import { bashCommand, CLIENT_ID, CLIENT_SECRET, CODES, lines, PKCE, REDIRECT_URI, STATE, STATE_OLD, TOKENS, tokenJson } from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const D = '2026-03-10T';
const SCOPES = ['offline_access', 'api:read'];
const BOTH = { grantTypes: ['authorization_code', 'refresh_token'] };
const INVALID_CODE = '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';
const INVALID_REFRESH = '{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}';
const PKCE_FAILED = '{"error":"invalid_grant","error_description":"PKCE verification failed."}';
/** A third state, of the first of three checked URLs. */
const STATE_FIRST = 'Kp3vQ9sLm2XwT7yHc4NbAg';
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

export const CLASS_7_MORE: RealMistake[] = [
  {
    id: 'code-expired-while-typing-the-curl-command',
    source: {
      url: 'https://github.com/bshaffer/oauth2-server-php/issues/307',
      title: 'Invalid grant "authorization_code"? Expiration incorrect?',
    },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(...exchange(CODES.c), `${INVALID_CODE}${PROMPT}`),
    cause:
      'The learner typed the exchange command by hand and sent it 7 minutes after the login; practice codes live 5 minutes (in the report: "sometimes it takes these old bones >30s to put the Curl in").',
    answer:
      'Your code was issued at 10:40:10 and codes last 5 minutes: it expired unused at 10:45:10 (it is 7 min 21 s old now). Log in again with the Log In link of “Build the authorization URL” and run the exchange within 5 minutes — the command on “Exchange the code” fills in the new code.',
    expect: {
      code: 'response.error',
      mustMention: ['10:40:10', '5 minutes', 'Log In'],
      mustNotSay: ['already (used|exchanged)', 'client.secret', 'redirect_uri'],
    },
    records: 'Code 4wTHvU… was issued at 10:40:10, never exchanged; the exchange arrived at 10:47:31.',
    world: { now: `${D}10:47:31Z`, app: BOTH, code: { value: CODES.c, issuedAt: `${D}10:40:10Z` } },
  },
  {
    id: 'expired-code-error-pasted-without-the-command',
    source: {
      url: 'https://github.com/Founden/doers/issues/12',
      title: 'invalid_grant: The given code has expired.',
    },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: INVALID_CODE,
    cause:
      'The learner came back from a break and exchanged the code they had captured 17 minutes earlier; only the error is pasted (adapted: the report is an app log of the same error).',
    answer:
      'The code you captured was issued at 11:02:40 and expired unused at 11:07:40 — codes last 5 minutes. Get a new one: Log In from “Build the authorization URL”, paste the redirect, and exchange it right away.',
    expect: {
      code: 'response.error',
      mustMention: ['11:0[27]:40', '5 minutes'],
      mustNotSay: ['already (used|exchanged)'],
    },
    records: 'Code tihNWm… (the one the redirect step captured) was issued at 11:02:40 and never exchanged; the check runs at 11:20:00.',
    world: { now: `${D}11:20:00Z`, app: BOTH, code: { value: CODES.a, issuedAt: `${D}11:02:40Z` } },
  },
  {
    id: 'login-finished-in-the-first-of-two-tabs',
    source: {
      url: 'https://github.com/auth0/nextjs-auth0/issues/142',
      title: 'Login flow with two browser tabs produces a state mismatch error',
    },
    class: 7,
    step: 'redirect',
    server: 'practice',
    input: `http://localhost:3000/redirect?code=${CODES.d}&state=${STATE_OLD}&iss=http%3A%2F%2Flocalhost%3A3000%2Foauth2%2Fdefault`,
    cause:
      'The learner checked a URL in one tab at 11:12:09, checked a new one in a second tab at 11:14:30, then finished the login in the first tab.',
    answer:
      'This state is the one of the URL you checked at 11:12:09, not of your latest one (11:14:30): you logged in from the first tab. Click Log In under your latest checked URL in “Build the authorization URL” and paste the redirect you get.',
    expect: {
      code: 'redirect.state_mismatch',
      mustMention: ['11:12:09', 'Log In', 'latest'],
      mustNotSay: ['forged|attack'],
    },
    records: `Checked URLs: 11:12:09 with state ${STATE_OLD}, 11:14:30 with state ${STATE}.`,
    world: {
      checkedUrls: [
        { at: `${D}11:12:09Z`, state: STATE_OLD, scopes: SCOPES },
        { at: `${D}11:14:30Z`, state: STATE, scopes: SCOPES },
      ],
    },
  },
  {
    id: 'second-login-tab-overwrote-the-state',
    source: {
      url: 'https://github.com/chef/automate/issues/1561',
      title: 'Second login attempt (in tabs) makes the first one fail with "expected state X got Y"',
    },
    class: 7,
    step: 'redirect',
    server: 'practice',
    input: { code: CODES.f, state: STATE_OLD },
    cause:
      'The learner checked three URLs while fixing the scope; they logged in with the second one, left open in a tab, and the site’s /redirect page handed its query over.',
    answer:
      'This state belongs to the second URL you checked (09:41:55), not to the latest (09:44:18). Log in with the Log In link under your latest checked URL in “Build the authorization URL” and come back with that redirect.',
    expect: {
      code: 'redirect.state_mismatch',
      mustMention: ['09:41:55', 'Log In'],
      mustNotSay: ['forged|attack'],
    },
    records: `Checked URLs: 09:40:02 (state ${STATE_FIRST}), 09:41:55 (state ${STATE_OLD}), 09:44:18 (state ${STATE}).`,
    world: {
      checkedUrls: [
        { at: `${D}09:40:02Z`, state: STATE_FIRST, scopes: ['api:read'] },
        { at: `${D}09:41:55Z`, state: STATE_OLD, scopes: ['offline_access', 'api:read'] },
        { at: `${D}09:44:18Z`, state: STATE, scopes: SCOPES },
      ],
    },
  },
  {
    id: 'old-refresh-token-after-rotation-error-only',
    source: { url: 'https://github.com/panva/node-oidc-provider/issues/1022', title: 'Possible to allow rotated refresh token reuse?' },
    class: 7,
    step: 'refresh-response',
    server: 'practice',
    input: INVALID_REFRESH,
    cause:
      'With rotation on, the learner refreshed twice with the refresh token of the code exchange: the first refresh (10:52:40) retired it, so the later attempt was refused; only the error is pasted.',
    answer:
      'My Web App rotates refresh tokens: the refresh token from “Exchange the code” was already used at 10:52:40, and that refresh returned a new one. Use the refresh_token of your newest refresh response — and if that is refused too (a reuse revokes the login), log in again and exchange a new code.',
    expect: {
      code: 'response.error',
      mustMention: ['rotat', '10:52:40'],
      mustNotSay: ['expired', 'client.secret'],
    },
    records:
      'App refreshTokenRotation: rotate. Refreshes of the checked login answered at 10:52:40 and 11:01:12; the check runs at 11:05:00.',
    world: {
      now: `${D}11:05:00Z`,
      app: { ...BOTH, rotation: 'rotate' },
      refreshes: [`${D}10:52:40Z`, `${D}11:01:12Z`],
    },
  },
  {
    id: 'verifier-kept-but-logged-in-from-the-older-url',
    source: { url: 'https://github.com/keycloak/keycloak-community/issues/292', title: 'PKCE verification failed - JS' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: lines(...exchange(CODES.d, PKCE.newer.verifier), `${PKCE_FAILED}${PROMPT}`),
    cause:
      'The learner built a second URL (new verifier and challenge) but logged in through the first URL’s tab, then sent the new verifier (in the report the stored verifier was overwritten by a second authorization request).',
    answer:
      'This code came from a login with the URL you checked at 10:30:12 (challenge x_gKYbsx…), but the verifier you sent is the one of your latest URL (10:33:47). Your verifier is fine: log in with the Log In link of your latest URL in “Build the authorization URL” and exchange that code with it.',
    expect: {
      code: 'response.error',
      mustMention: ['10:30:12', 'Log In'],
      mustNotSay: ['add .*code_verifier', '\\becho\\b', 'base64 instead'],
    },
    records: `Checked URLs: 10:30:12 with code_challenge ${PKCE.older.challenge}, 10:33:47 with ${PKCE.newer.challenge}. Code MJHTOd… was issued at 10:34:30 to the request with ${PKCE.older.challenge}.`,
    world: {
      now: `${D}10:35:10Z`,
      app: BOTH,
      checkedUrls: [
        { at: `${D}10:30:12Z`, state: STATE_OLD, scopes: SCOPES, codeChallenge: PKCE.older.challenge },
        { at: `${D}10:33:47Z`, state: STATE, scopes: SCOPES, codeChallenge: PKCE.newer.challenge },
      ],
      code: { value: CODES.d, issuedAt: `${D}10:34:30Z`, scopes: SCOPES, codeChallenge: PKCE.older.challenge },
    },
  },
  {
    id: 'refresh-token-missing-after-ticking-the-grant',
    source: {
      url: 'https://github.com/googleapis/google-api-php-client/issues/1686',
      title: 'oAuth get refresh token from second time with out using prompt =consent',
    },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_NOOFFLINE, scope: 'api:read' }),
    cause:
      'The learner logged in and exchanged the code before ticking Refresh Token, ticked it at 10:26:30, and pasted the same response again (adapted: in the report a refresh token comes only with a new consent).',
    answer:
      'This token was issued at 10:24:05, before you changed My Web App at 10:26:30: that login could not get a refresh token. The app allows them now — log in again (Log In under your checked URL) and exchange the new code.',
    expect: {
      code: null,
      proposedCode: 'refresh_token.login_before_grant_enabled',
      mustMention: ['10:26:30', 'Log In|log in again'],
      mustNotSay: ['tick Refresh Token', 'add offline_access'],
    },
    records:
      'Checked URL at 10:22:40 with offline_access api:read; token issued at 10:24:05 (authorization_code); My Web App edited at 10:26:30 (refresh_token added).',
    world: {
      now: `${D}10:27:00Z`,
      app: { ...BOTH, changedAt: `${D}10:26:30Z` },
      checkedUrls: [{ at: `${D}10:22:40Z`, state: STATE, scopes: SCOPES, codeChallenge: PKCE.ok.challenge }],
      issued: [{ accessToken: TOKENS.AT_NOOFFLINE, grant: 'authorization_code' }],
    },
  },
  {
    id: 'login-from-a-url-checked-before-adding-offline-access',
    source: { url: 'https://github.com/synapsestudios/oidc-platform/issues/481', title: 'Add "Refresh Token" section of documentation' },
    class: 7,
    step: 'token-response',
    server: 'practice',
    input: tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_NOOFFLINE, scope: 'api:read' }),
    cause:
      'The learner first checked a URL with scope=api:read, fixed it to offline_access+api:read, but logged in through the first URL’s Log In link (the report lists offline_access in the login URL as the first requirement for a refresh token).',
    answer:
      'Your latest checked URL (10:21:40) asks for offline_access and the app allows refresh tokens, but this login asked only for api:read — it came from the URL you checked earlier, at 10:18:02. Log in with the Log In link under your latest URL in “Build the authorization URL” and exchange that code.',
    expect: {
      code: null,
      proposedCode: 'refresh_token.login_without_offline_access',
      mustMention: ['api:read', '10:18:02', 'Log In'],
      mustNotSay: ['tick Refresh Token', 'add offline_access'],
    },
    records: `Checked URLs: 10:18:02 (scope api:read, state ${STATE_OLD}), 10:21:40 (scope offline_access api:read, state ${STATE}). App grantTypes include refresh_token since 09:50.`,
    world: {
      now: `${D}10:24:40Z`,
      app: { ...BOTH, changedAt: `${D}09:50:00Z` },
      checkedUrls: [
        { at: `${D}10:18:02Z`, state: STATE_OLD, scopes: ['api:read'], codeChallenge: PKCE.older.challenge },
        { at: `${D}10:21:40Z`, state: STATE, scopes: SCOPES, codeChallenge: PKCE.ok.challenge },
      ],
      issued: [{ accessToken: TOKENS.AT_NOOFFLINE, grant: 'authorization_code' }],
    },
  },
  {
    id: 'renewed-with-a-silent-login-instead-of-the-refresh-grant',
    source: { url: 'https://github.com/ForgeRock/appAuthHelper/issues/31', title: 'Option to use refresh token to renew access tokens' },
    class: 2,
    step: 'refresh-response',
    server: 'practice',
    input: tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_NOOFFLINE, scope: 'api:read' }),
    cause:
      'The learner got the "new" access token by logging in again (a new authorization code) instead of sending the refresh token (in the report, renewal is a silent authorization code grant, not the refresh token grant).',
    answer:
      'This access token comes from a new login (authorization code grant), not from your refresh token. Run the refresh command — grant_type=refresh_token with the refresh token from “Exchange the code” — and paste its output.',
    expect: {
      code: 'refresh.not_from_refresh_grant',
      mustMention: ['new login|authorization code', 'grant_type=refresh_token|refresh command'],
    },
    records: 'Access token AT.SPsQsV… was issued at 10:24:05 by the authorization_code grant; the first response (10:14:05) passed.',
    world: { app: BOTH, issued: [{ accessToken: TOKENS.AT_NOOFFLINE, grant: 'authorization_code' }] },
  },
];
