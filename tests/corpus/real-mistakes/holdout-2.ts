/**
 * The second holdout set of real mistakes (issue 19): 24 cases, three per class 1–8, all
 * `holdout: true`, the rest of them in holdout-2b.ts (classes 5–8).
 *
 * How and when. Collected on 2026-12-08 by a helper session that never read the checks'
 * messages or hints (lib/exercise, lib/engine) and never ran the corpus or any check on these
 * cases — so no check was, or can have been, written for them. Each case comes from a public
 * report found with the search tool's issues and pages corpora (GitHub issues and pull
 * requests of OAuth clients, identity providers, shells and tools), none of them cited by the
 * development classes or the first holdout set; it rebuilds what a learner of this exercise
 * pastes at the step where the mistake shows, on the practice server (fixtures.ts's issuer,
 * client, redirect URI and state) or on the learner's own Okta, Auth0 or Keycloak server when
 * the report is provider-specific. When the report is about a neighbouring mistake the case's
 * `cause` says "adapted".
 *
 * For every case the `answer` — the cause and the exact next action, with the values — was
 * written first; `expect` (a code from docs/diagnosis-codes.md or a proposed one, the key
 * facts as tolerant regexes, the plausible wrong answers) was derived from it afterwards.
 * `records` says what the lab knows that settles the case (the practice server's records,
 * or the URL the lab checked).
 *
 * Values. Challenges, Basic headers and JWTs were computed with node:crypto (sha256,
 * base64url, RS256/HS512 with a throwaway key), never typed by hand: the new ones are the
 * constants below, with the recipe that produced each.
 *
 * HOLDOUT RULE (see index.ts): run these only at the end, never while developing checks.
 */
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
  TOKENS,
  tokenJson,
} from './fixtures';
import { HOLDOUT_2B } from './holdout-2b';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const PS = 'PS C:\\Users\\ana> ';

/** The learner's Okta app (dev-4829115): its client ID is the lab's, its secret its own. */
const OKTA_SECRET = 'kq7X2bLdE9vRtY4uW1zA8cN5mJ3hF6gP0sQxVbTe';
/** An Okta refresh token (opaque, 43 characters). */
const OKTA_RT = 'mxsrTvVGOfxa3dVCwQvt97KTRd0d9qOvRMRXV_XtlbE';

