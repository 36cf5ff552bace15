/**
 * Answers read from the HTTP exchange a paste shows (issue 19, class 1; the exchange is read
 * by http-exchange.ts): the request line and headers sent, the status line and headers
 * received. A 401 is told with the credentials the Authorization header carried (never the
 * secret: its length), a redirect with where it points, a 405 with the method and the query
 * the command sent. Null when the exchange does not settle it. Pure.
 */
import { parseUrl } from '../authorize-url/normalize';
import { explainDifference } from '../explain-difference';
import { fail, quote, type CheckResult } from '../report';
import { assignmentsOf, maskUrlSecrets, unsetCredentialVariables, type CommandTraits } from './classify';
import { readBasicCredentials, shownClientId, type HttpExchange } from './http-exchange';

export interface ExchangeAnswerContext {
  tokenEndpoint?: string;
  practice: boolean;
  /** The learner's app's client ID, when known. */
  clientId?: string;
}

const CHECK = 'paste';
const RUN_AGAIN = 'run the command again and paste everything it prints';
/** Paths of pages for a person, where servers send a request that needs a login. */
const LOGIN_PAGE = /login|signin|sign-in|sign_in|\/sso\b|\/auth\b|openid-connect\/auth|\/authorize\b|session/i;

export function answerFromExchange(
  status: number,
  seen: string,
  exchange: HttpExchange,
  ctx: ExchangeAnswerContext,
  path: string | null,
  sent?: CommandTraits,
): CheckResult | null {
  const response = exchange.response;
  const endpoint = ctx.tokenEndpoint ? ` ${quote(ctx.tokenEndpoint, 200)}` : '';
  if (status >= 300 && status < 400) {
    const location = response?.headers.location;
    if (!location) return null;
    const target = parseUrl(location);
    const shown = quote(maskUrlSecrets(location), 120);
    // curl -L turns a POST into a GET on 301, 302 and 303; it keeps it on 307 and 308.
    const followed = status <= 303 ? ' (and with -L it would turn the POST into a GET)' : '';
    const expected = ctx.tokenEndpoint ? parseUrl(ctx.tokenEndpoint) : null;
    if (target && expected && target.protocol !== 'http:' && target.host === expected.host && target.pathname === expected.pathname) {
      return fail(
        CHECK,
        'paste.http_error',
        `The server answered ${quote(seen, 60)} and sends the request on to ${shown}: your command used http://, the server only answers on https://. curl does not follow a redirect${followed}.`,
        `Use${endpoint} exactly — with https:// — ${RUN_AGAIN}.`,
      );
    }
    const login = LOGIN_PAGE.test(location);
    return fail(
      CHECK,
      'paste.http_error',
      login
        ? `The server answered ${quote(seen, 60)} and sends the request on to ${shown} — a login page for a browser${path ? `: ${quote(path, 100)} is not your server's token endpoint` : ''}. A token endpoint answers JSON itself and never asks for a login.`
        : `The server answered ${quote(seen, 60)} and points elsewhere (${shown}) instead of answering: the address in your command is not the token endpoint (curl does not follow a redirect${followed ? `, and with -L it would turn the POST into a GET` : ''}).`,
      `Send the request to the token endpoint${endpoint || ''} from your server's metadata, ${RUN_AGAIN}.`,
    );
  }
  const request = exchange.request;
  if (status === 405 && request && request.method !== 'POST') {
    const target = request.target;
    const query = target.indexOf('?');
    const pathOnly = query < 0 ? target : target.slice(0, query);
    const count = query < 0 ? 0 : target.slice(query + 1).split('&').length;
    return fail(
      CHECK,
      'paste.http_error',
      `The server answered ${quote(seen, 60)}: your command sent ${request.method} ${quote(pathOnly, 100)}${
        count > 0 ? ` with ${count === 1 ? 'its parameter' : `its ${count} parameters`} in the URL's query and no body` : ' without a body'
      }, and a token endpoint takes only POST, with the parameters as a form body.`,
      `Send each parameter with -d name=value (curl then POSTs)${count > 0 ? ' and remove them from the URL (a client secret in a URL also ends up in logs)' : ''}, ${RUN_AGAIN}.`,
    );
  }
  if (status === 401) return answerUnauthorized(seen, exchange, ctx, sent);
  return null;
}

/** A 401: the client authentication the request carried, read from its Authorization header. */
function answerUnauthorized(seen: string, exchange: HttpExchange, ctx: ExchangeAnswerContext, sent?: CommandTraits): CheckResult | null {
  const credentials = readBasicCredentials(exchange.request?.headers.authorization, ctx.clientId);
  if (!credentials) return null;
  const challenge = exchange.response?.headers['www-authenticate'];
  const refused = `The server answered ${quote(seen, 60)}${
    challenge ? ` with a WWW-Authenticate: ${quote(challenge.slice(0, 60), 60)} header` : ''
  }: it refused the client's authentication.`;
  const { clientId, secretLength } = credentials;
  const shown = shownClientId(clientId, ctx.clientId);
  const variables = unsetCredentialVariables(sent, { id: clientId === '', secret: secretLength === 0 });
  const unset =
    variables.length > 0
      ? ` ${variables.map((v) => quote(v, 40)).join(' and ')} ${variables.length === 1 ? 'is' : 'are'} not set in this shell, so it put nothing in ${variables.length === 1 ? 'its' : 'their'} place.`
      : '';
  const set =
    variables.length > 0
      ? `Set ${variables.length === 1 ? 'it' : 'them'} in this terminal first (for example ${assignmentsOf(variables)}, your app's values), or write the values into -u 'client_id:client_secret'`
      : ctx.practice
        ? `Press "Fill in my practice secret" above the command (it puts My Web App's client ID and secret in)`
        : "Copy the client ID and secret again from your app's settings into -u 'client_id:client_secret'";
  if (credentials.swapped) {
    return fail(
      CHECK,
      'paste.http_error',
      `${refused} The Authorization: Basic header your command sent has your app's client ID after the colon, where the secret goes, and ${shown.text} before it: the two are swapped.`,
      `Send them as -u 'client_id:client_secret' (the client ID first), then ${RUN_AGAIN}.`,
    );
  }
  if (clientId === '' || secretLength === 0) {
    const empty =
      clientId === '' && secretLength === 0
        ? 'an empty client ID and an empty client secret'
        : clientId === ''
          ? 'an empty client ID'
          : `${shown.quoted ? `client ID ${shown.text}` : shown.text} with an empty client secret`;
    return fail(
      CHECK,
      'paste.http_error',
      `${refused} The Authorization: Basic header your command sent decodes to ${empty}.${unset}`,
      `${set}, then ${RUN_AGAIN}.`,
    );
  }
  if (ctx.clientId && clientId !== ctx.clientId) {
    const difference = shown.quoted ? explainDifference(clientId, ctx.clientId) : null;
    return fail(
      CHECK,
      'paste.http_error',
      `${refused} The Authorization: Basic header your command sent carries ${shown.quoted ? `the client ID ${shown.text}` : `${shown.text} as the client ID`}, but your app's is ${quote(ctx.clientId, 60)}${difference ? ` — ${difference}` : ''}.`,
      `Send your app's client ID with its secret (${set.charAt(0).toLowerCase()}${set.slice(1)}), then ${RUN_AGAIN}.`,
    );
  }
  return fail(
    CHECK,
    'paste.http_error',
    `${refused} Your command sent the client ID ${shown.text} with a secret of ${secretLength} characters, and the server did not accept that secret for it.`,
    `${set}, completely (no space or line break at either end), then ${RUN_AGAIN}.`,
  );
}
