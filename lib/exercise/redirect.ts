/**
 * Step 3 of the Refresh Tokens exercise: the authorization server sent the browser back to
 * the redirect URI with `code` and `state` (or `error`). Either the site's own /redirect page
 * hands over the query, or the learner pastes the full redirect URL. Pure: no network, no
 * Next.js. The authorization code is a credential: it is returned in `code` and never
 * appears in a message.
 */
import { type CheckResult, type Report, fail, makeReport, pass, quote, warn } from './report';
import { stepRef } from './steps';
import { atClock, clockTime, type CheckedUrlRecord } from './checked-urls';

export interface RedirectContext {
  /** `state` of the last authorization URL that passed its check; null when none has passed yet. */
  expectedState: string | null;
  /** The redirect URI used in that authorization URL, when known. */
  redirectUri: string | null;
  /** The learner's issuer: an `iss` in the redirect must name it (RFC 9207); not checked when absent. */
  issuer?: string;
  /**
   * The authorization URLs checked since the last reset, oldest first, the last being the one
   * `expectedState` comes from (absent: not known). A state of an earlier one is told as that.
   */
  checkedUrls?: CheckedUrlRecord[];
}

/** A full redirect URL as pasted, or the query values the /redirect page read. */
export type RedirectInput = { url: string } | { code?: string; state?: string; error?: string; error_description?: string };

export interface RedirectReport extends Report<'redirect'> {
  /** The authorization code, whenever the redirect carried one (even if another check failed). */
  code?: string;
  state?: string;
  error?: { error: string; description: string | null };
}

/** The checklist areas, in display order. Stable identifiers. */
export const REDIRECT_CHECKS = ['url', 'error', 'code', 'state'] as const;
export type RedirectCheck = (typeof REDIRECT_CHECKS)[number];

interface RedirectParams {
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
  errorUri: string | null;
}

const STATE_QUOTE = 24;

/**
 * Checks the authorization response: an error explained, or a code whose `state` matches
 * the one sent in the checked authorization URL.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2 Authorization Response
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 Error Response
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12 comparing `state` prevents CSRF
 */
export function checkRedirect(input: RedirectInput, context: RedirectContext): RedirectReport {
  const results: CheckResult[] = [];
  let params: RedirectParams;
  const isUrl = 'url' in input;
  let pasted: URL | null = null;

  if (isUrl) {
    // The server's own error page, pasted: it never redirected (issue 19, class 1).
    const page = readErrorPage(input.url);
    if (page) return makeReport('redirect', [page]);
    const text = normalizePastedUrl(input.url);
    if (!text) return makeReport('redirect', [emptyInput('url')]);
    const read = readRedirectUrl(text, context);
    results.push(...read.results);
    if (!read.params) return makeReport('redirect', read.results);
    params = read.params;
    pasted = read.url;
  } else {
    params = {
      code: clean(input.code),
      state: clean(input.state),
      error: clean(input.error),
      errorDescription: clean(input.error_description),
      errorUri: null,
    };
    if (!params.code && !params.state && !params.error) return makeReport('redirect', [emptyInput('code')]);
  }

  // RFC 9207: the server names itself in the redirect; another issuer is a mix-up (issue 19, class 2).
  const iss = pasted?.searchParams.get('iss') ?? null;
  if (iss !== null && context.issuer && iss.replace(/\/$/, '') !== context.issuer.replace(/\/$/, '')) {
    return makeReport('redirect', [
      fail(
        'url',
        'redirect.iss_mismatch',
        `The redirect says it comes from the issuer ${quote(iss, 100)} (its iss parameter), but your server is ${quote(context.issuer, 100)}: this code was issued by another authorization server.`,
        `Do not exchange it: a client that checks iss (RFC 9207) refuses such a redirect — it is how a mix-up attack is caught. Log in with the authorization URL of ${stepRef('authorize')} (your server's), then paste the address you come back to.`,
      ),
    ]);
  }

  if (params.error) results.push(explainError(params.error, params.errorDescription, params.errorUri));
  else results.push(pass('error', 'The server returned no error.'));

  if (params.code) results.push(pass('code', `Received an authorization code (${params.code.length} characters).`));
  else if (!params.error) results.push(codeMissing(pasted));

  results.push(...checkState(params, context));

  return makeReport('redirect', orderResults(results), {
    ...(params.code ? { code: params.code } : {}),
    ...(params.state ? { state: params.state } : {}),
    ...(params.error ? { error: { error: params.error, description: params.errorDescription } } : {}),
  });
}