/** The learner's Keycloak (as in the development classes): realm oauth-course, client oauth-lab. */
const KC_ISSUER = 'https://sso.cs.example.edu/realms/oauth-course';
const KC_SECRET = '9f3c2b7e-1d4a-4c8e-b2f6-7a5d0e9c3b18';
const KC_CODE = 'a3f1c9e2-7b4d-4e6a-9c8b-1d2e3f4a5b6c.2b7d9e41-5c6a-4b8f-9e0d-1a2b3c4d5e6f.8e9f0a1b-2c3d-4e5f-6a7b-8c9d0e1f2a3b';
/** RS256 access token whose iss is the issuer with :8443 (Keycloak writes the host and port it was called on). */
const KC_AT_PORT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IngzS2NWOWFRbTJFWEFNUExFcjdUelcxcEw1c044ZEY0Z0g2akIweVUyb0kifQ.eyJleHAiOjE3NzMxMzc5NDUsImlhdCI6MTc3MzEzNzY0NSwiYXV0aF90aW1lIjoxNzczMTM3NjI1LCJqdGkiOiJvbnJ0YWM6NmYxZDJjM2ItOGE5ZS00ZjcwLWIxYzItZDNlNGY1YTZiN2M4IiwiaXNzIjoiaHR0cHM6Ly9zc28uY3MuZXhhbXBsZS5lZHU6ODQ0My9yZWFsbXMvb2F1dGgtY291cnNlIiwiYXVkIjoiYWNjb3VudCIsInN1YiI6IjdjMWU5YTUyLTNiNGQtNGY2ZS04YTliLTBjMWQyZTNmNGE1YiIsInR5cCI6IkJlYXJlciIsImF6cCI6Im9hdXRoLWxhYiIsInNpZCI6IjJiN2Q5ZTQxLTVjNmEtNGI4Zi05ZTBkLTFhMmIzYzRkNWU2ZiIsInNjb3BlIjoib2ZmbGluZV9hY2Nlc3MgcHJvZmlsZSBlbWFpbCIsInByZWZlcnJlZF91c2VybmFtZSI6ImFuYS5zb3V6YSJ9.X9ysSkTS3D5fstIrss8lpSRFHmo4jM-UH7GyJ2ZHSG0yl196cEGncx9CxzyC23fFsYtUQsDDSOZlz8JDV35QwIUK2syPd1xJFqjL9IKh94j6idkre4qZTpNLpzDh3jKXVSEaYI6aIWEGjC3o83X5eF13E1Cc86iQhKSfL28mYs2aaHzQ-lFMV1D3xpb5Qfrl9Hhh5JZjbJ8EQL6e-IkDFZ5s8ay9jJBvtHhIPh0HGQZc1YcXYsF-IO61rtleyX_u_bg3ygxebAtvA9FPjIFJlkQ6K5jLpYGWFmED6rae4_9518FiQbi2KZROhc7LCxKF7ipYhUWlytNJFv75sgn_3A';
/** HS512 offline refresh token from the same call (typ Offline, iss with :8443). */
const KC_RT_OFFLINE_PORT =
  'eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCIsImtpZCI6ImYxZTJkM2M0LWI1YTYtNDk3OC04YTliLTBjMWQyZTNmNGE1YiJ9.eyJpYXQiOjE3NzMxMzc2NDUsImp0aSI6IjliOGE3YzZkLTVlNGYtNGEzYi04YzJkLTFlMGY5YThiN2M2ZCIsImlzcyI6Imh0dHBzOi8vc3NvLmNzLmV4YW1wbGUuZWR1Ojg0NDMvcmVhbG1zL29hdXRoLWNvdXJzZSIsImF1ZCI6Imh0dHBzOi8vc3NvLmNzLmV4YW1wbGUuZWR1Ojg0NDMvcmVhbG1zL29hdXRoLWNvdXJzZSIsInN1YiI6IjdjMWU5YTUyLTNiNGQtNGY2ZS04YTliLTBjMWQyZTNmNGE1YiIsInR5cCI6Ik9mZmxpbmUiLCJhenAiOiJvYXV0aC1sYWIiLCJzaWQiOiIyYjdkOWU0MS01YzZhLTRiOGYtOWUwZC0xYTJiM2M0ZDVlNmYiLCJzY29wZSI6Im9mZmxpbmVfYWNjZXNzIHByb2ZpbGUgZW1haWwifQ.uGsrDi7LSFeIVBhQjwg8pBSitn091rwrB2IK9maZILitNkrtHiKw6XJ_MWMGRz_YQNFaHSII5VnMZAr8p_yqjw';

