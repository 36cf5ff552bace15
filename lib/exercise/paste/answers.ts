/**
 * The answer to a paste that is not the token endpoint's JSON (issue 19, class 1): what the
 * paste itself says went wrong — curl's own error, PowerShell's, an HTTP error page, a URL or
 * command of the exercise — told with the values it shows beside the ones the learner's
 * server expects, and the one next action. Used by both response steps. Pure.
 */
import type { ProviderKind } from '../../issuer/providers';
import type { TokenGrant } from '../token/context';
import { parseUrl } from '../authorize-url/normalize';
import { explainDifference } from '../explain-difference';
import { fail, quote, type CheckResult } from '../report';
import { stepRef } from '../steps';
import { maskUrlSecrets, type CommandTraits, type PasteKind } from './classify';
import { answerCommandFault } from './command-faults';
import { answerFromExchange } from './exchange-answers';
import type { HttpExchange } from './http-exchange';

export interface PasteAnswerContext {
  /** The learner's token endpoint (from discovery, or the practice server's). */
  tokenEndpoint?: string;
  practice: boolean;
  kind?: ProviderKind;
  grant: TokenGrant;
  /** Practice server only: the console's name of the app whose secret the command needs (absent: "My Web App"). */
  appName?: string;
  /** The learner's app's client ID, when known. */
  clientId?: string;
}

/** Where the values a template's placeholders stand for are found, for the grant's command. */
function whereValues(ctx: PasteAnswerContext, article: 'the' | 'a'): string {
  const secret = ctx.practice ? `the client secret is in the practice console, ${ctx.appName ?? 'My Web App'}` : "from your app's settings";
  return ctx.grant === 'client_credentials'
    ? secret
    : `${secret}; ${article} refresh token is the refresh_token of the response you checked in ${stepRef('token')}`;
}

const CHECK = 'paste';
const RUN_AGAIN = 'run the command again and paste everything it prints';

/** The one result that answers a classified paste. */
export function answerResponsePaste(paste: PasteKind, ctx: PasteAnswerContext): CheckResult {
  switch (paste.kind) {
    case 'curl_error':
      return answerCurlError(paste, ctx);
    case 'powershell_error':
      return fail(
        CHECK,
        'paste.powershell_error',
        `This is an error from PowerShell (${quote(paste.line, 90)}), not an answer from the server: in PowerShell, “curl” is another name for Invoke-WebRequest, which does not understand curl's options${
          paste.parameter ? ` (it rejected -${paste.parameter})` : ''
        }${paste.status ? `; the server answered ${paste.status}, which PowerShell shows without its JSON body` : ''}.`,
        `Type curl.exe instead of curl (the real curl, part of Windows 10 and later), keep the rest of the command, ${RUN_AGAIN}. PowerShell continues lines with a backtick (\`), not a backslash: or put the command on one line.`,
      );
    case 'browser_error':
      return fail(
        CHECK,
        'paste.browser_error',
        `This is the browser console's error (${quote(paste.line, 120)}), not the token endpoint's answer: the browser did not let the page read it${
          paste.origin
            ? ` — the console runs under the page's origin, ${quote(paste.origin, 80)}, and the token endpoint does not allow that origin (CORS)`
            : ' (CORS)'
        }${paste.status ? `; the server had answered ${paste.status}` : ''}.`,
        `Run the curl command of this step in a terminal instead (a token request with a client secret belongs to a server or a terminal, never to a page), and paste what it prints.`,
      );
    case 'http_error':
      return answerHttpError(paste.status, paste.reason, paste.path, ctx, paste.sent, paste.exchange);
    case 'html': {
      if (paste.status === 404 || paste.status === 405 || /\b404\b/.test(paste.title ?? '')) {
        return answerHttpError(paste.status ?? 404, paste.title ?? 'Not Found', paste.path, ctx);
      }
      return fail(
        CHECK,
        'paste.html',
        `This is an HTML page${paste.title ? ` (titled ${quote(paste.title, 80)})` : ''}${paste.status ? `, sent with status ${paste.status}` : ''}, not the token endpoint's answer: the token endpoint answers JSON, so the command went to a web page${paste.path ? ` (${quote(paste.path, 100)})` : ''}.`,
        `Send the request to the token endpoint${endpointText(ctx)} with POST (curl -d …), ${RUN_AGAIN}.`,
      );
    }
    case 'url':
      return answerUrl(paste.url, paste.role, ctx);
    case 'command_fault':
      return answerCommandFault(paste.fault, paste.after);
    case 'command':
      return paste.placeholders.length > 0
        ? fail(
            CHECK,
            'paste.placeholder',
            `This is the command, and it still holds the template's ${paste.placeholders.length === 1 ? 'placeholder' : 'placeholders'} ${paste.placeholders.map((p) => quote(p, 40)).join(', ')}: run as it is, the server cannot know the value meant.`,
            `Replace ${paste.placeholders.length === 1 ? 'it' : 'each'} with your own value (${whereValues(ctx, 'the')}), run the command in a terminal and paste what it prints.`,
          )
        : /fetch$/.test(paste.tool)
          ? fail(
              CHECK,
              'paste.command_only',
              "This is a fetch() call (devtools' “Copy as fetch”), not what the token endpoint answered.",
              "Run this step's curl command in a terminal instead — from the browser's console the token endpoint's answer is blocked (CORS), and a client secret does not belong in a page — then paste the JSON it prints.",
            )
          : fail(
              CHECK,
              'paste.command_only',
              `This is the ${paste.tool} command itself, not what it printed.`,
              'Run the command in a terminal (not in the browser), then paste the JSON the server answered, from { to }.',
            );
  }
}