/**
 * An authorization server's error page as text (Okta: "Error Code: invalid_request",
 * "Description: The 'redirect_uri' parameter must be a Login redirect URI…"): the server
 * stopped on its own page instead of redirecting back, so there is no code to capture.
 */
function readErrorPage(text: string): CheckResult | null {
  const head = text.slice(0, 8000);
  const code = /^\s*Error Code:\s*([a-z_]{3,40})\s*$/im.exec(head)?.[1];
  if (!code) return null;
  const description = /^\s*Description:\s*(.{1,400})$/im.exec(head)?.[1]?.trim() ?? '';
  const redirect = /redirect_uri/i.test(description);
  return fail(
    'url',
    'redirect.error',
    `This is the authorization server's own error page, not a redirect: it stopped with ${quote(code, 40)}${
      description ? ` (${quote(description.replace(/:\s*https?:\S+$/, ''), 200)})` : ''
    }, so nothing came back to capture.`,
    redirect
      ? `The redirect_uri in your authorization URL is not one of your app's Sign-in redirect URIs. Add it to the app's Sign-in redirect URIs (Okta: Applications → your app → General → Edit), or use one that is listed, then check the URL again in ${stepRef('authorize')} and log in.`
      : `Fix what the description names in your authorization URL, check it again in ${stepRef('authorize')}, and log in again.`,
  );
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function emptyInput(check: RedirectCheck): CheckResult {
  return fail(
    check,
    'input.empty',
    'Nothing was pasted.',
    'After logging in, copy the whole address from the browser\'s address bar (it contains "?code=…&state=…") and paste it here.',
  );
}

function orderResults(results: CheckResult[]): CheckResult[] {
  const order = (check: string) => REDIRECT_CHECKS.indexOf(check as RedirectCheck);
  return [...results].sort((a, b) => order(a.check) - order(b.check));
}

/** Removes what a paste adds: zero-width characters, wrapping quotes, line breaks and spaces. */
function normalizePastedUrl(input: string): string {
  let text = input.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  const wrapped = /^(["'`<\u201C\u2018])([\s\S]*)(["'`>\u201D\u2019])$/.exec(text);
  if (wrapped && wrapped[2]) text = wrapped[2];
  // "code=…" and "state=…" on lines of their own, as the redirect page and the exercise text
  // show them: separate parameters, not one value with the line break removed.
  if (!text.includes('?') && !/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    const pieces = text.split(/\s+/);
    if (pieces.length > 1 && pieces.every((piece) => /^[A-Za-z_]+=/.test(piece))) return pieces.join('&');
  }
  return text.replace(/\s+/g, '');
}

/** Hides the value of every `code` parameter so a quoted URL never carries the credential. */
export function redactCode(text: string): string {
  return text.replace(/([?&#]code=)[^&#]*/gi, '$1[hidden]');
}

function readParams(search: URLSearchParams): RedirectParams {
  const get = (name: string) => clean(search.get(name) ?? undefined);
  return {
    code: get('code'),
    state: get('state'),
    error: get('error'),
    errorDescription: get('error_description'),
    errorUri: get('error_uri'),
  };
}

const hasResponse = (p: RedirectParams) => Boolean(p.code || p.state || p.error);

/** The parameters of a pasted redirect, and the URL as parsed (null when only a query was pasted). */
function readRedirectUrl(
  text: string,
  context: RedirectContext,
): { results: CheckResult[]; params: RedirectParams | null; url: URL | null } {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  if (!hasScheme) {
    // Just the query ("?code=…&state=…" or "code=…&state=…"), or a URL without "https://".
    const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text.includes('=') ? text : null;
    if (query !== null) return { results: [], params: readParams(new URLSearchParams(query.split('#')[0])), url: null };
    return {
      results: [
        fail(
          'url',
          'redirect.url_invalid',
          `${quote(redactCode(text), 60)} is not a URL.`,
          'Copy the whole address from the browser\'s address bar after logging in, starting with "https://" (or "http://localhost"), and paste it here.',
        ),
      ],
      params: null,
      url: null,
    };
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      results: [
        fail(
          'url',
          'redirect.url_invalid',
          `${quote(redactCode(text), 60)} is not a valid URL.`,
          "Copy the whole address from the browser's address bar again, without adding or cutting characters, and paste it here.",
        ),
      ],
      params: null,
      url: null,
    };
  }

  const results: CheckResult[] = [];
  let params = readParams(url.searchParams);
  // response_mode=fragment puts the response after "#" instead of "?".
  if (!hasResponse(params) && url.hash.length > 1) params = readParams(new URLSearchParams(url.hash.slice(1)));

  const expected = context.redirectUri ? parseUrl(context.redirectUri) : null;
  const where = `${url.origin}${url.pathname}`;
  if (expected && (url.origin !== expected.origin || url.pathname !== expected.pathname) && !looksLikeAuthorizeUrl(url)) {
    results.push(
      warn(
        'url',
        'redirect_uri.mismatch',
        `This address is ${quote(where, 60)}, but your authorization URL used the redirect URI ${quote(`${expected.origin}${expected.pathname}`, 60)}.`,
        `Paste the address you landed on after logging in with the authorization URL you checked in ${stepRef('authorize')}.`,
      ),
    );
  } else {
    results.push(pass('url', `Read the redirect to ${quote(where, 60)}.`));
  }
  return { results, params, url };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function looksLikeAuthorizeUrl(url: URL): boolean {
  return url.searchParams.has('response_type') || url.searchParams.has('client_id') || url.searchParams.has('code_challenge');
}

/** `url`: the pasted URL as parsed once by `readRedirectUrl` (a 64 KiB paste is not parsed twice). */
function codeMissing(url: URL | null): CheckResult {
  if (url && looksLikeAuthorizeUrl(url)) {
    return fail(
      'code',
      'redirect.code_missing',
      'This is the authorization URL itself, not the address the server sent you back to.',
      'Open the authorization URL ("Log In"), sign in, and then copy the address you land on (it contains "?code=…").',
    );
  }
  return fail(
    'code',
    'redirect.code_missing',
    url
      ? `The address ${quote(`${url.origin}${url.pathname}${url.search}`, 60)} carries no "code" parameter.`
      : 'There is no authorization code.',
    `Copy the whole address after logging in, including "?code=…&state=…". If the server showed an error page instead of redirecting, fix what it says in ${stepRef('authorize')} and log in again.`,
  );
}

function checkState(params: RedirectParams, context: RedirectContext): CheckResult[] {
  if (context.expectedState === null) {
    return [
      fail(
        'state',
        'redirect.no_authorize_step',
        'No authorization URL has passed its check yet, so there is no state to compare with.',
        `Go back to ${stepRef('authorize')}, check your authorization URL until it passes, log in with the "Log In" link, and come back with the redirect.`,
      ),
    ];
  }
  if (!params.state) {
    // An error response need not carry state when the request itself was unreadable.
    if (params.error) return [];
    return [
      fail(
        'state',
        'redirect.state_missing',
        'The redirect carries no "state" parameter, so it cannot be matched to your request.',
        'Make sure your authorization URL includes &state=… (it passed the check with one), log in with that exact URL, and paste the whole address you land on.',
      ),
    ];
  }
  if (params.state !== context.expectedState) {
    const earlier = stateOfEarlierUrl(params.state, context);
    if (earlier) return [earlier];
    return [
      fail(
        'state',
        'redirect.state_mismatch',
        `The redirect's state ${quote(params.state, STATE_QUOTE)} differs from the one in your checked authorization URL ${quote(context.expectedState, STATE_QUOTE)}.`,
        `Log in with the URL you checked last in ${stepRef('authorize')} (its "Log In" link): an older tab or URL carries another state. A mismatch is exactly how a client spots a forged redirect: never exchange a code whose state does not match.`,
      ),
    ];
  }
  return [pass('state', 'state matches the one in your authorization URL.')];
}

/** The state is the one of a URL checked before the latest (issue 19, class 7): an older tab's Log In link, not a forgery. */
function stateOfEarlierUrl(state: string, context: RedirectContext): CheckResult | null {
  const urls = context.checkedUrls ?? [];
  const latest = urls.at(-1);
  const earlier = urls.slice(0, -1).findLast((url) => url.state === state);
  if (!latest || !earlier) return null;
  return fail(
    'state',
    'redirect.state_mismatch',
    `The redirect's state ${quote(state, STATE_QUOTE)} is the one of the URL you checked${atClock(earlier.checkedAt)}, not of your latest checked URL${
      latest.checkedAt ? ` (${clockTime(latest.checkedAt)}, state ${quote(context.expectedState ?? '', STATE_QUOTE)})` : ''
    }: you logged in with the older URL's Log In link, from another tab or the browser's history.`,
    `Click Log In under your latest checked URL in ${stepRef('authorize')} and paste the address you come back to. Leave this code alone: it answers the older request.`,
  );
}

interface ErrorExplanation {
  meaning: string;
  hint: string;
}

/** What each authorization error means in this exercise. @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1 */
const REDIRECT_ERRORS: Readonly<Record<string, ErrorExplanation>> = {
  access_denied: {
    meaning: 'the sign-in was cancelled, or the server refused to let this user use the app',
    hint: 'If you pressed Cancel, log in again. On Okta, "User is not assigned to the client application" means: assign your user to the app (Assignments tab), then log in again.',
  },
  invalid_scope: {
    meaning: 'the server refused a scope you asked for',
    hint: `Check every scope in your URL exists on the server (custom scopes such as api:read). If offline_access is the refused one, the app does not allow refresh tokens yet: enable the Refresh Token grant (${stepRef('enable')}) and, on Okta, make sure the access policy rule allows it. Then check the URL again and log in.`,
  },
  unauthorized_client: {
    meaning: 'the app is not allowed to use the authorization code flow',
    hint: 'Enable the Authorization Code grant on the app (Okta: General Settings → Grant type; practice console: tick "Authorization Code"), save, and log in again.',
  },
  invalid_request: {
    meaning: 'a parameter in your authorization URL is missing, repeated or malformed',
    hint: `The description names the parameter (often PKCE: code_challenge with code_challenge_method=S256). Fix it in ${stepRef('authorize')}, check the URL again, and log in with the new one.`,
  },
  unsupported_response_type: {
    meaning: 'the server or the app does not allow the response_type you sent',
    hint: 'Use response_type=code and make sure the Authorization Code grant is enabled on the app, then log in again.',
  },
  invalid_client: {
    meaning: 'the server does not recognise the client_id',
    hint: `Copy the client ID again from your app's settings into ${stepRef('authorize')}, check the URL, and log in again.`,
  },
  server_error: {
    meaning: 'the authorization server hit an unexpected error',
    hint: "Not your mistake: wait a moment and log in again with the same checked URL. If it keeps happening, check the server (practice server: the site's console output).",
  },
  temporarily_unavailable: {
    meaning: 'the authorization server is overloaded or under maintenance',
    hint: 'Not your mistake: wait a minute and log in again with the same checked URL.',
  },
  login_required: {
    meaning: 'you were not signed in and the request forbade showing the login page (prompt=none)',
    hint: 'Remove prompt=none from the authorization URL, check it again, and log in.',
  },
  consent_required: {
    meaning: 'the server needs you to consent but the request forbade asking (prompt=none)',
    hint: 'Remove prompt=none (or use prompt=consent), check the URL again, and log in.',
  },
  interaction_required: {
    meaning: 'the server needs you to interact (sign in, consent, pick an account) but the request forbade it (prompt=none)',
    hint: 'Remove prompt=none from the authorization URL, check it again, and log in.',
  },
  account_selection_required: {
    meaning: 'the server needs you to pick an account but the request forbade asking (prompt=none)',
    hint: 'Remove prompt=none from the authorization URL, check it again, and log in.',
  },
};

function explainError(error: string, description: string | null, errorUri: string | null): CheckResult {
  const known = Object.hasOwn(REDIRECT_ERRORS, error) ? REDIRECT_ERRORS[error] : undefined;
  const said = description ? ` It says: ${quote(description, 160)}` : '';
  const more = errorUri ? ` More at ${quote(errorUri, 80)}.` : '';
  return fail(
    'error',
    'redirect.error',
    `The server answered with error=${quote(error, 40)}${known ? `: ${known.meaning}.` : '.'}${said}${more}`,
    known?.hint ?? `Read the description above, fix the authorization URL in ${stepRef('authorize')}, check it again, and log in again.`,
  );
}