/** The learner's Auth0 tenant and Regular Web Application (as in the development classes). */
const AUTH0_CLIENT_ID = 'q9Xw3EXAMPLEaBcDeFgHiJkLmNoPqRsT';
const AUTH0_SECRET = 'Hq2vEXAMPLE9sLk3Jd8fG5aP1oW7zX4cV6bN0mQ2rT8yU3iO';
/** RS256 token from the API's Test tab: sub "<test app>@clients", gty client-credentials, azp the API's Test Application. */
const AUTH0_M2M =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IlFrM01SamM0UXpRMVJrRTJSREJFUWpFMk1EZzRRelEwTlRBNU5VRTNNVGMifQ.eyJpc3MiOiJodHRwczovL2Rldi1rM3g3cTIudXMuYXV0aDAuY29tLyIsInN1YiI6Ilp0NG1ROEVYQU1QTEV0ZXN0QXBwQ2xpZW50WHlaMTlAY2xpZW50cyIsImF1ZCI6Imh0dHBzOi8vYXBpLm9hdXRoLWxhYi5leGFtcGxlIiwiaWF0IjoxNzczMTM3OTQ1LCJleHAiOjE3NzMyMjQzNDUsImd0eSI6ImNsaWVudC1jcmVkZW50aWFscyIsImF6cCI6Ilp0NG1ROEVYQU1QTEV0ZXN0QXBwQ2xpZW50WHlaMTkifQ.JYqAgibRbe2qdSUdV8EgGmP3fPuAMz2lVaLjYHsHg0Qf1b1XQJ1aWTLMkL3Lv_X88w2N64S3L0Uo_AKHukX54kV7Mj6iW7XBl27a1LzGU87Shnkh3nz7wjwAIHDoyntpgkC_d4sGTHrolt_aDfQ2fXDdaKH_NMVYVwyl4Xi0F8BI3jQQqs1JYbYH0CDxi-fVceK1KqbixBnmP58oeyG42ZJklkM5ScQIVyWmmEPG75bhPL_R-EIXWD8Vy39wjB2NKETjtVSUhDfF69ToCUpy7EtnSGz85sqCqKN-_2jVejQNmQAVDlAh3tB69LJhDdhmtBcSjcPWWvAlJlHaichzuA';

/** [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("0oa8f3k2EXAMPLE:<OKTA_SECRET>")): UTF-16LE. */
const BASIC_UTF16 =
  'MABvAGEAOABmADMAawAyAEUAWABBAE0AUABMAEUAOgBrAHEANwBYADIAYgBMAGQARQA5AHYAUgB0AFkANAB1AFcAMQB6AEEAOABjAE4ANQBtAEoAMwBoAEYANgBnAFAAMABzAFEAeABWAGIAVABlAA==';

/** Verifier and challenges for the dash case: `echo -n` in dash prints "-n " and a newline. */
const DASH = {
  verifier: '91DkflI5nKjajae2ZKuJQLXoB58agnNJdAYJ2HiDzpo',
  /** base64url(sha256("-n " + verifier + "\n")) */
  challengeOfDashEcho: '6SZc1uiF0ZkIEEBE0k-9A1jvSjr6SfsIVbU4WqKsWr0',
  /** base64url(sha256(verifier)) */
  right: 'cK2GDPox9ITefwXwxarLVNIcVFxpxyjrQA3p0QDPMp8',
};

/** What Windows PowerShell 5.1 prints under a failed command: the line cut at 70 characters, underlined. */
function psErrorLines(command: string, message: string, category: string, errorId: string): string[] {
  const shown = command.length > 70 ? `${command.slice(0, 70)} ...` : command;
  return [
    message,
    'At line:1 char:1',
    `+ ${shown}`,
    `+ ${'~'.repeat(Math.min(command.length, 70))}`,
    `    + CategoryInfo          : ${category}`,
    `    + FullyQualifiedErrorId : ${errorId}`,
  ];
}

const PS_REFRESH = `Invoke-RestMethod -Method Post -Uri https://dev-4829115.okta.com/oauth2/default/v1/token -Body @{ grant_type='refresh_token'; client_id='${CLIENT_ID}'; client_secret='${OKTA_SECRET}'; refresh_token='${OKTA_RT}' }`;

