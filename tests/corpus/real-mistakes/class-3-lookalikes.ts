/** Class 3: values that look right (invisible characters, encodings, separators, typos, smart quotes). */
import {
  authorizeUrl,
  bashCommand,
  CLIENT_ID,
  CLIENT_SECRET,
  CODES,
  goodParams,
  lines,
  OKTA_ISSUER,
  PKCE,
  REDIRECT_URI,
  TOKENS,
  tokenJson,
} from './fixtures';
import type { RealMistake } from './types';

const PROMPT = 'ana@laptop:~$ ';
const INVALID_CLIENT =
  '{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}';

export const CLASS_3: RealMistake[] = [
  {
    id: 'client-id-with-trailing-encoded-space',
    source: {
      url: 'https://github.com/googleworkspace/cli/issues/882',
      title: 'auth setup: pasted OAuth Client ID is not trimmed — trailing whitespace causes 401 invalid_client at login',
    },
    class: 3,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ client_id: `${CLIENT_ID}%20` })),
    cause:
      'The learner copied the client ID with a trailing space, which the URL carries as %20, so the server would not recognise the client.',
    answer:
      'Your client_id is "0oa8f3k2EXAMPLE%20": the %20 is a space copied after the ID. Delete it so the parameter reads client_id=0oa8f3k2EXAMPLE, then check the URL again.',
    expect: {
      code: null,
      proposedCode: 'input.invisible_character',
      mustMention: ['%20', 'client_id'],
      mustNotSay: ['another app', 'client secret'],
    },
  },
  {
    id: 'client-id-with-zero-width-space-at-setup',
    source: {
      url: 'https://github.com/aelassas/servy/issues/963',
      title: '[Wiki] Examples-&-Recipes.md and FAQ.md — invisible U+200B (Zero Width Space) characters break copy-paste of CLI flags',
    },
    class: 3,
    step: 'setup',
    server: 'okta',
    input: { issuer: OKTA_ISSUER, clientId: `${CLIENT_ID}\u200b` },
    cause: 'The client ID was copied from the team wiki page and carries an invisible U+200B (zero-width space) after the last character.',
    answer:
      'The client ID you entered is 16 characters: "0oa8f3k2EXAMPLE" followed by an invisible U+200B zero-width space copied from the page. Retype the end of the ID (or copy it from the Okta Admin Console, Applications → your app → Client ID) and save again.',
    expect: { code: null, proposedCode: 'input.invisible_character', mustMention: ['U\\+200B|zero-width'] },
  },
  {
    id: 'non-breaking-space-after-d-in-curl',
    holdout: true,
    source: {
      url: 'https://github.com/curlconverter/curlconverter/issues/331',
      title: "The curl command is correct but can't convert #failure to parse command",
    },
    class: 3,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -X POST http://localhost:3000/oauth2/default/v1/token',
        [
          '-d grant_type=authorization_code',
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d client_id=${CLIENT_ID}`,
          `-d\u00a0client_secret=${CLIENT_SECRET}`,
          `-d code_verifier=${PKCE.ok.verifier}`,
          `-d code=${CODES.a}`,
        ],
        PROMPT,
      ),
      `${INVALID_CLIENT}${PROMPT}`,
    ),
    cause:
      'The learner pasted the command through a chat app to fill in the secret; the space after "-d" on the client_secret line came back as a non-breaking space (U+00A0), so curl sent a parameter named "\u00a0client_secret" and the server saw no secret.',
    answer:
      'On the client_secret line the character after -d is a non-breaking space (U+00A0), not a space: curl then sends a parameter called " client_secret" (with that character in front), so the server got no client secret. Retype the space after -d on that line (or copy the command from “Exchange the code” again) and run it.',
    expect: {
      code: null,
      proposedCode: 'input.invisible_character',
      mustMention: ['U\\+00A0|non-breaking', 'client_secret'],
      mustNotSay: ['wrong (client )?secret', 'copy the client secret'],
    },
  },
  {
    id: 'scope-encoded-twice',
    holdout: true,
    source: { url: 'https://github.com/panva/openid-client/issues/143', title: 'Double encoding authenticate url' },
    class: 3,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ scope: 'offline_access%2520api%253Aread' })),
    cause: 'The learner ran an already encoded scope through a URL encoder again, turning %20 into %2520 and %3A into %253A.',
    answer:
      'The scope was percent-encoded twice: "offline_access%2520api%253Aread" reads as "offline_access%20api%3Aread" — one scope with a literal %20 in it. Write it once: scope=offline_access+api:read (or offline_access%20api%3Aread).',
    expect: {
      code: null,
      proposedCode: 'scope.double_encoded',
      mustMention: ['%2520'],
      mustNotSay: ['offline_access is missing', 'add offline_access'],
    },
  },
  {
    id: 'ampersand-between-scopes',
    source: { url: 'https://github.com/panva/openid-client/issues/191', title: 'Authorization scope parameter is not space delimited' },
    class: 3,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ scope: 'offline_access&api:read' })),
    cause:
      'The learner separated the two scopes with "&" (adapted: the report separated them with a comma), so "api:read" became a parameter of its own and the scope is only offline_access.',
    answer:
      'The "&" between offline_access and api:read ends the scope parameter: the server reads scope=offline_access and a separate, empty parameter called api:read. Separate scopes with a space, written + in the URL: scope=offline_access+api:read.',
    expect: {
      code: null,
      proposedCode: 'scope.ampersand_separated',
      mustMention: ['api:read', '\\+|%20|space'],
      mustNotSay: ['unknown parameter', 'only offline_access'],
    },
  },
  {
    id: 'hash-inside-state-cuts-the-url',
    source: { url: 'https://github.com/dexidp/dex/issues/1337', title: 'Auth Redirect URL' },
    class: 3,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ state: 'K7#qP2v!Lx9zR4mT' })),
    cause:
      'The learner typed a state from a password generator containing "#"; everything after the # (the rest of state, redirect_uri, code_challenge, code_challenge_method) became the URL fragment, which is never sent.',
    answer:
      'Your state "K7#qP2v!Lx9zR4mT" contains "#", and a # starts the fragment: the browser sends only state=K7 and drops redirect_uri, code_challenge and code_challenge_method, which are all written after it. Use a state made of letters, digits, "-" and "_" (the Generate button gives one), or write the # as %23.',
    expect: {
      code: null,
      proposedCode: 'state.unencoded_reserved',
      mustMention: ['#', '%23|letters'],
      mustNotSay: ['add (a |the )?redirect_uri', 'add (a |the )?code_challenge'],
    },
  },
  {
    id: 'ampersand-inside-state',
    source: {
      url: 'https://github.com/googleapis/google-api-php-client/issues/1472',
      title: '`redirect_uri_mismatch` if `state` is set in client',
    },
    class: 3,
    step: 'authorize-url',
    server: 'practice',
    input: authorizeUrl(goodParams({ state: 'rock&roll-2026-03-10' })),
    cause:
      'The learner typed a memorable state "rock&roll-2026-03-10"; the "&" splits it into state=rock and a parameter named "roll-2026-03-10" (adapted: the report is a state value whose characters broke the URL).',
    answer:
      'The "&" in your state "rock&roll-2026-03-10" ends the parameter: the server reads state=rock and a stray parameter "roll-2026-03-10". Write it as rock%26roll-2026-03-10 — or, better, use the random value from the Generate button.',
    expect: {
      code: null,
      proposedCode: 'state.unencoded_reserved',
      mustMention: ['%26', 'roll-2026-03-10'],
      mustNotSay: ['short|guessable', 'unknown parameter'],
    },
  },
  {
    id: 'okta-host-letters-swapped',
    source: { url: 'https://github.com/mbegan/Okta-PSModule/issues/6', title: 'Can I use this PSModule with the "emea-okta.com" domain?' },
    class: 3,
    step: 'authorize-url',
    server: 'okta',
    input: authorizeUrl(goodParams(), 'https://dev-4829115.okat.com/oauth2/default/v1/authorize'),
    cause: 'The learner typed the Okta domain by hand and swapped two letters: okat.com instead of okta.com.',
    answer:
      'The URL goes to dev-4829115.okat.com; your authorization server is dev-4829115.okta.com — "ta" became "at". Fix the host: https://dev-4829115.okta.com/oauth2/default/v1/authorize?…',
    expect: { code: 'url.host_mismatch', mustMention: ['okat\\.com', 'okta\\.com'] },
  },
  {
    id: 'smart-quotes-around-token-url',
    holdout: true,
    source: { url: 'https://github.com/buildbuddy-io/buildbuddy/pull/8000', title: 'Fix smart quote in curl example' },
    class: 3,
    step: 'token-response',
    server: 'practice',
    input: lines(
      ...bashCommand(
        'curl -X POST \u201chttp://localhost:3000/oauth2/default/v1/token\u201d',
        [
          '-d grant_type=authorization_code',
          `--data-urlencode redirect_uri=${REDIRECT_URI}`,
          `-d client_id=${CLIENT_ID}`,
          `-d client_secret=${CLIENT_SECRET}`,
          `-d code_verifier=${PKCE.ok.verifier}`,
          `-d code=${CODES.b}`,
        ],
        PROMPT,
      ),
      'curl: (3) URL using bad/illegal format or missing URL',
    ),
    cause:
      'The learner kept the command in a notes app that turned the straight quotes around the URL into curly “ ” quotes, which the shell passes to curl as part of the URL.',
    answer:
      'The URL is wrapped in curly quotes “…” — your notes app replaced the straight quotes — and the shell passes them to curl as part of the address, which curl cannot read (error 3). Replace “ and ” with " (or remove them), run the command again and paste the JSON.',
    expect: {
      code: 'paste.curl_error',
      mustMention: ['“|curly|smart'],
      mustNotSay: ['port|firewall'],
    },
  },
  {
    id: 'word-processor-smart-quotes-in-json',
    source: { url: 'https://github.com/MicrosoftDocs/bot-docs/issues/1979', title: 'Replace curly quotes with straight quotes' },
    class: 3,
    step: 'refresh-response',
    server: 'practice',
    input: tokenJson({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: TOKENS.AT_REFRESHED,
      scope: 'offline_access api:read',
      refresh_token: TOKENS.RT_A,
    }).replace(/"([^"]*)"/g, '\u201c$1\u201d'),
    cause: 'The learner kept the response in a Word document for their notes and pasted it from there, so every quote became “ or ”.',
    answer:
      'Your paste went through a word processor: the quotes are curly (“ ”), which JSON does not allow. They were read as straight quotes this time; next time copy the response straight from the terminal.',
    expect: { code: 'json.smart_quotes', mustMention: ['“|curly|smart'] },
  },
  {
    id: 'zero-width-spaces-from-json-viewer',
    source: { url: 'https://github.com/bhollis/jsonview/issues/129', title: 'ZERO WIDTH SPACE (U+200B) characters in copied data' },
    class: 3,
    step: 'token-response',
    server: 'practice',
    input: lines(
      '{',
      '  "token_type": "Bearer",',
      '  "expires_in": \u200b3600,',
      `  "access_token": "${TOKENS.AT_CODE}",`,
      '  "scope": "offline_access api:read",',
      `  "refresh_token": "${TOKENS.RT_A}"`,
      '}',
    ),
    cause:
      "The learner copied the response from the browser's JSON viewer extension, which put an invisible U+200B before the number 3600.",
    answer:
      'Before 3600 in "expires_in" there is an invisible U+200B zero-width space, added by the browser\'s JSON viewer when you copied — JSON does not allow it. Copy the raw response instead (the viewer\'s "Raw" tab, or the terminal output).',
    expect: {
      code: null,
      proposedCode: 'input.invisible_character',
      mustMention: ['U\\+200B|zero-width', 'expires_in'],
      mustNotSay: ['cut off while copying'],
    },
  },
];