function endpointText(ctx: PasteAnswerContext): string {
  return ctx.tokenEndpoint ? ` ${quote(ctx.tokenEndpoint, 200)}` : '';
}

function expectedEndpoint(ctx: PasteAnswerContext): URL | null {
  return ctx.tokenEndpoint ? parseUrl(ctx.tokenEndpoint) : null;
}

const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

function answerCurlError(paste: Extract<PasteKind, { kind: 'curl_error' }>, ctx: PasteAnswerContext): CheckResult {
  const expected = expectedEndpoint(ctx);
  const said = `curl failed before any answer from the server: ${quote(paste.line, 140)}.`;
  const use = `Use the token endpoint${endpointText(ctx)} in the command (the Copy button copies it right), ${RUN_AGAIN}.`;
  const result = (message: string, hint: string) => fail(CHECK, 'paste.curl_error', message, hint);

  if (paste.exitCode === 6 && paste.host) {
    const placeholder = /[{}<>$]|your|example/i.test(paste.host);
    if (placeholder) {
      return result(
        `${said} ${quote(paste.host, 80)} is the template's placeholder, not a host name.`,
        `Replace it with your server's address${expected ? ` (${expected.host})` : ''}, or ${use.charAt(0).toLowerCase()}${use.slice(1)}`,
      );
    }
    const difference = expected ? explainDifference(paste.host, expected.hostname) : null;
    return result(
      `${said} No host is called ${quote(paste.host, 80)}${expected ? `; your server is ${quote(expected.hostname, 80)}${difference ? ` — ${difference}` : ''}` : ''}.`,
      use,
    );
  }
  if (paste.exitCode === 7 && paste.host && paste.port !== null && expected) {
    const samePlace = paste.port === portOf(expected);
    return result(
      samePlace
        ? `${said} Nothing answered at ${paste.host} port ${paste.port}, which is where your server should be.`
        : `${said} The command sent the request to port ${paste.port}, but your server's token endpoint is on port ${portOf(expected)} (${quote(expected.origin, 80)}).`,
      samePlace
        ? ctx.practice
          ? `The practice server is this site: use the address this page is on (${expected.origin}), ${RUN_AGAIN}.`
          : `Check that the server is running and reachable from your terminal, then ${RUN_AGAIN}.`
        : use,
    );
  }
  if (paste.exitCode === 1 && /Protocol "?'/.test(paste.line)) {
    return result(
      `${said} The URL reached curl with a single quote in front of it: Windows' cmd.exe does not treat ' as a quote.`,
      `In cmd.exe, put the URL and each -d value in double quotes ("…"), end continued lines with ^ instead of \\ (or write the command on one line), ${RUN_AGAIN}.`,
    );
  }
  const sentTo = paste.commandUrl ? parseUrl(paste.commandUrl) : null;
  if ((paste.exitCode === 35 || paste.exitCode === 52) && sentTo && expected && sentTo.protocol !== expected.protocol) {
    return result(
      `${said} Your command uses ${quote(sentTo.origin, 80)}, but your server speaks ${expected.protocol.slice(0, -1)} at ${quote(expected.origin, 80)}: ${
        paste.exitCode === 35
          ? 'curl spoke TLS to a port that answers plain http'
          : 'the port closed the connection on a request in the wrong protocol'
      }.`,
      `Write ${quote(expected.origin, 80)} at the start of the URL (turning certificate checks off would only hide the mismatch), ${RUN_AGAIN}.`,
    );
  }
  const meaning = CURL_EXIT_MEANINGS[paste.exitCode];
  return result(`${said}${meaning ? ` ${meaning.said}` : ''}`, meaning ? `${meaning.fix} ${use}` : use);
}

