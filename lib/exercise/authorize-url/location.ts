/**
 * Where the pasted URL points and where its parameters are: the authorization endpoint
 * (scheme, host, port, path), the query, and the login URL offered once everything passes.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1 the authorization endpoint
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3 http allowed only on loopback
 */
import type { AuthorizeUrlExpectations } from './index';
import { MAX_QUOTE, parseUrl } from './normalize';
import { REQUIRED_PARAMS } from './params';
import { type CheckResult, fail, quote, warn } from '../report';
import { stepRef } from '../steps';
import { explainDifference } from '../explain-difference';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The URL's scheme, credentials, origin and path against the authorization endpoint's. */
export function checkLocation(text: string, url: URL | null, endpoint: URL, expected: AuthorizeUrlExpectations): CheckResult[] {
  const expectedUrl = endpoint.href;
  if (!url) {
    const noScheme = !/^[a-z][a-z0-9+.-]*:/i.test(text);
    return [
      fail(
        'url',
        'url.invalid',
        `${quote(text, MAX_QUOTE)} is not a valid URL${noScheme ? ': it does not start with a scheme such as "https://"' : ''}.`,
        `Start with your authorization endpoint, exactly ${quote(expectedUrl)}, followed by "?" and the parameters.`,
      ),
    ];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return [
      fail(
        'url',
        'url.invalid',
        `${quote(text, MAX_QUOTE)} starts with ${quote(url.protocol)}, not "https:".`,
        `Start with your authorization endpoint, exactly ${quote(expectedUrl)}.`,
      ),
    ];
  }

  const results: CheckResult[] = [];
  if (url.username || url.password) {
    results.push(
      fail(
        'url',
        'url.invalid',
        'The URL carries a user name or password before the host ("user:pass@…").',
        'Remove everything between "//" and "@"; credentials never go in an authorization URL.',
      ),
    );
  }

  // The root cause first (issue 19): a misspelt host is reported as the host, and "use https"
  // is not said when the expected endpoint is itself plain http (a server on this machine).
  const insecure = url.protocol === 'http:' && !isLoopback(url.hostname) && endpoint.protocol === 'https:';
  if (url.hostname !== endpoint.hostname) {
    results.push(
      fail(
        'url',
        'url.host_mismatch',
        `The URL goes to ${quote(url.host)}, but your authorization server is ${quote(endpoint.host)}${hostDifference(url, endpoint)}.`,
        hostHint(url, endpoint, expected),
      ),
    );
  } else if (url.port !== endpoint.port || (url.protocol !== endpoint.protocol && !insecure)) {
    results.push(
      fail(
        'url',
        'url.host_mismatch',
        `The URL's origin ${quote(url.origin)} differs from your authorization server's ${quote(endpoint.origin)} (scheme or port).`,
        `Use exactly ${quote(endpoint.origin)} at the start of the URL.`,
      ),
    );
  }

  if (insecure) {
    results.push(
      fail(
        'url',
        'url.not_https',
        `The URL uses plain "http://" for ${quote(url.host)}.`,
        'Use "https://". Plain http is only acceptable for a server on your own machine (localhost), because the login and the code would travel unencrypted.',
      ),
    );
  }

  if (url.pathname !== endpoint.pathname) {
    results.push(
      fail(
        'url',
        'url.path_mismatch',
        pathMessage(url.pathname, endpoint, expected),
        `Use the path ${quote(endpoint.pathname)}: the full endpoint is ${quote(expectedUrl)}.`,
      ),
    );
  }
  return results;
}

/** A typo or an invisible character in the host, named (issue 19). */
function hostDifference(url: URL, endpoint: URL): string {
  const difference = explainDifference(url.hostname, endpoint.hostname);
  return difference ? ` — ${difference}` : '';
}

