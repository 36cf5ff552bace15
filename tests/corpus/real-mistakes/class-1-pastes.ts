/** Class 1: a paste that itself says what went wrong (curl, HTTP, PowerShell errors, error pages). */
import { bashCommand, CLIENT_ID, CLIENT_SECRET, CODES, lines, OKTA_ISSUER, PKCE, REDIRECT_URI, TOKENS } from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~/oauth-lab$ ';
const exchange = (endpoint: string, secret = CLIENT_SECRET, code = CODES.a) =>
  bashCommand(
    `curl -X POST ${endpoint}`,
    [
      '-d grant_type=authorization_code',
      `--data-urlencode redirect_uri=${REDIRECT_URI}`,
      `-d client_id=${CLIENT_ID}`,
      `-d client_secret=${secret}`,
      `-d code_verifier=${PKCE.ok.verifier}`,
      `-d code=${code}`,
    ],
    PROMPT,
  );

export const CLASS_1: RealMistake[] = [
  {
    id: 'curl-7-command-sent-to-port-3001',
    source: { url: 'https://github.com/instructure/canvas-lms/issues/2539', title: 'failing to connect to local host' },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...exchange('http://localhost:3001/oauth2/default/v1/token'),
      "curl: (7) Failed to connect to localhost port 3001 after 0 ms: Couldn't connect to server",
    ),
    cause: 'The learner changed the port in the command to 3001, where nothing listens; the practice server answers on port 3000.',
    answer:
      'curl never reached a server: the command goes to localhost port 3001, but your issuer is http://localhost:3000/oauth2/default, so the token endpoint is http://localhost:3000/oauth2/default/v1/token. Change 3001 to 3000 (or copy the ready command from “Exchange the code” again), run it, and paste the JSON it prints.',
    expect: {
      code: 'paste.curl_error',
      mustMention: ['3001', 'localhost:3000'],
      mustNotSay: ['paste exactly what the server returned', 'not valid JSON'],
    },
  },
  {
    id: 'curl-7-localhost-inside-dev-container',
    holdout: true,
    source: { url: 'https://github.com/jpadilla/django-rest-framework-jwt/issues/320', title: 'Connection refuse when test' },
    class: 1,
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
        'root@5c1f0e2ab9d4:/workspace# ',
      ),
      "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn't connect to server",
    ),
    cause:
      'The learner ran curl inside a Docker dev container (root@5c1f0e2ab9d4), where localhost is the container itself, not the machine running OAuth Lab (adapted: the report is the same error with the server not on that localhost).',
    answer:
      'The prompt root@5c1f0e2ab9d4:/workspace shows curl ran inside a container: there, localhost:3000 is the container, and nothing listens on it. Run the refresh command in a terminal on the machine where OAuth Lab runs (or, from the container, use http://host.docker.internal:3000/oauth2/default/v1/token), then paste the JSON it prints.',
    expect: {
      code: 'paste.curl_error',
      mustMention: ['container|docker', 'localhost'],
      mustNotSay: ['is the server running\\?'],
    },
  },
  {
    id: 'curl-6-okta-domain-typed-okta-co',
    source: {
      url: 'https://github.com/okta/samples-android/issues/38',
      title: 'unable to resolve host: com.okta.dev-689264 no address associated with hostname',
    },
    class: 1,
    step: 'token-response',
    server: 'okta',
    input: lines(
      ...exchange('https://dev-4829115.okta.co/oauth2/default/v1/token'),
      'curl: (6) Could not resolve host: dev-4829115.okta.co',
    ),
    cause: 'The learner typed the token URL by hand and dropped the final "m" of okta.com, so the host name does not exist.',
    answer: `curl could not find the host dev-4829115.okta.co: your issuer is ${OKTA_ISSUER}, so the host is dev-4829115.okta.com (with the "m"). Fix the URL to https://dev-4829115.okta.com/oauth2/default/v1/token, run the command again and paste its JSON output.`,
    expect: {
      code: 'paste.curl_error',
      mustMention: ['okta\\.co\\b', 'dev-4829115\\.okta\\.com'],
      mustNotSay: ['firewall'],
    },
  },
  {
    id: 'curl-35-https-to-a-plain-http-port',
    source: {
      url: 'https://github.com/small-tech/auto-encrypt-localhost/issues/3',
      title: 'curl: (35) error:1408F10B:SSL routines:ssl3_get_record:wrong version number',
    },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...exchange('https://localhost:3000/oauth2/default/v1/token'),
      'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
    ),
    cause:
      'The learner wrote https:// for the practice server, which speaks plain http on localhost:3000, so the TLS handshake got an http answer.',
    answer:
      '"wrong version number" is what curl says when it speaks TLS to a port that answers plain http: your command uses https://localhost:3000. The practice server is http://localhost:3000 — http is fine on localhost. Use http://localhost:3000/oauth2/default/v1/token (as in the command on “Exchange the code”) and paste the JSON it prints.',
    expect: {
      code: 'paste.curl_error',
      mustMention: ['https://localhost:3000', 'http://localhost:3000'],
      mustNotSay: ['-k\\b', '--insecure'],
    },
  },
  {
    id: 'curl-60-self-signed-keycloak',
    source: { url: 'https://github.com/RedHatDemos/SecurityDemos/issues/407', title: 'Lab 3 - first curl command has different response' },
    class: 1,
    step: 'token-response',
    server: 'keycloak',
    input: lines(
      ...exchange('https://sso.cs.example.edu/realms/oauth-course/protocol/openid-connect/token'),
      'curl: (60) SSL certificate problem: self-signed certificate in certificate chain',
      'More details here: https://curl.se/docs/sslcerts.html',
      '',
      'curl failed to verify the legitimacy of the server and therefore could not',
      'establish a secure connection to it. To learn more about this situation and',
      'how to fix it, please visit the web page mentioned above.',
    ),
    cause: "The course's Keycloak uses a certificate signed by the university's own CA, which the learner's curl does not trust.",
    answer:
      "curl refused the connection before sending anything: sso.cs.example.edu presents a certificate chain that ends in a self-signed (private) CA your curl does not trust. Get the course's CA certificate (ask the instructor) and add --cacert /path/to/course-ca.pem to the command — rather than -k, which would also send your client secret to any impostor — then paste the JSON it prints.",
    expect: {
      code: 'paste.curl_error',
      mustMention: ['self-signed|certificate', '--cacert'],
      mustNotSay: ['invalid JSON'],
    },
  },
  {
    id: 'powershell-curl-is-invoke-webrequest',
    source: { url: 'https://github.com/MicrosoftDocs/azure-docs/pull/76391', title: 'curl command error' },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `PS C:\\Users\\ana> curl -X POST http://localhost:3000/oauth2/default/v1/token -d grant_type=authorization_code --data-urlencode redirect_uri=${REDIRECT_URI} -d client_id=${CLIENT_ID} -d client_secret=${CLIENT_SECRET} -d code_verifier=${PKCE.ok.verifier} -d code=${CODES.a}`,
      "Invoke-WebRequest : A parameter cannot be found that matches parameter name 'X'.",
      'At line:1 char:6',
      '+ curl -X POST http://localhost:3000/oauth2/default/v1/token -d grant_t ...',
      '+      ~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Invoke-WebRequest], ParameterBindingException',
      '    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
    ),
    cause: 'In Windows PowerShell, curl is an alias of Invoke-WebRequest, which has no -X option, so the real curl never ran.',
    answer:
      'This is PowerShell, not curl: in Windows PowerShell "curl" means Invoke-WebRequest, which has no -X. Type curl.exe instead of curl (the real curl ships with Windows 10 and later), keep the rest of the command on one line, run it and paste the JSON it prints.',
    expect: {
      code: 'paste.powershell_error',
      mustMention: ['curl\\.exe', 'Invoke-WebRequest'],
    },
  },
  {
    id: 'powershell-invoke-restmethod-hides-the-error-body',
    source: { url: 'https://github.com/gabrielsroka/OktaAPI.psm1/issues/1', title: '(400) Bad Request' },
    class: 1,
    step: 'token-response',
    server: 'okta',
    input: lines(
      `PS C:\\Users\\ana> Invoke-RestMethod -Method Post -Uri https://dev-4829115.okta.com/oauth2/default/v1/token -Body @{ grant_type='authorization_code'; redirect_uri='${REDIRECT_URI}'; client_id='${CLIENT_ID}'; client_secret='${CLIENT_SECRET}'; code_verifier='${PKCE.ok.verifier}'; code='${CODES.b}' }`,
      'Invoke-RestMethod : The remote server returned an error: (400) Bad Request.',
      'At line:1 char:1',
      '+ Invoke-RestMethod -Method Post -Uri https://dev-4829115.okta.com/oaut ...',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-RestMethod], WebException',
      '    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand',
    ),
    cause:
      "Windows PowerShell's Invoke-RestMethod throws on a 400 and prints only the status, hiding Okta's JSON error that names the problem.",
    answer:
      'Okta answered 400 Bad Request, but Windows PowerShell threw the answer away and kept only the status, so the reason is not in this paste. Run the same request with curl.exe (or read $_.ErrorDetails.Message in a catch block) to see Okta\'s JSON — e.g. {"error":"invalid_grant",…} — and paste that JSON.',
    expect: {
      code: null,
      proposedCode: 'paste.powershell_http_error',
      mustMention: ['400', 'curl\\.exe|ErrorDetails'],
    },
  },
  {
    id: 'token-endpoint-opened-in-browser-405',
    source: { url: 'https://github.com/domainersuitedev/delicious-api/issues/40', title: 'Failed on calling /oauth/token; Got Error 405.' },
    class: 1,
    step: 'token-response',
    server: 'generic',
    input: lines(
      'HTTP ERROR 405',
      '',
      'Problem accessing /oauth2/token. Reason:',
      '',
      "    Request method 'GET' not supported",
      '',
      'Powered by Jetty://',
    ),
    cause:
      'The learner opened the token endpoint (https://auth.shop.example.com/oauth2/token) in the browser, which sends GET; the token endpoint accepts only POST.',
    answer:
      'This is the error page for a browser visit: the token endpoint /oauth2/token only accepts POST with the form parameters, and a browser address bar sends GET (405). Run the curl command from “Exchange the code” in a terminal — it sends POST — and paste the JSON it prints.',
    expect: { code: 'paste.http_error', mustMention: ['405', 'POST'] },
  },
  {
    id: 'html-404-token-path-with-extra-s',
    source: { url: 'https://github.com/SaxoBank/openapi-samples-js/issues/2', title: 'Get Token_access failing' },
    class: 1,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...exchange('http://localhost:3000/oauth2/default/v1/tokens'),
      '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>404: This page could not be found.</title></head><body><div style="font-family:system-ui,&quot;Segoe UI&quot;,Roboto,Helvetica,Arial,sans-serif;height:100vh;text-align:center;display:flex;flex-direction:column;align-items:center;justify-content:center"><div><h1 class="next-error-h1" style="display:inline-block;margin:0 20px 0 0;padding:0 23px 0 0;font-size:24px;font-weight:500;vertical-align:top;line-height:49px">404</h1><div style="display:inline-block"><h2 style="font-size:14px;font-weight:400;line-height:49px;margin:0">This page could not be found.</h2></div></div></div></body></html>',
    ),
    cause: 'The learner typed /v1/tokens instead of /v1/token, so the site answered its HTML 404 page instead of the token endpoint JSON.',
    answer:
      'The command went to http://localhost:3000/oauth2/default/v1/tokens — with an extra "s" — and the site answered its 404 page. The token endpoint is http://localhost:3000/oauth2/default/v1/token. Fix the path, run the command again (the code is still unused) and paste the JSON.',
    expect: {
      code: 'paste.http_error',
      mustMention: ['/v1/tokens', '/v1/token\\b'],
      mustNotSay: ['not valid JSON'],
    },
  },
  {
    id: 'okta-400-page-pasted-as-redirect',
    source: {
      url: 'https://github.com/oktadev/okta-node-express-typescript-react-example/issues/12',
      title: 'Redirect URL and OAuthError errors when following screenshot in readme',
    },
    class: 1,
    step: 'redirect',
    server: 'okta',
    input: lines(
      '400',
      'Bad Request',
      'Your request resulted in an error.',
      'Go to Homepage',
      'Identity Provider: Unknown',
      'Error Code: invalid_request',
      "Description: The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: https://dev-4829115-admin.okta.com/admin/app/oidc_client/instance/0oa8f3k2EXAMPLE#tab-general",
    ),
    cause:
      "The Okta app's Sign-in redirect URIs do not include http://localhost:3000/redirect, so Okta showed its error page instead of redirecting.",
    answer:
      "Okta did not redirect back: it stopped on its own error page because the redirect_uri in your URL (http://localhost:3000/redirect) is not one of the app's Sign-in redirect URIs. In the Okta Admin Console open Applications → your app → General → Edit, add http://localhost:3000/redirect to Sign-in redirect URIs, Save, then click Log In again.",
    expect: {
      code: null,
      proposedCode: 'redirect.error_page',
      mustMention: ['redirect_uri', 'Sign-in redirect URI'],
      mustNotSay: ['code is missing'],
    },
  },
  {
    id: 'okta-docs-yourOktaDomain-expanded-by-bash',
    holdout: true,
    source: {
      url: 'https://developer.okta.com/docs/guides/refresh-tokens/get-refresh-token/',
      title: 'Okta Developer: Get a refresh token',
    },
    class: 1,
    step: 'refresh-response',
    server: 'okta',
    input: lines(
      `${PROMPT}curl --request POST --url https://\${yourOktaDomain}/oauth2/default/v1/token --header 'accept: application/json' --header 'content-type: application/x-www-form-urlencoded' --data 'grant_type=refresh_token&redirect_uri=${REDIRECT_URI}&scope=offline_access%20openid&refresh_token=${TOKENS.RT_B}' -u '${CLIENT_ID}:${CLIENT_SECRET}'`,
      'curl: (6) Could not resolve host: oauth2',
    ),
    cause:
      'The learner kept Okta\'s ${yourOktaDomain} placeholder from the docs; bash replaced it with an empty variable, so the URL became https:///oauth2/… and curl took "oauth2" for the host.',
    answer:
      'The command still has the docs\' placeholder ${yourOktaDomain}. Bash treats it as an empty variable, so curl was asked for https:///oauth2/default/v1/token and tried a host named "oauth2". Put your domain in its place — https://dev-4829115.okta.com/oauth2/default/v1/token — run it again and paste the JSON.',
    expect: {
      code: 'paste.placeholder',
      mustMention: ['\\$\\{yourOktaDomain\\}', 'dev-4829115\\.okta\\.com'],
    },
  },
  {
    id: 'keycloak-curl-verbose-401-wrong-secret',
    holdout: true,
    source: {
      url: 'https://github.com/PacktPublishing/Keycloak-Identity-and-Access-Management-for-Modern-Applications/issues/17',
      title: 'Chapter 7, page 121',
    },
    class: 1,
    step: 'token-response',
    server: 'keycloak',
    input: lines(
      `${PROMPT}curl -v -X POST https://sso.cs.example.edu/realms/oauth-course/protocol/openid-connect/token --user oauth-lab:9f3c2b7e-1d4a-4c8e-b2f6-7a5d0e9c3b18 -d grant_type=authorization_code -d redirect_uri=${REDIRECT_URI} -d code_verifier=${PKCE.ok.verifier} -d code=${CODES.c}`,
      'Note: Unnecessary use of -X or --request, POST is already inferred.',
      '*   Trying 203.0.113.24:443...',
      '* Connected to sso.cs.example.edu (203.0.113.24) port 443 (#0)',
      "* Server auth using Basic with user 'oauth-lab'",
      '> POST /realms/oauth-course/protocol/openid-connect/token HTTP/1.1',
      '> Host: sso.cs.example.edu',
      '> Authorization: Basic b2F1dGgtbGFiOjlmM2MyYjdlLTFkNGEtNGM4ZS1iMmY2LTdhNWQwZTljM2IxOA==',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '> Content-Length: 180',
      '> Content-Type: application/x-www-form-urlencoded',
      '>',
      '< HTTP/1.1 401 Unauthorized',
      '< Cache-Control: no-store',
      '< Pragma: no-cache',
      '< Content-Type: application/json',
      '< Content-Length: 98',
      '<',
      '{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}',
      '* Connection #0 to host sso.cs.example.edu left intact',
    ),
    cause:
      "The learner sent the client secret of another Keycloak client (the UUID from an old realm export), so Keycloak rejected the client's credentials.",
    answer:
      'Keycloak answered 401 Unauthorized: "Invalid client or Invalid client credentials" — the secret sent with --user oauth-lab:9f3c… is not the current secret of client oauth-lab. Copy it from the Keycloak admin console (Clients → oauth-lab → Credentials → Client secret), run the command again and paste only the JSON line (drop -v).',
    expect: { code: 'response.error', mustMention: ['401', 'client secret|Credentials'] },
  },
];