const CURL_EXIT_MEANINGS: Record<number, { said: string; fix: string }> = {
  2: {
    said: 'curl did not get a complete command (an option without its value, or no URL).',
    fix: 'Copy the whole command again with its Copy button, every line of it.',
  },
  3: {
    said: 'curl could not read the URL: usually a line break or a quote inside it.',
    fix: 'Keep the URL on one line, inside quotes.',
  },
  22: {
    said: 'The server answered with an HTTP error and --fail (-f) told curl to hide its body, which says why.',
    fix: 'Run the command without -f/--fail to see the JSON error.',
  },
  26: { said: 'curl could not read a file the command refers to (-d @file).', fix: 'Put the values in the command itself.' },
  28: { said: 'The server did not answer in time.', fix: 'Check the address and that the server is running.' },
  35: {
    said: 'The TLS handshake failed: usually https:// sent to a server that speaks plain http.',
    fix: 'Use the scheme of your server exactly (http:// for this machine).',
  },
  51: { said: "The server's TLS certificate does not match its name.", fix: 'Use the host name exactly as your server publishes it.' },
  52: {
    said: 'The server closed the connection without answering: often http:// sent to an https port.',
    fix: 'Use the scheme and port of your server exactly.',
  },
  56: { said: 'The connection broke while receiving the answer.', fix: 'Check the scheme and port.' },
  60: {
    said: 'curl does not trust the server’s TLS certificate (self-signed, or signed by a private certificate authority).',
    fix: 'Give curl the certificate authority that signed it with --cacert <file> (your instructor or the server’s admin has it); do not turn the check off.',
  },
};

function answerHttpError(
  status: number | null,
  reason: string,
  path: string | null,
  ctx: PasteAnswerContext,
  sent?: CommandTraits,
  exchange?: HttpExchange,
): CheckResult {
  const expected = expectedEndpoint(ctx);
  const seen = `${status ?? ''} ${reason}`.trim();
  // What the exchange shows (the credentials sent, where a redirect points, the method) settles it first.
  const fromExchange = exchange && status !== null ? answerFromExchange(status, seen, exchange, ctx, path, sent) : null;
  if (fromExchange) return fromExchange;
  const authentication = status === 400 || status === 401 ? answerAuthenticationStatus(seen, status, ctx, sent) : null;
  if (authentication) return authentication;
  if (status === 404) {
    const difference = path && expected ? explainDifference(path, expected.pathname) : null;
    return fail(
      CHECK,
      'paste.http_error',
      `The server answered ${quote(seen, 60)} without the token endpoint's JSON: nothing is at the address the command sent to${
        path
          ? ` (${quote(path, 100)}${expected ? `; the token endpoint's path is ${quote(expected.pathname, 100)}${difference ? `: ${difference}` : ''}` : ''})`
          : ''
      }.`,
      `Send the request to${endpointText(ctx) || ' the token endpoint'} exactly, ${RUN_AGAIN}.`,
    );
  }
  if (status === 405) {
    return fail(
      CHECK,
      'paste.http_error',
      `The server answered ${quote(seen, 60)}: the token endpoint takes only POST, and the command sent another method (a GET: -X GET, or no -d data).`,
      `Send the parameters with -d (which makes curl POST) and no -X GET, ${RUN_AGAIN}.`,
    );
  }
  if (status === 415) {
    return fail(
      CHECK,
      'paste.http_error',
      `The server answered ${quote(seen, 60)}: the token endpoint takes a form (application/x-www-form-urlencoded), and the command sent something else (JSON?).`,
      `Send the parameters with -d name=value, without a Content-Type: application/json header, ${RUN_AGAIN}.`,
    );
  }
  if (status !== null && status >= 300 && status < 400) {
    return fail(
      CHECK,
      'paste.http_error',
      `The server answered ${quote(seen, 60)}: a redirect instead of the token endpoint's JSON, so the address your command sent to${path ? ` (${quote(path, 100)})` : ''} is not the token endpoint (curl does not follow a redirect).`,
      `Send the request to${endpointText(ctx) || ' the token endpoint'} exactly, ${RUN_AGAIN}.`,
    );
  }
  const serverSide = status !== null && status >= 500;
  return fail(
    CHECK,
    'paste.http_error',
    `The server answered ${quote(seen, 60)} without the OAuth error JSON that says why${serverSide ? ': a fault on the server' : ''}.`,
    serverSide
      ? `Wait a moment and ${RUN_AGAIN}; if it persists, the server is the problem, not your request.`
      : `Check the address (the token endpoint${endpointText(ctx)}) and the client credentials, ${RUN_AGAIN}.`,
  );
}

