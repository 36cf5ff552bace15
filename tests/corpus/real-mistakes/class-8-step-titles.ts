/**
 * Class 8: answers that send the learner to another step must name it by its title
 * (“Build the authorization URL”), never by a number that shifts when steps change.
 * No public report is about this site; each case adapts a report of a tutorial whose
 * "step N" pointed at the wrong place, as its `cause` says.
 */
import { authorizeUrl, CODES, goodParams, lines, PKCE, STATE, TOKENS, tokenJson } from './fixtures';
import type { RealMistake } from './types';

const NO_STEP_NUMBER = 'step \\d';

export const CLASS_8: RealMistake[] = [
  {
    id: 'refresh-refused-after-grant-unticked-points-to-enable-step',
    holdout: true,
    source: { url: 'https://github.com/auth0/docs/issues/2601', title: 'Numbering is needed in the PHP Symfony quicikstart' },
    class: 8,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      'ana@laptop:~$ curl -X POST http://localhost:3000/oauth2/default/v1/token \\',
      '>   -d grant_type=refresh_token \\',
      '>   -d client_id=0oa8f3k2EXAMPLE \\',
      '>   -d client_secret=vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBh \\',
      `>   -d refresh_token=${TOKENS.RT_A}`,
      '{"error":"unauthorized_client","error_description":"The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, client_credentials]."}ana@laptop:~$ ',
    ),
    cause:
      'While ticking Client Credentials in the practice console the learner unticked Refresh Token, so the app refuses the refresh grant; the hint must send them back to that step by its title (adapted: the report is a tutorial referring to "step 6" and "step 7" that had no such numbers).',
    answer:
      'Your app no longer allows the Refresh Token grant — its grant types are now authorization_code and client_credentials (you changed them at 10:31). Go back to “Enable refresh tokens”, tick Refresh Token in the practice console and Save, then run this refresh command again: your refresh token is still valid.',
    expect: {
      code: 'response.error',
      mustMention: ['Enable refresh tokens', 'Refresh Token'],
      mustNotSay: [NO_STEP_NUMBER],
    },
    records:
      'App grantTypes changed at 10:31:07 from [authorization_code, refresh_token] to [authorization_code, client_credentials]; refresh token XT1x1w… (issued 10:14:05) is not revoked.',
  },
  {
    id: 'redirect-before-any-checked-url-points-to-build-step',
    source: { url: 'https://github.com/aws-samples/aws-security-hub-workshop/issues/18', title: 'Module 3 - Step Numbering' },
    class: 8,
    step: 'redirect',
    server: 'practice',
    input: `http://localhost:3000/redirect?code=${CODES.f}&state=Wc-_joLJHkXSmykgX-9W-Q`,
    cause:
      'After Reset, the learner opened a bookmarked login link and pasted the redirect before checking any authorization URL (adapted: the report is a workshop saying "proceed to Step 11" where the steps restart at 1).',
    answer:
      'There is no checked authorization URL to compare this redirect with (you reset the exercise). Go to “Build the authorization URL”, check your URL, log in with its Log In link and paste the redirect you get.',
    expect: {
      code: 'redirect.no_authorize_step',
      mustMention: ['Build the authorization URL'],
      mustNotSay: [NO_STEP_NUMBER],
    },
    records: 'Reset at 09:58:12; no authorization URL checked since.',
    world: { checkedUrls: [] },
  },
  {
    id: 'refresh-before-token-step-points-to-exchange-step',
    source: { url: 'https://github.com/buildkite/docs/issues/390', title: 'Mis-numbered steps in SSO GSuite docs' },
    class: 8,
    step: 'refresh-response',
    server: 'practice',
    input: tokenJson({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: TOKENS.AT_REFRESHED,
      scope: 'offline_access api:read',
      refresh_token: TOKENS.RT_A,
    }),
    cause:
      'The learner ran both commands and pasted the refresh output first, before the code exchange had been checked (adapted: the report is a guide whose step numbers skipped).',
    answer:
      "The refresh response is compared with your first token response, and none has been checked yet. Paste the code exchange's output in “Exchange the code” first, then paste this one again.",
    expect: {
      code: 'refresh.no_first_response',
      mustMention: ['Exchange the code'],
      mustNotSay: [NO_STEP_NUMBER],
    },
    world: { tokenStepPassed: false },
  },
  {
    id: 'offline-access-at-token-endpoint-points-to-build-step',
    source: { url: 'https://github.com/auth0/docs/pull/2722', title: 'Made the step following clearer' },
    class: 8,
    step: 'token-response',
    server: 'practice',
    input: lines(
      'ana@laptop:~$ curl -X POST http://localhost:3000/oauth2/default/v1/token \\',
      '>   -d grant_type=authorization_code \\',
      '>   --data-urlencode redirect_uri=http://localhost:3000/redirect \\',
      '>   -d client_id=0oa8f3k2EXAMPLE \\',
      '>   -d client_secret=vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBh \\',
      '>   -d code_verifier=dQ_4G8b3WiYwphZdwwWLyolOgq-Dq7NNkvqaHhlKpZ8 \\',
      `>   -d code=${CODES.c} \\`,
      '>   -d scope=offline_access',
      `${tokenJson({ token_type: 'Bearer', expires_in: 3600, access_token: TOKENS.AT_NOOFFLINE, scope: 'api:read' })}ana@laptop:~$ `,
    ),
    cause:
      'The learner left offline_access out of the authorization URL and added -d scope=offline_access to the token request instead (adapted: the report replaced "step 7"/"step 6" with words because the numbers did not exist).',
    answer:
      'offline_access must be asked for when you log in, not when you exchange the code. Go back to “Build the authorization URL”, add offline_access to the scope (scope=offline_access+api:read), check it, log in again and exchange the new code — without -d scope.',
    expect: {
      code: 'scope.offline_access_not_granted',
      mustMention: ['Build the authorization URL'],
      mustNotSay: [NO_STEP_NUMBER],
    },
    records: 'The checked URL (10:20:11) had scope=api:read; app grantTypes include refresh_token.',
    world: {
      app: { grantTypes: ['authorization_code', 'refresh_token'] },
      checkedUrls: [{ at: '2026-03-10T10:20:11Z', state: STATE, scopes: ['api:read'], codeChallenge: PKCE.ok.challenge }],
    },
  },
  {
    id: 'state-from-an-unchecked-url-points-to-build-step',
    source: { url: 'https://github.com/w3c/webauthn/issues/2418', title: 'Ensure hard-coded step references are correct' },
    class: 8,
    step: 'redirect',
    server: 'practice',
    input: `http://localhost:3000/redirect?code=${CODES.d}&state=Wc-_joLJHkXSmykgX-9W-Q&iss=http%3A%2F%2Flocalhost%3A3000%2Foauth2%2Fdefault`,
    cause:
      'The learner edited the URL in the browser\'s address bar (new state) and logged in without checking it (adapted: the report is about hard-coded "step X" references going stale).',
    answer:
      'This state (Wc-_joLJ…) is not the one in the URL you checked: you logged in with a URL the site never saw. Go back to “Build the authorization URL”, check the URL you want to use, and log in with its Log In link.',
    expect: {
      code: 'redirect.state_mismatch',
      mustMention: ['Build the authorization URL', 'Log In'],
      mustNotSay: [NO_STEP_NUMBER],
    },
    records: 'The only checked URL (10:31:50) has state wxdMg1Rrq6ZiuGEtYXXueg.',
    world: { checkedUrls: [{ at: '2026-03-10T10:31:50Z', state: STATE, scopes: ['offline_access', 'api:read'] }] },
  },
  {
    id: 'okta-url-while-practice-chosen-points-to-setup-step',
    source: { url: 'https://github.com/PostgREST/postgrest-docs/pull/387', title: 'Fixed the numbering for the steps' },
    class: 8,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams(), 'https://dev-4829115.okta.com/oauth2/default/v1/authorize'),
    cause:
      'The learner wants to use their Okta org but never switched the server choice from the practice server (adapted: the report fixed a guide with two "Step 4"s).',
    answer:
      'This URL is for your Okta org (dev-4829115.okta.com), but the exercise is set to the practice server (localhost:3000). To use Okta, choose it in “Choose your server” (issuer https://dev-4829115.okta.com/oauth2/default, your client ID); otherwise use http://localhost:3000/oauth2/default/v1/authorize.',
    expect: {
      code: 'url.host_mismatch',
      mustMention: ['Choose your server', 'dev-4829115\\.okta\\.com'],
      mustNotSay: [NO_STEP_NUMBER],
    },
  },
];
