/**
 * Class 1, deeper (issue 19, third round): the evidence is in the paste, but not as its first
 * line — an HTTP exchange shown by curl -v / curl -i / PowerShell -Verbose around an empty
 * body, a character deep inside the command (an en dash, a narrow no-break space), or a
 * character the shell acted on (&, #, !, $, zsh's ?). The answer of each case was written
 * before the case was run. Not holdout: these are development cases.
 */
import { CLIENT_ID, CLIENT_SECRET, CODES, lines, PKCE, REDIRECT_URI, STATE, TOKENS } from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const ZSH = 'ana@macbook ~ % ';
const PRACTICE_TOKEN = 'http://localhost:3000/oauth2/default/v1/token';
const GENERIC_TOKEN = 'https://auth.example.com/v1/token';
const OKTA_TOKEN = 'https://dev-4829115.okta.com/oauth2/default/v1/token';
const ENCODED_REDIRECT = 'http%3A%2F%2Flocalhost%3A3000%2Fredirect';

export const CLASS_1_DEEPER: RealMistake[] = [
  {
    id: 'verbose-401-empty-basic-header-from-unset-variables',
    source: { url: 'https://github.com/authlib/example-oauth2-server/issues/50', title: 'Invalid Client' },
    class: 1,
    step: 'token-response',
    server: 'generic',
    input: lines(
      `${PROMPT}curl -v -u \${client_id}:\${client_secret} -d grant_type=authorization_code -d code=${CODES.a} -d redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier} ${GENERIC_TOKEN}`,
      '*   Trying 198.51.100.7:443...',
      '* Connected to auth.example.com (198.51.100.7) port 443',
      "* Server auth using Basic with user ''",
      '> POST /v1/token HTTP/1.1',
      '> Host: auth.example.com',
      '> Authorization: Basic Og==',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '> Content-Length: 190',
      '> Content-Type: application/x-www-form-urlencoded',
      '>',
      '< HTTP/1.1 401 Unauthorized',
      '< WWW-Authenticate: Basic realm="auth.example.com"',
      '< Content-Length: 0',
      '<',
      '* Connection #0 to host auth.example.com left intact',
    ),
    cause:
      'The command used ${client_id} and ${client_secret} copied from a tutorial, but those shell variables were never set, so curl sent Basic credentials that are empty on both sides of the colon.',
    answer:
      "The server answered 401 Unauthorized with no body and a WWW-Authenticate: Basic header: it refused the client authentication. The header your curl sent, Authorization: Basic Og==, decodes to \":\" — an empty client ID and an empty client secret: ${client_id} and ${client_secret} are not set in this shell. Set them first (client_id='…' client_secret='…') or write your app's values into -u, and run the command again.",
    expect: { code: 'paste.http_error', mustMention: ['401', 'empty', 'client_id'] },
  },
  {
    id: 'curl-i-302-to-a-login-page',
    source: { url: 'https://github.com/lelylan/rest-oauth2-server/issues/40', title: "can't get the access token" },
    class: 1,
    step: 'token-response',
    server: 'generic',
    input: lines(
      `${PROMPT}curl -i -X POST https://auth.example.com/oauth/token -d grant_type=authorization_code -d code=${CODES.b} -d redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier} -d client_id=${CLIENT_ID} -d client_secret=${CLIENT_SECRET}`,
      'HTTP/1.1 302 Found',
      'Location: https://auth.example.com/login',
      'Cache-Control: no-cache',
      'Content-Length: 0',
      'Set-Cookie: session=2f9c0e7a51d84b3c; Path=/; HttpOnly',
      'Date: Tue, 08 Dec 2026 01:12:44 GMT',
      '',
    ),
    cause:
      'Adapted: the learner sent the token request to /oauth/token, a path of the web application behind a login (it redirects to /login), instead of the token endpoint the server publishes (/v1/token).',
    answer:
      "The server answered 302 Found and sends the request on to https://auth.example.com/login — a login page for a browser: /oauth/token is not your server's token endpoint. Send the request to the token endpoint from its metadata, https://auth.example.com/v1/token, and run the command again.",
    expect: { code: 'paste.http_error', mustMention: ['302', 'login', 'https://auth\\.example\\.com/v1/token'] },
  },
  {
    id: 'verbose-get-with-parameters-in-the-url-405',
    source: { url: 'https://github.com/rajithd/spring-boot-oauth2/issues/6', title: "/oauth/token Request method 'GET' not support" },
    class: 1,
    step: 'token-response',
    server: 'okta',
    input: lines(
      `${PROMPT}curl -v "${OKTA_TOKEN}?grant_type=authorization_code&code=${CODES.c}&redirect_uri=${ENCODED_REDIRECT}&code_verifier=${PKCE.ok.verifier}&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}"`,
      '*   Trying 104.18.8.213:443...',
      '* Connected to dev-4829115.okta.com (104.18.8.213) port 443',
      '* using HTTP/2',
      `> GET /oauth2/default/v1/token?grant_type=authorization_code&code=${CODES.c}&redirect_uri=${ENCODED_REDIRECT}&code_verifier=${PKCE.ok.verifier}&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET} HTTP/2`,
      '> Host: dev-4829115.okta.com',
      '> User-Agent: curl/8.4.0',
      '> Accept: */*',
      '>',
      '< HTTP/2 405',
      '< date: Tue, 08 Dec 2026 01:20:03 GMT',
      '< content-length: 0',
      '< allow: POST',
      '<',
      '* Connection #0 to host dev-4829115.okta.com left intact',
    ),
    cause: "The learner put the token request's parameters in the URL and ran curl without -d, so curl sent a GET with a query string.",
    answer:
      'Okta answered 405 (only POST is allowed): your command sent GET /oauth2/default/v1/token?grant_type=… — the parameters in the URL, no body. A token request is a POST with the parameters as a form: send each with -d name=value (curl then POSTs) and remove them from the URL (a client secret in a URL also ends up in logs), then run the command again.',
    expect: { code: 'paste.http_error', mustMention: ['GET', 'POST', 'URL|query', '-d'] },
  },
  {
    id: 'powershell-verbose-error-record-holds-the-json',
    source: {
      url: 'https://github.com/PowerShell/PowerShell/issues/2193',
      title: 'Invoke-RestMethod should return the full error response from the remote endpoint',
    },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `PS C:\\Users\\ana> Invoke-RestMethod -Method Post -Uri ${PRACTICE_TOKEN} -Body @{grant_type='authorization_code'; code='${CODES.d}'; redirect_uri='${REDIRECT_URI}'; code_verifier='${PKCE.ok.verifier}'; client_id='${CLIENT_ID}'; client_secret='${CLIENT_SECRET}'} -Verbose`,
      'VERBOSE: POST with -1-byte payload',
      'VERBOSE: received 98-byte response of content type application/json; charset=utf-8',
      'Invoke-RestMethod : {"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}',
      'At line:1 char:1',
      '+ Invoke-RestMethod -Method Post -Uri http://localhost:3000/oauth2/defa ...',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-RestMethod], WebException',
      '    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand',
    ),
    cause:
      "Adapted: the learner exchanged a code that had expired (Invoke-RestMethod used correctly); PowerShell shows the server's JSON error only inside its error record.",
    answer:
      'The server\'s answer is inside PowerShell\'s error: invalid_grant, "The authorization code is invalid or has expired." — your Invoke-RestMethod command itself is fine. The code is used or expired: log in again with the Log In link of the authorization URL step and run the same command with the new code right away.',
    expect: {
      code: 'response.error',
      mustMention: ['invalid_grant|expired', 'log in again'],
      mustNotSay: ['curl\\.exe', 'Invoke-WebRequest'],
    },
  },
  {
    id: 'en-dash-instead-of-two-hyphens',
    source: { url: 'https://github.com/tldr-pages/tldr/pull/857', title: 'curl: hyphen instead of en dash' },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `${PROMPT}curl ${PRACTICE_TOKEN} \u2013data grant_type=authorization_code \u2013data code=${CODES.e} \u2013data-urlencode redirect_uri=${REDIRECT_URI} \u2013data code_verifier=${PKCE.ok.verifier} -u ${CLIENT_ID}:${CLIENT_SECRET}`,
      '{"error":"invalid_request","error_description":"Only POST is supported at the token endpoint."}',
      'curl: (6) Could not resolve host: \u2013data',
    ),
    cause:
      'The learner copied the command from a document whose editor turned "--" into an en dash (–), so curl took –data as a URL to fetch, not as an option, and sent a GET without a body.',
    answer:
      'Your command has an en dash (–, U+2013) where two hyphens belong: "–data". A word processor or chat app turned -- into a dash; curl did not read –data as an option but as another address to fetch ("Could not resolve host: –data"), so your parameters were never sent. Type --data with two plain hyphens (every –data in the command), or copy the command with its Copy button, and run it again.',
    expect: { code: 'request.shell_quoting', mustMention: ['en dash|U\\+2013', '--data'] },
  },
  {
    id: 'narrow-no-break-space-after-h',
    source: {
      url: 'https://github.com/scrapinghub/slackbot/pull/212',
      title: 'Make it possible to copy and execute the command posted in slack',
    },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `${PROMPT}curl -X POST ${PRACTICE_TOKEN} -H\u202F"Authorization: Basic MG9hOGYzazJFWEFNUExFOnZTc2FyMzcwOEp2cDlTemkyTldaWjAyQnFwMXFSQ0ZwYmNUWlBkQmg=" -d grant_type=authorization_code -d code=${CODES.f} -d redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier}`,
      '{"error":"invalid_request","error_description":"no client authentication mechanism provided"}',
    ),
    cause:
      'Adapted: the command came through a chat app that put a narrow no-break space (U+202F) after -H, so curl read the header name as " Authorization" and the server saw no client authentication.',
    answer:
      'Between -H and "Authorization: Basic …" your command has a narrow no-break space (U+202F), not a plain space: the shell did not split there, curl took the character as the start of the header\'s name, and the server got no Authorization header ("no client authentication mechanism provided"). Delete it, type a plain space, and run the command again.',
    expect: { code: 'request.shell_quoting', mustMention: ['U\\+202F|narrow no-break', '-H'] },
  },
  {
    id: 'bash-ampersand-in-url-backgrounds-curl-and-runs-u',
    source: { url: 'https://github.com/curl/curl/issues/7469', title: "All string after symbol '&' in URL are ignored" },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `${PROMPT}curl -X POST ${PRACTICE_TOKEN}?grant_type=authorization_code&code=${CODES.a}&code_verifier=${PKCE.ok.verifier}&redirect_uri=${REDIRECT_URI} -u ${CLIENT_ID}:${CLIENT_SECRET}`,
      '[1] 48213',
      '[2] 48214',
      '[3] 48215',
      '-bash: -u: command not found',
      '{"error":"invalid_request","error_description":"no client authentication mechanism provided"}',
    ),
    cause:
      'The URL with the parameters was not in quotes: bash ended the command at the first &, ran curl in the background with grant_type only, took the other parameters as variable assignments and ran -u as a command.',
    answer:
      'bash cut your command at the first & (the URL is not in quotes): it ran curl … ?grant_type=authorization_code in the background ([1] 48213), took code=… and the rest as separate commands, and ran -u as a command ("-u: command not found") — so curl sent neither the code nor your credentials. Put the URL in single quotes, or better send the parameters with -d (the token endpoint reads a POST body), and run the command again.',
    expect: { code: 'request.shell_quoting', mustMention: ['&', 'single quotes|-d'], mustNotSay: ['does not end with'] },
  },
  {
    id: 'zsh-no-matches-found-refresh-url',
    source: { url: 'https://github.com/ohmyzsh/ohmyzsh/issues/7058', title: 'zsh: no matches found on curl URL' },
    class: 1,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      `${ZSH}curl -X POST ${PRACTICE_TOKEN}?grant_type=refresh_token -d refresh_token=${TOKENS.RT_A} -u ${CLIENT_ID}:${CLIENT_SECRET}`,
      `zsh: no matches found: ${PRACTICE_TOKEN}?grant_type=refresh_token`,
    ),
    cause: 'In zsh an unquoted ? is a file-name pattern; no file matched, so zsh ran nothing.',
    answer:
      "zsh read the URL …/v1/token?grant_type=refresh_token as a file-name pattern (because of its ?), found no such file and did not run the command at all. Put the URL in single quotes ('…') — or send -d grant_type=refresh_token instead of the ?grant_type in the URL — and run it again.",
    expect: { code: 'request.shell_quoting', mustMention: ['zsh', 'single quotes'] },
  },
  {
    id: 'exclamation-mark-in-secret-event-not-found',
    source: {
      url: 'https://github.com/hestiacp/hestiacp/issues/1519',
      title: '! character in installation script (in password in my case) caused event not found error',
    },
    class: 1,
    step: 'token-response',
    server: 'generic',
    input: lines(
      `${PROMPT}curl -u "oauth-lab:Zk9!xQ2mWv7Lr4Tp" -d grant_type=authorization_code -d code=${CODES.b} -d redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier} ${GENERIC_TOKEN}`,
      '-bash: !xQ2mWv7Lr4Tp": event not found',
    ),
    cause: 'The client secret holds a "!", and in double quotes bash reads it as a history expansion, so the command never ran.',
    answer:
      'bash took "!xQ2m…" in your client secret for a history expansion (a ! inside double quotes) and ran nothing ("event not found"): the request was never sent. Put the credentials in single quotes — -u \'oauth-lab:Zk9!xQ2m…\' — and run the command again.',
    expect: { code: 'request.shell_quoting', mustMention: ['!', 'single quotes'] },
  },
  {
    id: 'dollar-in-secret-expanded-inside-double-quotes',
    source: {
      url: 'https://github.com/openstreetmap/openstreetmap-website/issues/2172',
      title: 'Basic Auth Password $ Character does not validate',
    },
    class: 1,
    step: 'token-response',
    server: 'generic',
    input: lines(
      `${PROMPT}curl -u "oauth-lab:Tq8$vR2pLx5Nw3Ks" -d grant_type=authorization_code -d code=${CODES.c} -d redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier} ${GENERIC_TOKEN}`,
      '{"error":"invalid_client","error_description":"Client authentication failed."}',
    ),
    cause:
      'The client secret holds a "$"; inside double quotes bash replaced $vR2pLx5Nw3Ks with the value of that (unset) variable, so curl sent the secret "Tq8".',
    answer:
      'Your client secret contains a $ ("Tq8$vR2p…"), and inside double quotes bash replaces $vR2p… with the value of a shell variable of that name — nothing — so curl sent only "Tq8" as the secret and the server refused it (invalid_client). Put the credentials in single quotes: -u \'oauth-lab:Tq8$vR2p…\', and run the command again.',
    expect: { code: 'request.shell_quoting', mustMention: ['\\$', 'single quotes'] },
  },
  {
    id: 'commented-line-inside-a-continued-command',
    source: {
      url: 'https://github.com/koalaman/shellcheck/issues/2438',
      title: 'Lint comments after backslashes for line continuations',
    },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `${PROMPT}curl -X POST ${PRACTICE_TOKEN} \\`,
      '>   -d grant_type=authorization_code \\',
      '>   # -d scope=offline_access \\',
      `{"error":"invalid_request","error_description":"missing required parameter 'code'"}`,
      '-bash: -d: command not found',
      '-bash: -d: command not found',
    ),
    cause:
      'Adapted: the learner commented out a line in the middle of the multi-line command; a comment runs to the end of its line, backslash included, so the command ended there and the lines after it ran as commands.',
    answer:
      'The line "# -d scope=offline_access \\" is a comment: bash ignores everything after the # — the \\ at its end too — so the command ended there. curl sent only grant_type (hence "missing required parameter \'code\'"), and the lines after it ran as commands of their own ("-d: command not found"). Delete the commented line (a comment cannot sit inside a continued command) and run the command again.',
    expect: { code: 'request.command_split', mustMention: ['#', 'comment'] },
  },
  {
    id: 'auth0-grant-type-authorization-code-not-allowed',
    source: {
      url: 'https://github.com/auth0/auth0-spa-js/issues/51',
      title: "Grant type 'authorization_code' not allowed for the client.",
    },
    class: 1,
    step: 'token-response',
    server: 'auth0',
    input: lines(
      `${PROMPT}curl --request POST --url https://dev-k3x7q2.us.auth0.com/oauth/token --data grant_type=authorization_code --data client_id=q9Xw3EXAMPLEaBcDeFgHiJkLmNoPqRsT --data client_secret=Hq2vEXAMPLE9sLk3Jd8fG5aP1oW7zX4cV6bN0mQ2rT8yU3iO --data code_verifier=${PKCE.ok.verifier} --data code=${CODES.d} --data redirect_uri=${REDIRECT_URI}`,
      `{"error":"unauthorized_client","error_description":"Grant type 'authorization_code' not allowed for the client."}${PROMPT}`,
    ),
    cause: 'The Auth0 application does not have the Authorization Code grant enabled (Advanced Settings → Grant Types).',
    answer:
      'Auth0 says your application is not allowed the Authorization Code grant. In the Auth0 Dashboard → Applications → your app → Settings → Advanced Settings → Grant Types, tick Authorization Code (and Refresh Token for this exercise), Save Changes; then log in again and exchange the new code.',
    expect: { code: 'response.error', mustMention: ['Advanced Settings', 'Grant Types'] },
  },
  {
    id: 'okta-prompt-none-without-a-session',
    source: {
      url: 'https://github.com/okta/okta-oidc-js/issues/460',
      title: 'login_required, error.description: The client specified not to prompt, but the user is not logged in.',
    },
    class: 1,
    step: 'redirect',
    server: 'okta',
    input: `http://localhost:3000/redirect?error=login_required&error_description=The+client+specified+not+to+prompt%2C+but+the+user+is+not+logged+in.&state=${STATE}`,
    cause:
      'The authorization URL had prompt=none (copied from a silent-renewal example) and the browser had no Okta session (a private window), so Okta refused to show its login page.',
    answer:
      'Okta did not show its login page because your authorization URL says prompt=none ("do not prompt") and this browser has no Okta session: remove prompt=none from the authorization URL, check it again, and log in.',
    expect: { code: 'redirect.error', mustMention: ['prompt=none'] },
  },
];