/** The bodies of these answers are hidden by the tool: how to see the server's JSON. */
const SHOW_BODY: Record<NonNullable<CommandTraits['tool']>, string> = {
  curl: '',
  wget: ' wget hides the JSON of an error: add --content-on-error -O - to see it (or use curl).',
  httpie: '',
  other: '',
};

/**
 * A 400 or 401 without the OAuth JSON, read with the command that caused it (issue 19): a
 * Basic header that GNU base64 wrapped, no client credentials at all, or credentials the
 * server refused.
 */
function answerAuthenticationStatus(seen: string, status: 400 | 401, ctx: PasteAnswerContext, sent?: CommandTraits): CheckResult | null {
  const tool = sent?.tool ? SHOW_BODY[sent.tool] : '';
  if (sent?.wrappingBase64) {
    return fail(
      'response',
      'client.basic_header_recipe',
      `The server answered ${quote(seen, 60)} without the OAuth JSON: your command builds the Basic header with $(… | base64), and GNU base64 breaks its output into lines of 76 characters whenever client_id:client_secret is longer than 57 characters (an Okta app's is 61), so the header carried a line break and the request was malformed.`,
      `Let curl build the header: -u "$CLIENT_ID:$CLIENT_SECRET" — or keep it on one line with base64 -w 0 (GNU) or openssl base64 -A — ${RUN_AGAIN}.`,
    );
  }
  if (status !== 401) return null;
  const secret = ctx.practice
    ? `Press "Fill in my practice secret" above the command (it puts My Web App's client ID and secret in)`
    : "Copy the client ID and secret again from your app's settings, completely";
  return fail(
    CHECK,
    'paste.http_error',
    sent && sent.tool !== null && !sent.credentials
      ? `The server answered ${quote(seen, 60)}: it authenticates the client before anything else, and your command sends no client secret (no -u, no Authorization header, no client_secret).`
      : `The server answered ${quote(seen, 60)}: it did not accept the client's authentication — the client ID and secret your command sent (in the Authorization: Basic header or as client_secret) are not ${ctx.practice ? "My Web App's" : "your app's"}.`,
    `${secret}, ${RUN_AGAIN}.${tool}`,
  );
}

function answerUrl(url: string, role: 'authorize' | 'redirect' | 'token' | 'other', ctx: PasteAnswerContext): CheckResult {
  const what: Record<typeof role, string> = {
    authorize: `an authorization URL (the one from ${stepRef('authorize')}), which goes in a browser`,
    redirect: 'the address your browser was sent back to after logging in, with the authorization code in it',
    token: "the token endpoint's address",
    other: 'a web address',
  };
  const next =
    role === 'redirect' && ctx.grant === 'authorization_code'
      ? 'Put its code in the curl command of this step, run the command in a terminal, and paste what it prints: the JSON with the tokens.'
      : 'Run the curl command of this step in a terminal and paste what it prints: the JSON the token endpoint answers.';
  return fail(
    CHECK,
    'paste.other_artefact',
    `This is ${what[role]} (${quote(maskUrlSecrets(url), 100)}), not the token endpoint's answer.`,
    next,
  );
}

/** A token a display shortened with "…" (issue 19, class 2): the server's token is fine, the copy is not. */
export function answerTruncated(field: string | null, ctx: PasteAnswerContext): CheckResult {
  const what = field ? `the ${field}` : 'a token';
  return fail(
    CHECK,
    'paste.truncated',
    `This copy has ${what} shortened with "…": a display cut it (a browser console's preview, a log window, an editor's folding), so it is no longer the token the server issued.`,
    `Copy the response again from where it is shown whole — the terminal (scroll up), or in a browser console copy(JSON.stringify(response)) — and paste it.${
      ctx.grant === 'authorization_code' ? ' If it is gone, log in again for a new code: this one has been used.' : ''
    }`,
  );
}

/** The command pasted with its answer still holds template placeholders: that is why the server refused it. */
export function answerPlaceholdersSent(placeholders: string[], ctx: PasteAnswerContext, error: string): CheckResult {
  return fail(
    CHECK,
    'paste.placeholder',
    `The command still sends the template's ${placeholders.length === 1 ? 'placeholder' : 'placeholders'} ${placeholders
      .map((p) => quote(p, 40))
      .join(', ')}, so the server answered ${quote(error, 40)}: it received the placeholder, not your value.`,
    `Replace ${placeholders.length === 1 ? 'it' : 'each'} with your own value (${whereValues(ctx, 'a')}), then run the command again and paste what it prints.`,
  );
}