function hostHint(url: URL, endpoint: URL, expected: AuthorizeUrlExpectations): string {
  const base = `Use your authorization endpoint ${quote(endpoint.href)}.`;
  if (/x{4,}|\{|%7b|^your[-_.]/i.test(url.hostname)) return `The host is still the template's placeholder. ${base}`;
  if (url.hostname.replace('-admin.', '.') === endpoint.hostname) {
    return `That is the Okta Admin Console's address (with "-admin"); the authorization server lives on your org's domain without it. ${base}`;
  }
  const redirectHost = parseUrl(expected.redirectUri)?.hostname;
  if (url.hostname === redirectHost) {
    return `That is your redirect URI's host (where the server sends the learner back), not the authorization server. ${base}`;
  }
  // Another server altogether: the learner may have meant to use it (issue 19, class 8).
  return `${base} To use ${quote(url.host)} instead, choose it in ${stepRef('setup')} first.`;
}

function pathMessage(path: string, endpoint: URL, expected: AuthorizeUrlExpectations): string {
  const want = endpoint.pathname;
  const seen = `The path is ${quote(path)}, but your authorization endpoint's path is ${quote(want)}`;
  const tokenPath = expected.tokenEndpoint ? parseUrl(expected.tokenEndpoint)?.pathname : undefined;
  const issuerPath = parseUrl(expected.issuer)?.pathname.replace(/\/$/, '') ?? '';
  const trimmed = path.replace(/\/$/, '');
  if ((tokenPath && trimmed === tokenPath.replace(/\/$/, '')) || /\/token$/.test(trimmed))
    return `${seen}: that is the token endpoint, which is used later (${stepRef('token')}) with curl, not in a browser.`;
  if (trimmed === want) return `${seen}: remove the trailing "/".`;
  if (trimmed.toLowerCase() === want.toLowerCase()) return `${seen}: paths are case-sensitive.`;
  if (path.includes('/.well-known/')) return `${seen}: that is the discovery document, which lists the endpoints but is not one.`;
  if (trimmed === issuerPath || trimmed === '')
    return `${seen}: that is the issuer (or the bare site); the authorization endpoint is below it.`;
  if (/^\/oauth2\/v1\//.test(path) && /^\/oauth2\/[^/]+\/v1\//.test(want)) {
    return `${seen}: "/oauth2/v1/…" is Okta's org authorization server, which cannot issue tokens for custom scopes; use the custom server (e.g. "default") from the issuer.`;
  }
  if (want.includes('/v1/') && trimmed === want.replace('/v1/', '/')) return `${seen}: "/v1/" is missing.`;
  return `${seen}.`;
}

/**
 * The text the parameters are read from: the query, or the fragment when the parameters
 * were put after "#" instead of "?" (reported, and read anyway). `source` is null when
 * there are no parameters at all, which ends the check.
 */
export function findQuery(text: string, url: URL | null): { results: CheckResult[]; source: string | null } {
  const results: CheckResult[] = [];
  const queryStart = text.indexOf('?');
  const hashStart = text.indexOf('#');
  const rawQuery = url
    ? url.search.slice(1)
    : queryStart >= 0
      ? text.slice(queryStart + 1, hashStart > queryStart ? hashStart : undefined)
      : '';
  const rawFragment = hashStart >= 0 ? text.slice(hashStart + 1) : '';
  let paramSource = rawQuery;

  if (!rawQuery) {
    if (rawFragment.includes('=')) {
      results.push(
        fail(
          'url',
          'url.fragment',
          `The parameters come after "#" instead of "?": ${quote(`#${rawFragment}`, MAX_QUOTE)}. A browser never sends the part after "#" to the server.`,
          'Start the parameters with "?" right after the endpoint path (…/v1/authorize?response_type=code&…) and separate them with "&".',
        ),
      );
      paramSource = rawFragment;
    } else {
      results.push(
        fail(
          'url',
          'url.no_query',
          `${quote(text, MAX_QUOTE)} has no query string, so the server gets none of the request parameters.`,
          `Add "?" after the endpoint, then the parameters joined by "&": ${REQUIRED_PARAMS.join(', ')}.`,
        ),
      );
      return { results, source: null };
    }
  } else if (hashStart >= 0) {
    const inValue = valueCutByHash(text, hashStart, rawFragment);
    // Read the parameters as meant (the "#" encoded), so that those after it are not
    // reported missing with a hint to add what is there (issue 19, class 5).
    if (inValue) paramSource = `${rawQuery}%23${rawFragment}`;
    results.push(
      inValue
        ? fail(
            'url',
            'url.fragment',
            `The "#" inside the value of ${inValue.name} (${quote(`${inValue.name}=${inValue.before}#${rawFragment}`, MAX_QUOTE)}) ends the query: the browser drops everything after it${
              inValue.lost.length > 0 ? `, including ${inValue.lost.join(', ')}` : ''
            }.`,
            `Percent-encode the "#" in that value as %23 — or use a ${inValue.name === 'state' ? 'state' : 'value'} of letters and digits only — and keep the rest of the URL as it is.`,
          )
        : rawFragment
          ? fail(
              'url',
              'url.fragment',
              `Everything after "#" is dropped by the browser: ${quote(`#${rawFragment}`, MAX_QUOTE)}.`,
              'Remove the "#" part; if it holds parameters, join them to the query with "&" instead.',
            )
          : warn(
              'url',
              'url.fragment',
              'The URL ends with an empty "#".',
              'Remove the trailing "#"; it does nothing but can confuse copy and paste.',
            ),
    );
  }
  return { results, source: paramSource };
}

/**
 * A "#" that sits inside a parameter's value (a password manager's state, issue 19): the
 * query's last parameter runs right up to it and parameters follow it. Null when the "#"
 * starts a fragment of its own.
 */
function valueCutByHash(text: string, hashStart: number, fragment: string): { name: string; before: string; lost: string[] } | null {
  // Parameters follow, and the text right after "#" is no parameter of its own ("#state=…" is a fragment).
  if (!fragment.includes('&')) return null;
  const firstPiece = fragment.slice(0, fragment.indexOf('&'));
  if (firstPiece.includes('=')) return null;
  const lastAmp = Math.max(text.lastIndexOf('&', hashStart), text.lastIndexOf('?', hashStart));
  const piece = text.slice(lastAmp + 1, hashStart);
  const eq = piece.indexOf('=');
  if (eq <= 0 || eq === piece.length - 1) return null;
  const lost = fragment
    .split('&')
    .slice(1)
    .map((pair) => pair.slice(0, pair.includes('=') ? pair.indexOf('=') : undefined))
    .filter((name) => /^[\w.-]{1,40}$/.test(name))
    .slice(0, 8);
  return { name: piece.slice(0, eq), before: piece.slice(eq + 1), lost };
}

/**
 * The URL to log in with: offered only as an http(s) URL on the authorization endpoint's
 * origin, without its fragment (see `AuthorizeUrlReport.loginUrl`).
 */
export function toLoginUrl(url: URL, endpoint: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.origin !== endpoint.origin) return undefined;
  const login = new URL(url.href);
  login.hash = '';
  return login.href;
}
