/** Class 4: PKCE and Basic auth done the usual wrong ways in a shell, and shell quoting. */
import {
  authorizeUrl,
  BASIC,
  bashCommand,
  CLIENT_ID,
  CLIENT_SECRET,
  CODES,
  goodParams,
  lines,
  PKCE,
  REDIRECT_URI,
  TOKENS,
} from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const OKTA_AUTHORIZE = 'https://dev-4829115.okta.com/oauth2/default/v1/authorize';
const NO_CLIENT_AUTH = '{"error":"invalid_request","error_description":"no client authentication mechanism provided"}';
const PS_NOT_RECOGNIZED = (token: string, line: string) => [
  `${token} : The term '${token}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
  'At line:1 char:1',
  `+ ${line}`,
  `+ ${'~'.repeat(token.length)}`,
  `    + CategoryInfo          : ObjectNotFound: (${token}:String) [], CommandNotFoundException`,
  '    + FullyQualifiedErrorId : CommandNotFoundException',
];

export const CLASS_4: RealMistake[] = [
  {
    id: 'pkce-hex-digest-encoded-again',
    source: {
      url: 'https://stackoverflow.com/questions/59911194/how-to-calculate-pckes-code-verifier',
      title: "How to calculate PCKE's code_verifier?",
    },
    class: 4,
    step: 'authorize-url',
    server: 'okta',
    input: authorizeUrl(goodParams({ code_challenge: PKCE.stackOverflow.base64OfHex }), OKTA_AUTHORIZE),
    cause:
      'The learner hashed the verifier with an online SHA-256 calculator, which prints hex, and base64-encoded that hex text instead of the 32-byte digest (verifier Zg6klgrnixQJ629GsawRMV8MjWvwRAr-vyvP1MHnB6X8WKZN).',
    answer:
      "Your code_challenge has 88 characters and decodes to the hex text \"885ffba6b51e…\": you encoded the hexadecimal form of the hash, not the hash itself. Base64url-encode the 32 raw bytes instead — printf %s \"$VERIFIER\" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '=' — or use Calculate Hash; for your verifier that gives iF_7prUeJ6rr3jMG3LmhW3R1cZ2ecZavFqS0jtb6tzo (43 characters).",
    expect: { code: 'code_challenge.malformed', mustMention: ['88', 'hex'] },
  },
  {
    id: 'pkce-standard-base64-with-plus-and-padding',
    holdout: true,
    source: { url: 'https://github.com/GSA-TTS/identity-dev-docs/pull/197', title: 'Clarify encoding of code challenge' },
    class: 4,
    step: 'authorize-url',
    server: 'okta',
    input: authorizeUrl(goodParams({ code_challenge: PKCE.plus.base64 }), OKTA_AUTHORIZE),
    cause:
      'The learner encoded the SHA-256 digest with standard base64 (openssl base64 without the tr step), which has "+" and a trailing "=", instead of base64url.',
    answer:
      'The challenge is standard base64: it has "+" (which a URL reads as a space) and the "=" padding. PKCE needs base64url without padding — replace + with -, / with _ and drop =: code_challenge=wjpOGL4jGPwh-M3am3As3Jg0brBPTgQ3WqFiozwG1HQ.',
    expect: { code: 'code_challenge.not_base64url', mustMention: ['wjpOGL4jGPwh-M3am3As3Jg0brBPTgQ3WqFiozwG1HQ'] },
  },
  {
    id: 'pkce-openssl-dgst-without-binary',
    source: { url: 'https://github.com/WP-API/OAuth2/pull/46', title: 'Added PKCE support' },
    class: 4,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ code_challenge: PKCE.dgstText.printed })),
    cause:
      'The learner ran `echo -n "$V" | openssl dgst -sha256 | base64 | tr ...` without -binary, so the challenge is the base64url of the text "SHA2-256(stdin)= e8c1…", wrapped by base64 onto two lines.',
    answer:
      "Your code_challenge is 110 characters and decodes to the text \"SHA2-256(stdin)= e8c1609c…\": openssl dgst printed its report and you encoded that text. Add -binary so openssl outputs the raw digest: echo -n \"$VERIFIER\" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '=' — a 43-character value (for your verifier, 6MFgnAlIXiyUCJ2rkvOjCpzxsMv1T3S4Ye8AEU7ql0M).",
    expect: { code: 'code_challenge.malformed', mustMention: ['-binary', 'SHA2-256\\(stdin\\)|openssl dgst'] },
  },
  {
    id: 'pkce-echo-without-n-hashed-a-newline',
    source: {
      url: 'https://github.com/testssl/testssl.sh/pull/1538',
      title: 'Fix basicauth bug where a newline is added to the user:password string before encoding',
    },
    class: 4,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `${PROMPT}echo "${PKCE.newline.verifier}" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '='`,
      PKCE.newline.challengeOfVerifierAndNewline,
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/token',
        [
          '-d grant_type=authorization_code',
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${CLIENT_SECRET}`,
          `-d code_verifier=${PKCE.newline.verifier}`,
          `-d code=${CODES.c}`,
        ],
        PROMPT,
      ),
      `{"error":"invalid_grant","error_description":"PKCE verification failed."}${PROMPT}`,
    ),
    cause:
      'The learner computed the challenge with echo (no -n), which hashed the verifier plus a newline; the verifier sent at the token endpoint has no newline, so the hashes differ.',
    answer:
      'echo without -n adds a newline, so the challenge in your URL (tPz4x4Gh…) is the hash of your verifier followed by "\\n"; the verifier you now send (SgS_cFbo…) hashes to _eHocfnK5z2J9EPWpUd9-Z5-e5xRRIurUZgP1V_Tn48. Compute the challenge with echo -n (or printf %s), build and check the URL again, log in, and exchange the new code.',
    expect: {
      code: null,
      proposedCode: 'pkce.newline_hashed',
      mustMention: ['newline|\\\\n', 'echo -n|printf'],
      mustNotSay: ['add .*code_verifier', 'expired'],
    },
    records: `The checked URL's code_challenge is ${PKCE.newline.challengeOfVerifierAndNewline} = base64url(sha256(verifier + "\\n")); base64url(sha256(verifier)) = ${PKCE.newline.right}.`,
  },
  {
    id: 'pkce-powershell-get-filehash-hex',
    holdout: true,
    source: { url: 'https://github.com/thunderclient/thunder-client-support/issues/1017', title: 'Code verifier and code challenge issue' },
    class: 4,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ code_challenge: PKCE.upperHex.printed })),
    cause:
      "The learner hashed the verifier with PowerShell's Get-FileHash -Algorithm SHA256, which prints the digest as 64 upper-case hex characters, and used that as the challenge (adapted: the report is a learner unsure how the challenge is derived from the verifier).",
    answer:
      "Your code_challenge is 64 hexadecimal characters (C6F3A714…): that is how Get-FileHash prints a SHA-256 digest. PKCE wants the same 32 bytes in base64url — in PowerShell: [Convert]::ToBase64String($bytes).TrimEnd('=').Replace('+','-').Replace('/','_') on the raw hash bytes — or use Calculate Hash on the page; it is 43 characters long.",
    expect: { code: 'code_challenge.not_base64url', mustMention: ['64', 'hex'] },
  },
  {
    id: 'pkce-padding-kept',
    source: { url: 'https://github.com/felleslosninger/docs/pull/324', title: 'Update oidc_func_pkce.md' },
    class: 4,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ code_challenge: PKCE.padded.printed })),
    cause: 'The learner converted base64 to base64url by swapping + and / but kept the trailing "=" padding.',
    answer:
      'Your code_challenge ends with "=" (44 characters). base64url for PKCE has no padding: drop the final "=" so the challenge is the 43 characters 5Km1Sy5TZG01fiYZwKD9jWzlYMYP36L-YqgU-jlmoCA.',
    expect: { code: 'code_challenge.not_base64url', mustMention: ['=', '43'] },
  },
  {
    id: 'basic-header-from-echo-without-n',
    source: {
      url: 'https://github.com/nutechsoftware/alarmdecoder-webapp/issues/63',
      title: "Basic authentication \"Invalid header value 'Basic T...=\\n'",
    },
    class: 4,
    step: 'token-response',
    server: 'practice',
    input: lines(
      `${PROMPT}echo "${CLIENT_ID}:${CLIENT_SECRET}" | base64`,
      BASIC.withNewline,
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/token',
        [
          `-H "Authorization: Basic ${BASIC.withNewline}"`,
          '-d grant_type=authorization_code',
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d code_verifier=${PKCE.ok.verifier}`,
          `-d code=${CODES.d}`,
        ],
        PROMPT,
      ),
      `{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}${PROMPT}`,
    ),
    cause:
      'The learner built the Basic header with echo (no -n), so the encoded credentials end with a newline and the secret no longer matches.',
    answer:
      'Your Basic credentials decode to "0oa8f3k2EXAMPLE:vSsar3…dBh\\n": echo added a newline to the secret before base64 (the "gK" at the end is that newline). Encode with echo -n (or printf %s), or let curl do it: -u "0oa8f3k2EXAMPLE:<secret>"; then run the exchange again.',
    expect: {
      code: null,
      proposedCode: 'client_auth.basic_malformed',
      mustMention: ['newline|\\\\n', 'echo -n|printf|-u '],
      mustNotSay: ['copy the client secret again', 'wrong (client )?secret'],
    },
  },
  {
    id: 'basic-header-wrapped-by-base64-at-76',
    source: { url: 'https://github.com/garritfra/garrit.xyz/issues/482', title: 'Beware of base64 encoded strings' },
    class: 4,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -i -X POST http://localhost:3000/oauth2/default/v1/token',
        [
          `-H "Authorization: Basic $(echo -n "${BASIC.longClientId}:$CLIENT_SECRET" | base64)"`,
          '-d grant_type=authorization_code',
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d code_verifier=${PKCE.ok.verifier}`,
          `-d code=${CODES.e}`,
        ],
        PROMPT,
      ),
      'HTTP/1.1 400 Bad Request',
      'Connection: close',
      '',
      '',
    ),
    cause:
      'GNU base64 wraps its output at 76 characters; "0oa7Qm2xZ9EXAMPLEr4T:" plus the 40-character secret encodes to 84, so the header value held a line break and the server rejected the request as malformed.',
    answer:
      'The server rejected the request itself (400 with no JSON): your client ID and secret encode to 84 base64 characters, and base64 breaks its output after 76, so the Authorization header contained a line break. Use base64 -w 0 (macOS: base64 has no wrapping) or simply -u "0oa7Qm2xZ9EXAMPLEr4T:$CLIENT_SECRET" and run the exchange again.',
    expect: {
      code: null,
      proposedCode: 'client_auth.basic_malformed',
      mustMention: ['76|wrap|line break', '-w ?0|-u '],
    },
    records: `This learner's practice app has client ID ${BASIC.longClientId} (20 characters) and a 40-character secret; base64 of "id:secret" is 84 characters, printed as:\n${BASIC.wrapped}`,
  },
  {
    id: 'cmd-exe-backslash-line-continuation',
    source: { url: 'https://github.com/wit-ai/wit/issues/1782', title: 'windows cmd error' },
    class: 4,
    step: 'token-response',
    server: 'practice',
    input: lines(
      'C:\\Users\\ana>curl -X POST http://localhost:3000/oauth2/default/v1/token \\',
      `${NO_CLIENT_AUTH}curl: (6) Could not resolve host: \\`,
      '',
      'C:\\Users\\ana>  -d grant_type=authorization_code \\',
      "'-d' is not recognized as an internal or external command,",
      'operable program or batch file.',
      '',
      `C:\\Users\\ana>  --data-urlencode redirect_uri=${REDIRECT_URI} \\`,
      "'--data-urlencode' is not recognized as an internal or external command,",
      'operable program or batch file.',
      '',
      `C:\\Users\\ana>  -d client_id=${CLIENT_ID} \\`,
      "'-d' is not recognized as an internal or external command,",
      'operable program or batch file.',
      '',
      `C:\\Users\\ana>  -d client_secret=${CLIENT_SECRET} \\`,
      "'-d' is not recognized as an internal or external command,",
      'operable program or batch file.',
    ),
    cause:
      'The learner pasted the bash command, whose lines end in "\\", into Windows cmd.exe, which continues lines with "^"; each line ran as a separate command.',
    answer:
      'This is Command Prompt (cmd.exe): it does not know "\\" at the end of a line, so curl ran with only the URL (the server answered that no client authentication was sent) and every following line failed as a command of its own. Put the whole command on one line, or end each line with ^ instead of \\, then run it and paste the JSON.',
    expect: {
      code: 'request.command_split',
      mustMention: ['cmd|Command Prompt', '\\^|one line'],
      mustNotSay: ['no space after'],
    },
  },
  {
    id: 'cmd-exe-single-quotes-kept-literally',
    source: {
      url: 'https://github.com/postmanlabs/postman-code-generators/issues/248',
      title: 'cURL snippets fail on Windows due to Single Quote',
    },
    class: 4,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      `C:\\Users\\ana>curl -L -X POST "http://localhost:3000/oauth2/default/v1/token" -H 'Content-Type: application/x-www-form-urlencoded' --data-urlencode 'grant_type=refresh_token' --data-urlencode 'client_id=${CLIENT_ID}' --data-urlencode 'client_secret=${CLIENT_SECRET}' --data-urlencode 'refresh_token=${TOKENS.RT_A}'`,
      `${NO_CLIENT_AUTH}curl: (6) Could not resolve host: application`,
      '',
      'C:\\Users\\ana>',
    ),
    cause:
      "The learner ran a command written for bash (single quotes) in cmd.exe, where ' is an ordinary character: the parameter names arrived as 'grant_type, 'client_id, … and the Content-Type value became a second URL.",
    answer:
      'Command Prompt does not treat single quotes as quotes: curl received \'client_id=…\' with the quote in the name, so the server saw no client_id and no secret, and "application/x-www-form-urlencoded\'" became a second URL (host "application"). Use double quotes in cmd ("client_id=0oa8f3k2EXAMPLE") — or no quotes at all for these values — and run it again.',
    expect: {
      code: null,
      proposedCode: 'request.shell_quoting',
      mustMention: ["single quote|'", 'cmd|Command Prompt'],
      mustNotSay: ['copy the client secret', 'DNS'],
    },
  },
  {
    id: 'powershell-backtick-followed-by-space',
    source: {
      url: 'https://github.com/PowerShell/PowerShell/issues/2819',
      title: 'Is it worth adding an additional line continuation mechanism?',
    },
    class: 4,
    step: 'token-response',
    server: 'practice',
    input: lines(
      'PS C:\\Users\\ana> curl.exe -X POST http://localhost:3000/oauth2/default/v1/token `',
      '>> -d grant_type=authorization_code `',
      `>> --data-urlencode redirect_uri=${REDIRECT_URI} \` `,
      NO_CLIENT_AUTH,
      ...PS_NOT_RECOGNIZED('-d', `-d client_id=${CLIENT_ID} \``),
    ),
    cause:
      'In the PowerShell version of the command, the backtick on the redirect_uri line was followed by a space, so it did not continue the line: curl ran without client_id, secret, verifier and code, and the rest ran as a separate command.',
    answer:
      'The backtick at the end of the redirect_uri line has a space after it, so PowerShell ended the command there: curl.exe was sent without client_id, client_secret, code_verifier and code (hence "no client authentication"), and "-d client_id=…" then failed as a command. Remove the space after that backtick (it must be the last character) or write the command on one line, and run it again.',
    expect: {
      code: 'request.command_split',
      mustMention: ['backtick|`', 'space'],
      mustNotSay: ['backslash'],
    },
  },
  {
    id: 'bash-unquoted-ampersands-in-query',
    holdout: true,
    source: { url: 'https://github.com/curl/curl/issues/7469', title: "All string after symbol '&' in URL are ignored" },
    class: 4,
    step: 'refresh-response',
    server: 'practice',
    input: lines(
      `${PROMPT}curl -X POST http://localhost:3000/oauth2/default/v1/token?grant_type=refresh_token&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&refresh_token=${TOKENS.RT_A}`,
      '[1] 48211',
      '[2] 48212',
      '[3] 48213',
      `${PROMPT}${NO_CLIENT_AUTH}`,
      '[1]   Done                    curl -X POST http://localhost:3000/oauth2/default/v1/token?grant_type=refresh_token',
      `[2]-  Done                    client_id=${CLIENT_ID}`,
      `[3]+  Done                    client_secret=${CLIENT_SECRET}`,
    ),
    cause:
      'The learner put the parameters in an unquoted URL: bash split the command at each "&" into background jobs, so curl sent only ?grant_type=refresh_token (and a token endpoint reads its parameters from the POST body anyway).',
    answer:
      'Bash treated each "&" as "run in the background" ([1] [2] [3]): curl only got …/token?grant_type=refresh_token, without client_id, secret or refresh_token. Send the parameters in the body as the ready command does — -d grant_type=refresh_token -d client_id=… -d client_secret=… -d refresh_token=… — and quote any URL that contains "&".',
    expect: {
      code: 'request.command_split',
      mustMention: ['&', '-d|quote'],
      mustNotSay: ['copy the client secret'],
    },
  },
];