const HOLDOUT_2A: RealMistake[] = [
  // ── Class 1: the paste says what went wrong ──────────────────────────────────────────
  {
    id: 'keycloak-json-body-missing-form-parameter',
    holdout: true,
    source: { url: 'https://github.com/dominik-th/matomo-plugin-LoginOIDC/issues/2', title: 'Missing form parameter: grant_type' },
    class: 1,
    step: 'token-response',
    server: 'keycloak',
    input: lines(
      ...bashCommand(
        `curl -X POST ${KC_ISSUER}/protocol/openid-connect/token`,
        [
          "-H 'Content-Type: application/json'",
          `-d '{"grant_type":"authorization_code","client_id":"oauth-lab","client_secret":"${KC_SECRET}","code":"${KC_CODE}","code_verifier":"${PKCE.ok.verifier}","redirect_uri":"${REDIRECT_URI}"}'`,
        ],
        PROMPT,
      ),
      `{"error":"invalid_request","error_description":"Missing form parameter: grant_type"}${PROMPT}`,
    ),
    cause:
      'The learner sent the token request as JSON (Content-Type: application/json and a JSON -d body); the token endpoint reads only form parameters, so Keycloak found no grant_type although the JSON has one.',
    answer:
      "Keycloak says \"Missing form parameter: grant_type\" although your command has grant_type: you sent the body as JSON (-H 'Content-Type: application/json' and -d '{…}'), and a token endpoint only reads a form (application/x-www-form-urlencoded). Drop the Content-Type header and send each parameter as a form field — -d grant_type=authorization_code -d client_id=oauth-lab -d client_secret=… -d code=… -d code_verifier=… --data-urlencode redirect_uri=http://localhost:3000/redirect — and paste the JSON it prints (log in again first if the code is older than Keycloak's one-minute code lifetime).",
    expect: {
      code: 'request.not_a_form',
      mustMention: ['JSON|application/json', '\\bform\\b|x-www-form-urlencoded'],
      mustNotSay: ['add (the )?grant_type', 'grant_type is missing'],
    },
  },
  {
    id: 'auth0-callback-url-mismatch-page-pasted',
    holdout: true,
    source: { url: 'https://github.com/auth0-samples/auth0-nodejs-webapp-sample/issues/80', title: 'Callback URL mismatch.' },
    class: 1,
    step: 'redirect',
    server: 'auth0',
    input: lines(
      'Oops!, something went wrong',
      'Callback URL mismatch.',
      'The provided redirect_uri is not in the list of allowed callback URLs.',
      'Please go to the Application Settings page and make sure you are sending a valid callback url from your application.',
      'TECHNICAL DETAILS',
      'Tracking ID: 8c2e4d1a7b9f3e6d5c0a',
    ),
    cause:
      "The learner's Auth0 application lists only the quickstart's http://localhost:3000/callback in Allowed Callback URLs, so Auth0 refused the lab's redirect_uri and showed its error page instead of redirecting; the learner pasted the page's text.",
    answer:
      "This is Auth0's error page, not a redirect: Auth0 refused to send you back because http://localhost:3000/redirect — the redirect_uri of your URL — is not in your application's Allowed Callback URLs. In the Auth0 Dashboard open Applications → your application → Settings, add http://localhost:3000/redirect to Allowed Callback URLs exactly as written, Save Changes, then click Log In again and paste the address you land on.",
    expect: {
      code: 'redirect_uri.mismatch',
      mustMention: ['Allowed Callback URLs', 'localhost:3000/redirect'],
      mustNotSay: ['code is missing|has no code|no code in', 'not a valid URL'],
    },
  },
  {
    id: 'powershell-5-tls-1-0-to-okta',
    holdout: true,
    source: {
      url: 'https://github.com/pcgeek86/PSGitHub/issues/40',
      title: 'The request was aborted: Could not create SSL/TLS secure channel.',
    },
    class: 1,
    step: 'refresh-response',
    server: 'okta',
    input: lines(
      `${PS}${PS_REFRESH}`,
      ...psErrorLines(
        PS_REFRESH,
        'Invoke-RestMethod : The request was aborted: Could not create SSL/TLS secure channel.',
        'InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-RestMethod], WebException',
        'WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand',
      ),
      PS,
    ),
    cause:
      'Windows PowerShell 5.1 (.NET Framework) offered only TLS 1.0/1.1 by default and Okta accepts TLS 1.2 or later, so the connection failed before any request was sent.',
    answer:
      'The request never reached Okta: Windows PowerShell 5.1 tried an old TLS version, and Okta needs TLS 1.2. Run [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12 in this window, run the same Invoke-RestMethod again with | ConvertTo-Json at the end (or use curl.exe, or PowerShell 7), and paste the JSON. Your refresh token was not sent, so it is still good.',
    expect: {
      code: null,
      proposedCode: 'paste.tls_version',
      mustMention: ['TLS ?1\\.2|Tls12', 'PowerShell'],
      mustNotSay: ['alias', '(has|is) expired', 'certificate'],
    },
  },

  // ── Class 2: an artefact of another kind ───────────────────────────────────────────
  {
    id: 'introspection-of-refresh-token-pasted',
    holdout: true,
    source: { url: 'https://github.com/ory/hydra/issues/1250', title: 'docs: Are refresh tokens introspectable or not?' },
    class: 2,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/introspect',
        [`-d client_id=${CLIENT_ID}`, `-d client_secret=${CLIENT_SECRET}`, `-d token=${TOKENS.RT_A}`, '-d token_type_hint=refresh_token'],
        PROMPT,
      ),
      `${JSON.stringify({
        active: true,
        scope: 'offline_access api:read',
        username: 'learner@example.com',
        exp: TOKENS.T + 2592000,
        iat: TOKENS.T,
        sub: 'learner@example.com',
        aud: 'api://default',
        iss: 'http://localhost:3000/oauth2/default',
        token_type: 'refresh_token',
        client_id: CLIENT_ID,
        uid: '00u5lq8vEXAMPLE',
      })}${PROMPT}`,
    ),
    cause:
      'To "use the refresh token" the learner introspected it (POST /v1/introspect), which only reports that the token is active; no new access token was issued (adapted: the report asks whether refresh tokens can be introspected at all).',
    answer:
      'This is the introspection endpoint\'s answer ("active": true, "token_type": "refresh_token"): /v1/introspect only tells you that your refresh token is valid — it issues nothing. To use the refresh token, POST to the token endpoint http://localhost:3000/oauth2/default/v1/token with -d grant_type=refresh_token -d refresh_token=XT1x1w… and your client_id and client_secret, and paste that JSON: it has a new access_token.',
    expect: {
      code: null,
      proposedCode: 'paste.introspection_response',
      mustMention: ['introspect', 'grant_type=refresh_token|/v1/token'],
      mustNotSay: ['not valid JSON', 'offline_access'],
    },
    records:
      'Refresh token XT1x1w… (issued 10:14:05 with the first response, rotation off) was introspected at 10:40:12 by client 0oa8f3k2EXAMPLE; no refresh_token grant has been requested since the first response.',
  },
  {
    id: 'okta-metadata-url-entered-as-issuer',
    holdout: true,
    source: { url: 'https://github.com/ramosbugs/openidconnect-rs/issues/123', title: '.well-known' },
    class: 2,
    step: 'setup',
    server: 'okta',
    input: { issuer: 'https://dev-4829115.okta.com/oauth2/default/.well-known/openid-configuration', clientId: CLIENT_ID },
    cause:
      'The learner pasted the address of the metadata document they had opened in the browser into the Issuer field; the issuer is the part before /.well-known/openid-configuration.',
    answer:
      'You entered the address of the metadata document, not the issuer. The issuer is what comes before /.well-known/openid-configuration — https://dev-4829115.okta.com/oauth2/default, which is also the "issuer" field of that document. Enter that; the lab adds /.well-known/openid-configuration itself.',
    expect: {
      code: 'issuer.no_metadata',
      mustMention: ['\\.well-known', 'https://dev-4829115\\.okta\\.com/oauth2/default(?!/\\.well)'],
      mustNotSay: ['unreachable|firewall|server (is|may be) down', 'trailing slash'],
    },
  },
  {
    id: 'auth0-api-test-tab-token-at-code-step',
    holdout: true,
    source: { url: 'https://github.com/auth0/auth0-cli/issues/568', title: 'Real access token from CLI only' },
    class: 2,
    step: 'token-response',
    server: 'auth0',
    input: tokenJson({ access_token: AUTH0_M2M, token_type: 'Bearer' }),
    cause:
      "After the code exchange failed twice, the learner copied the sample token from the Test tab of the API in the Auth0 Dashboard; Auth0 issues it with client credentials to the API's auto-created Test Application, with no user (adapted: in the report the CLI's test token was likewise not a user's token).",
    answer:
      "This token comes from no login: its sub is Zt4mQ8EXAMPLEtestAppClientXyZ19@clients and its gty is client-credentials — it is the sample token of your API's Test tab, issued to the API's Test Application, not to your application q9Xw3EXAMPLEaBcDeFgHiJkLmNoPqRsT. Click Log In under your checked URL, exchange that code with your application's client ID and secret, and paste the JSON it prints.",
    expect: {
      code: 'access_token.client_credentials_grant',
      mustMention: ['@clients|client.credentials', 'Test (tab|app)|log ?in|exchange (the|your|that) code'],
      mustNotSay: ['offline_access', '(has|is) expired'],
    },
  },

  // ── Class 3: values that look right ────────────────────────────────────────────────
  {
    id: 'redirect-uri-127-0-0-1-instead-of-localhost',
    holdout: true,
    source: {
      url: 'https://github.com/Azure-Samples/ms-identity-python-webapp/issues/104',
      title: 'question: localhost vs 127.0.0.1 redirect URI',
    },
    class: 3,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ redirect_uri: 'http://127.0.0.1:3000/redirect' })),
    cause:
      'The learner had opened OAuth Lab at http://127.0.0.1:3000 (the address a dev server printed) and built the redirect URI from the address bar; the registered one says localhost.',
    answer:
      "Your redirect_uri is http://127.0.0.1:3000/redirect, but your app's registered redirect URI is http://localhost:3000/redirect. Both reach this machine, yet redirect URIs are compared as exact strings, so the server would refuse it. Write redirect_uri=http://localhost:3000/redirect (and open the lab at http://localhost:3000, so the addresses you copy match) and check the URL again.",
    expect: {
      code: 'redirect_uri.mismatch',
      mustMention: ['127\\.0\\.0\\.1', 'localhost:3000/redirect'],
      mustNotSay: ['trailing slash', 'use https'],
    },
  },
  {
    id: 'auth0-issuer-without-trailing-slash',
    holdout: true,
    source: {
      url: 'https://github.com/aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock/pull/98',
      title: 'fix: add trailing slash to Auth0 issuer URL for quota API JWT authorizer',
    },
    class: 3,
    step: 'setup',
    server: 'auth0',
    input: { issuer: 'https://dev-k3x7q2.us.auth0.com', clientId: AUTH0_CLIENT_ID },
    cause:
      "The learner typed the Auth0 domain as the issuer; Auth0's issuer — in its metadata and in every token's iss — is the domain with a final slash.",
    answer:
      'Nearly: Auth0\'s issuer ends with a slash. Its metadata says "issuer": "https://dev-k3x7q2.us.auth0.com/", and your tokens will carry exactly that as iss, so enter https://dev-k3x7q2.us.auth0.com/ — with the final /.',
    expect: {
      code: 'issuer.mismatch',
      mustMention: ['https://dev-k3x7q2\\.us\\.auth0\\.com/', 'slash'],
      mustNotSay: ['oauth2/default', 'org (authorization )?server', 'remove the (trailing |final )?slash'],
    },
  },
  {
    id: 'keycloak-token-from-port-8443-issuer',
    holdout: true,
    source: { url: 'https://github.com/ivangfr/keycloak-clustered/issues/25', title: 'Access token can not be shared.' },
    class: 3,
    step: 'token-response',
    server: 'keycloak',
    input: lines(
      ...bashCommand(
        'curl -X POST https://sso.cs.example.edu:8443/realms/oauth-course/protocol/openid-connect/token',
        [
          '-d grant_type=authorization_code',
          '-d client_id=oauth-lab',
          `-d client_secret=${KC_SECRET}`,
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d code_verifier=${PKCE.ok.verifier}`,
          `-d code=${KC_CODE}`,
        ],
        PROMPT,
      ),
      `${JSON.stringify({
        access_token: KC_AT_PORT,
        expires_in: 300,
        refresh_expires_in: 0,
        refresh_token: KC_RT_OFFLINE_PORT,
        token_type: 'Bearer',
        'not-before-policy': 0,
        session_state: '2b7d9e41-5c6a-4b8f-9e0d-1a2b3c4d5e6f',
        scope: 'offline_access profile email',
      })}${PROMPT}`,
    ),
    cause:
      "The learner sent the exchange to port 8443 (the port in Keycloak's startup log) instead of the metadata's token endpoint behind the university's proxy; Keycloak builds iss from the URL it was called on, so the tokens name the issuer with :8443.",
    answer:
      "The token is from your Keycloak, but its iss is https://sso.cs.example.edu:8443/realms/oauth-course — with :8443 — and your issuer is https://sso.cs.example.edu/realms/oauth-course. Keycloak writes into iss the host and port you called, and your command called port 8443 directly. Log in again (this code is spent), send the exchange to the metadata's token endpoint https://sso.cs.example.edu/realms/oauth-course/protocol/openid-connect/token (no port), and paste that response.",
    expect: {
      code: 'access_token.issuer_mismatch',
      mustMention: [':8443', 'sso\\.cs\\.example\\.edu/realms/oauth-course'],
      mustNotSay: ['another (tenant|org)', 'signature'],
    },
  },

  // ── Class 4: PKCE, Basic and the shell ─────────────────────────────────────────────
  {
    id: 'zsh-no-matches-question-mark-in-token-url',
    holdout: true,
    source: { url: 'https://github.com/ohmyzsh/ohmyzsh/issues/7058', title: 'zsh: no matches found on curl URL' },
    class: 4,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/token?grant_type=refresh_token',
        [`-d client_id=${CLIENT_ID}`, `-d client_secret=${CLIENT_SECRET}`, `-d refresh_token=${TOKENS.RT_A}`],
        'ana@mac ~ % ',
      ),
      'zsh: no matches found: http://localhost:3000/oauth2/default/v1/token?grant_type=refresh_token',
      'ana@mac ~ % ',
    ),
    cause:
      "The learner moved grant_type into the URL's query (as an old Okta example did) in zsh, macOS's shell, where an unquoted ? is a wildcard: zsh found no file matching it and did not run curl at all.",
    answer:
      'curl never ran: zsh read the ? in your unquoted URL as a wildcard and found no matching file ("no matches found"). Keep the URL plain and put grant_type back in the body — curl -X POST http://localhost:3000/oauth2/default/v1/token -d grant_type=refresh_token -d client_id=… -d client_secret=… -d refresh_token=… (the token endpoint reads a form body, not the query) — then paste the JSON it prints.',
    expect: {
      code: 'request.shell_quoting',
      mustMention: ['zsh', 'wildcard|glob|quot'],
      mustNotSay: ['not valid JSON', 'paste exactly what the server returned'],
    },
  },
  {
    id: 'powershell-unicode-getbytes-basic-header',
    holdout: true,
    source: {
      url: 'https://github.com/kedacore/keda/issues/5112',
      title: 'Github Runner Scaler - Authorization Header Is Not Properly Constructed In Azure Kubernetes Service.',
    },
    class: 4,
    step: 'token-response',
    server: 'okta',
    input: lines(
      `${PS}$pair = "${CLIENT_ID}:${OKTA_SECRET}"`,
      `${PS}$basic = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($pair))`,
      `${PS}$basic`,
      BASIC_UTF16,
      `${PS}curl.exe -s -X POST https://dev-4829115.okta.com/oauth2/default/v1/token -H "Authorization: Basic $basic" -d grant_type=authorization_code --data-urlencode redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier} -d code=${CODES.d}`,
      '{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}',
      PS,
    ),
    cause:
      'The learner built the Basic header with [Text.Encoding]::Unicode, which in .NET is UTF-16LE, so every character of "client_id:secret" was encoded followed by a zero byte.',
    answer:
      'Your Basic header encodes UTF-16 text: [Text.Encoding]::Unicode is UTF-16LE in .NET, so the value starts "MABvAGEA…" — each character followed by a zero byte — and Okta cannot read a client ID from it. Use UTF-8: $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($pair)), which gives MG9hOGYzazJFWEFNUExFOmtxN1gy… (76 characters). Run the same curl.exe again — the code was not used — and paste the JSON; if Okta now says the code expired, log in again first.',
    expect: {
      code: 'client.basic_header_recipe',
      mustMention: ['UTF-?16|Unicode', 'UTF-?8'],
      mustNotSay: ['wrong (client )?secret|secret is wrong|regenerate'],
    },
  },
  {
    id: 'pkce-sh-echo-n-printed-literally',
    holdout: true,
    source: { url: 'https://github.com/GTAmodding/re3/pull/1188', title: 'fix: printHash.sh; replace echo -n, check if $1 is set.' },
    class: 4,
    step: 'token-response',
    server: 'auth0',
    input: lines(
      'ana@laptop:~/oauth-lab$ cat pkce.sh',
      "VERIFIER=$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')",
      'echo "verifier:  $VERIFIER"',
      "echo \"challenge: $(echo -n \"$VERIFIER\" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '=')\"",
      'ana@laptop:~/oauth-lab$ sh pkce.sh',
      `verifier:  ${DASH.verifier}`,
      `challenge: ${DASH.challengeOfDashEcho}`,
      `ana@laptop:~/oauth-lab$ curl --request POST --url https://dev-k3x7q2.us.auth0.com/oauth/token --header 'content-type: application/x-www-form-urlencoded' --data grant_type=authorization_code --data client_id=${AUTH0_CLIENT_ID} --data client_secret=${AUTH0_SECRET} --data code_verifier=${DASH.verifier} --data code=${CODES.e} --data redirect_uri=${REDIRECT_URI}`,
      '{"error":"invalid_grant","error_description":"Failed to verify code verifier"}ana@laptop:~/oauth-lab$ ',
    ),
    cause:
      'The learner ran the PKCE script with sh, which on Ubuntu is dash; dash\'s echo has no -n option, so it hashed "-n <verifier>" and a newline, and no verifier can match the challenge in the URL.',
    answer:
      "Your challenge was made from the text \"-n 91DkflI5…\" plus a newline, not from the verifier: you ran the script with sh (dash on Ubuntu), whose echo prints -n literally. No verifier can match that challenge, so build a new URL: compute the challenge with printf '%s' \"$VERIFIER\" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '=' (or run the script with bash) — for this verifier it is cK2GDPox9ITefwXwxarLVNIcVFxpxyjrQA3p0QDPMp8 — check the URL, log in again, and exchange the new code with the same verifier.",
    expect: {
      code: 'pkce.challenge_recipe',
      mustMention: ['-n', 'dash|\\bsh\\b|printf|bash'],
      mustNotSay: ['code_verifier is missing', 'add (the )?code_verifier'],
    },
    records: `The URL checked at 11:02:10 (Auth0) has code_challenge ${DASH.challengeOfDashEcho}: base64url(sha256("-n " + verifier + "\\n")) for the verifier sent; base64url(sha256(verifier)) is ${DASH.right}.`,
  },
];

export const HOLDOUT_2: readonly RealMistake[] = [...HOLDOUT_2A, ...HOLDOUT_2B];
