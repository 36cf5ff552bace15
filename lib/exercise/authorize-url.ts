/**
 * Step 2 of the Refresh Tokens exercise: the learner builds an authorization request URL
 * (authorization code flow with PKCE, asking for `offline_access`) and pastes it here.
 * Pure: no network, no clock, no Next.js — the expected values are passed in.
 */
import { editDistance, foldName, MAX_NAME_LENGTH, suggest } from './suggest';
import { type CheckResult, type Report, fail, makeReport, pass, quote, warn } from './report';

export interface AuthorizeUrlExpectations {
  /** e.g. `http://localhost:3000/oauth2/default` or `https://dev-123.okta.com/oauth2/default`. */
  issuer: string;
  /** From discovery, e.g. `<issuer>/v1/authorize`. Trusted configuration: must be a valid URL. */
  authorizationEndpoint: string;
  /** Lets the check say "you used the token endpoint" instead of a generic path mismatch. */
  tokenEndpoint?: string;
  clientId: string;
  /** The redirect URI chosen at setup (by default `<site>/redirect`). */
  redirectUri: string;
  /** Every redirect URI registered on the app; using another registered one is accepted. */
  registeredRedirectUris?: string[];
  /** From discovery; enables the `scope.unknown` warning. */
  scopesSupported?: string[];
}

/** The request as the authorization server will read it (decoded once). Never holds a secret. */
export interface AuthorizeUrlRequest {
  clientId: string | null;
  redirectUri: string | null;
  state: string | null;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  responseType: string | null;
}

export interface AuthorizeUrlReport extends Report<'authorize-url'> {
  /**
   * Present only when the report passes, and only as an http(s) URL on the authorization
   * endpoint's origin (SPEC §7): the pasted URL with whitespace, line breaks and an empty
   * fragment removed.
   */
  loginUrl?: string;
  /** Present whenever a query string could be read. */
  request?: AuthorizeUrlRequest;
}

/** The checklist areas, in the order the UI shows them. Stable identifiers. */
export const AUTHORIZE_URL_CHECKS = [
  'url',
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'params',
] as const;
export type AuthorizeUrlCheck = (typeof AUTHORIZE_URL_CHECKS)[number];

const REQUIRED_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;
type RequiredParam = (typeof REQUIRED_PARAMS)[number];

/**
 * Optional authorization request parameters from the standards (OpenID Connect Core §3.1.2.1,
 * RFC 8707, RFC 9396, RFC 9449) and from common providers (Okta `idp`, `sessionToken`;
 * Auth0 `audience`, `organization`; Keycloak `kc_idp_hint`). Accepted without comment.
 */
const OPTIONAL_PARAMS = [
  'prompt',
  'nonce',
  'login_hint',
  'audience',
  'resource',
  'max_age',
  'ui_locales',
  'claims_locales',
  'acr_values',
  'display',
  'id_token_hint',
  'response_mode',
  'claims',
  'request',
  'request_uri',
  'registration',
  'authorization_details',
  'dpop_jkt',
  'idp',
  'idp_scope',
  'sessionToken',
  'enroll_amr_values',
  'organization',
  'invitation',
  'connection',
  'screen_hint',
  'kc_idp_hint',
] as const;

const KNOWN_PARAMS: readonly string[] = [...REQUIRED_PARAMS, ...OPTIONAL_PARAMS];
const KNOWN_PARAM_SET: ReadonlySet<string> = new Set(KNOWN_PARAMS);

/** How many unknown parameters (and unknown scopes) are explained one by one before the rest are counted. */
const MAX_LISTED_UNKNOWN = 20;
const MAX_LISTED_SCOPES = 10;

/** Names that mean a required parameter without being a near spelling of it (keys are folded, see `foldName`). */
const PARAM_ALIASES: Readonly<Record<string, string>> = {
  redirect: 'redirect_uri',
  redirect_to: 'redirect_uri',
  callback: 'redirect_uri',
  callback_url: 'redirect_uri',
  callback_uri: 'redirect_uri',
  return_url: 'redirect_uri',
  return_to: 'redirect_uri',
  client: 'client_id',
  app_id: 'client_id',
  application_id: 'client_id',
  scopes: 'scope',
  challenge: 'code_challenge',
  pkce_challenge: 'code_challenge',
  challenge_method: 'code_challenge_method',
  method: 'code_challenge_method',
  code_method: 'code_challenge_method',
};

/** Parameters that belong to the token request (step 4), never to the authorization URL. */
/** Folded names (see `foldName`) and aliases that mean a required parameter, for an exact lookup. */
const FOLDED_REQUIRED: ReadonlyMap<string, string> = new Map([
  ...REQUIRED_PARAMS.map((name): [string, string] => [foldName(name), name]),
  ...Object.entries(PARAM_ALIASES),
]);

const TOKEN_REQUEST_PARAMS = new Set(['grant_type', 'code', 'refresh_token', 'client_assertion', 'client_assertion_type']);

interface Param {
  /** Decoded name. */
  name: string;
  /** As pasted (after whitespace removal); null when the piece had no `=`. */
  rawValue: string | null;
  /** Decoded the way the server decodes it (`+` → space, percent-decoding). */
  value: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const MAX_QUOTE = 60;

/**
 * Checks a pasted authorization request URL against what the learner's authorization
 * server and app expect, reporting every problem at once.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1 Authorization Request
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1 parameters sent once, unknown ones ignored
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12 `state` against CSRF
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2 `code_challenge` = BASE64URL(SHA256(verifier))
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3 http allowed only on loopback
 */
export function checkAuthorizeUrl(input: string, expected: AuthorizeUrlExpectations): AuthorizeUrlReport {
  const text = normalizeUrlText(input);
  if (!text) {
    return makeReport('authorize-url', [
      fail(
        'url',
        'input.empty',
        'The authorization URL box is empty.',
        'Paste the whole URL you built, starting with your authorization endpoint, then press "Check Your URL".',
      ),
    ]);
  }

  const results: CheckResult[] = [];
  const endpoint = new URL(expected.authorizationEndpoint);
  const url = parseUrl(text);
  results.push(...checkLocation(text, url, endpoint, expected));

  const queryStart = text.indexOf('?');
  const hashStart = text.indexOf('#');
  const rawQuery = url ? url.search.slice(1) : queryStart >= 0 ? text.slice(queryStart + 1, hashStart > queryStart ? hashStart : undefined) : '';
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
      return makeReport('authorize-url', finishChecklist(results, ['url']));
    }
  } else if (hashStart >= 0) {
    results.push(
      rawFragment
        ? fail(
            'url',
            'url.fragment',
            `Everything after "#" is dropped by the browser: ${quote(`#${rawFragment}`, MAX_QUOTE)}.`,
            'Remove the "#" part; if it holds parameters, join them to the query with "&" instead.',
          )
        : warn('url', 'url.fragment', 'The URL ends with an empty "#".', 'Remove the trailing "#"; it does nothing but can confuse copy and paste.'),
    );
  }

  const params = parseParams(paramSource);
  results.push(...checkParams(params, expected));

  const report = makeReport('authorize-url', finishChecklist(results, AUTHORIZE_URL_CHECKS), { request: describeRequest(params) });
  const loginUrl = report.status === 'pass' && url ? toLoginUrl(url, endpoint) : undefined;
  return loginUrl ? { ...report, loginUrl } : report;
}

// ---------------------------------------------------------------------------------------
// Input normalization and parsing

/**
 * Removes what a paste adds around and inside a URL: zero-width characters, wrapping quotes
 * or angle brackets, line breaks with their indentation (the seed's template is multi-line)
 * and stray spaces. The one exception: spaces between scope names are real separators (a
 * browser sends them as `%20`), so there they become `%20` instead of vanishing.
 */
export function normalizeUrlText(input: string): string {
  let text = input.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  const wrapped = /^(["'`<\u201C\u2018])([\s\S]*)(["'`>\u201D\u2019])$/.exec(text);
  if (wrapped && wrapped[2]) text = wrapped[2].trim();
  // A whitespace run holding a line break goes as a whole, with the indentation around it;
  // other runs stay for now. One match per run: `[^\S\r\n]*[\r\n]\s*` retried from every
  // space of a long run without a line break (quadratic).
  text = text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? '' : run));
  // Nothing left to remove (as in most pastes, and in thousands of "&" without a space):
  // skip the per-parameter pass.
  if (!/\s/.test(text)) return text;
  const queryStart = text.indexOf('?');
  if (queryStart < 0) return text.replace(/\s+/g, '');
  const rest = text.slice(queryStart + 1);
  const hashStart = rest.indexOf('#');
  const query = hashStart < 0 ? rest : rest.slice(0, hashStart);
  const fragment = hashStart < 0 ? '' : rest.slice(hashStart);
  const pieces = query.split('&').map((piece) => {
    const eq = piece.indexOf('=');
    if (eq < 0) return piece.replace(/\s+/g, '');
    const name = piece.slice(0, eq).replace(/\s+/g, '');
    const value = piece.slice(eq + 1).trim();
    return `${name}=${name === 'scope' ? value.replace(/\s+/g, '%20') : value.replace(/\s+/g, '')}`;
  });
  return `${text.slice(0, queryStart).replace(/\s+/g, '')}?${pieces.join('&')}${fragment.replace(/\s+/g, '')}`;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Decodes like `application/x-www-form-urlencoded` (what servers do): `+` is a space, bad escapes stay as they are. */
function formDecode(raw: string): string {
  // Nothing to decode (the common case, and thousands of pieces in a hostile paste): skip the
  // URLSearchParams object. Surrogates take the slow path, which turns lone ones into U+FFFD.
  if (!/[%+\uD800-\uDFFF]/.test(raw)) return raw;
  return new URLSearchParams(`v=${raw}`).get('v') ?? '';
}

/** One more percent-decoding round, for spotting double encoding. */
function decodeAgain(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseParams(rawQuery: string): Param[] {
  const params: Param[] = [];
  // A loop over "&" positions: empty pieces ("&&&…") cost nothing, not an array entry each.
  for (let start = 0; start <= rawQuery.length; ) {
    const amp = rawQuery.indexOf('&', start);
    const end = amp < 0 ? rawQuery.length : amp;
    if (end > start) {
      const piece = rawQuery.slice(start, end);
      const eq = piece.indexOf('=');
      const rawName = eq < 0 ? piece : piece.slice(0, eq);
      const rawValue = eq < 0 ? null : piece.slice(eq + 1);
      params.push({ name: formDecode(rawName), rawValue, value: formDecode(rawValue ?? '') });
    }
    start = end + 1;
  }
  return params;
}

function describeRequest(params: Param[]): AuthorizeUrlRequest {
  const get = (name: RequiredParam) => params.find((p) => p.name === name)?.value ?? null;
  const scope = get('scope');
  return {
    clientId: get('client_id'),
    redirectUri: get('redirect_uri'),
    state: get('state'),
    scopes: scope ? scope.split(' ').filter(Boolean) : [],
    codeChallenge: get('code_challenge'),
    codeChallengeMethod: get('code_challenge_method'),
    responseType: get('response_type'),
  };
}

function toLoginUrl(url: URL, endpoint: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.origin !== endpoint.origin) return undefined;
  const login = new URL(url.href);
  login.hash = '';
  return login.href;
}

/** Adds a pass for each area without a fail, warning or pass of its own, so the UI can show a full checklist. */
function finishChecklist(results: CheckResult[], areas: readonly AuthorizeUrlCheck[]): CheckResult[] {
  const passes: Record<AuthorizeUrlCheck, string> = {
    url: 'The URL points at your authorization endpoint.',
    response_type: 'response_type is "code".',
    client_id: 'client_id is your app\'s client ID.',
    redirect_uri: 'redirect_uri is a redirect URI registered on your app.',
    scope: 'scope includes offline_access.',
    state: 'state is present and hard to guess.',
    code_challenge: 'code_challenge is 43 base64url characters, the length of a SHA-256 hash.',
    code_challenge_method: 'code_challenge_method is "S256".',
    params: 'Every other parameter is known and appears once.',
  };
  const out = [...results];
  for (const area of areas) {
    const settled = results.some((r) => r.check === area && r.status !== 'info');
    if (!settled) out.push(pass(area, passes[area]));
  }
  const order = (check: string) => AUTHORIZE_URL_CHECKS.indexOf(check as AuthorizeUrlCheck);
  return out.sort((a, b) => order(a.check) - order(b.check));
}

// ---------------------------------------------------------------------------------------
// Where the URL points

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function checkLocation(text: string, url: URL | null, endpoint: URL, expected: AuthorizeUrlExpectations): CheckResult[] {
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

  const insecure = url.protocol === 'http:' && !isLoopback(url.hostname);
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

  if (url.hostname !== endpoint.hostname) {
    results.push(
      fail('url', 'url.host_mismatch', `The URL goes to ${quote(url.host)}, but your authorization server is ${quote(endpoint.host)}.`, hostHint(url, endpoint, expected)),
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

  if (url.pathname !== endpoint.pathname) {
    results.push(fail('url', 'url.path_mismatch', pathMessage(url.pathname, endpoint, expected), `Use the path ${quote(endpoint.pathname)}: the full endpoint is ${quote(expectedUrl)}.`));
  }
  return results;
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
  return base;
}

function pathMessage(path: string, endpoint: URL, expected: AuthorizeUrlExpectations): string {
  const want = endpoint.pathname;
  const seen = `The path is ${quote(path)}, but your authorization endpoint's path is ${quote(want)}`;
  const tokenPath = expected.tokenEndpoint ? parseUrl(expected.tokenEndpoint)?.pathname : undefined;
  const issuerPath = parseUrl(expected.issuer)?.pathname.replace(/\/$/, '') ?? '';
  const trimmed = path.replace(/\/$/, '');
  if ((tokenPath && trimmed === tokenPath.replace(/\/$/, '')) || /\/token$/.test(trimmed)) return `${seen}: that is the token endpoint, which is used later (step 4) with curl, not in a browser.`;
  if (trimmed === want) return `${seen}: remove the trailing "/".`;
  if (trimmed.toLowerCase() === want.toLowerCase()) return `${seen}: paths are case-sensitive.`;
  if (path.includes('/.well-known/')) return `${seen}: that is the discovery document, which lists the endpoints but is not one.`;
  if (trimmed === issuerPath || trimmed === '') return `${seen}: that is the issuer (or the bare site); the authorization endpoint is below it.`;
  if (/^\/oauth2\/v1\//.test(path) && /^\/oauth2\/[^/]+\/v1\//.test(want)) {
    return `${seen}: "/oauth2/v1/…" is Okta's org authorization server, which cannot issue tokens for custom scopes; use the custom server (e.g. "default") from the issuer.`;
  }
  if (want.includes('/v1/') && trimmed === want.replace('/v1/', '/')) return `${seen}: "/v1/" is missing.`;
  return `${seen}.`;
}

// ---------------------------------------------------------------------------------------
// Parameters

function areaOf(name: string): AuthorizeUrlCheck {
  return (REQUIRED_PARAMS as readonly string[]).includes(name) ? (name as RequiredParam) : 'params';
}

/** Returns the placeholder left in a value (`{YOUR_SCOPE}`, `<client_id>`, `YOUR_CLIENT_ID`, `...`), or null. */
export function findPlaceholder(value: string): string | null {
  for (const candidate of [value, decodeAgain(value)]) {
    const match =
      /\{[^{}]*\}/.exec(candidate) ??
      /<[^<>]*>/.exec(candidate) ??
      /(?:^|[^A-Za-z0-9])(your[_-][A-Za-z0-9_-]*)/i.exec(candidate) ??
      /^(\.{3,}|\u2026|x{3,}|\[[^\]]*\])$/i.exec(candidate);
    if (match) return match[1] ?? match[0];
  }
  return null;
}

function checkParams(params: Param[], expected: AuthorizeUrlExpectations): CheckResult[] {
  const results: CheckResult[] = [];
  const byName = new Map<string, Param[]>();
  for (const p of params) {
    const list = byName.get(p.name);
    if (list) list.push(p);
    else byName.set(p.name, [p]);
  }

  // Unknown and misplaced parameters, remembering which required one each may stand for.
  // Past the first few, a URL is a paste gone wrong: the rest are counted, not each explained.
  const standsFor = new Map<string, string>();
  let unknownCount = 0;
  for (const name of byName.keys()) {
    if (KNOWN_PARAM_SET.has(name)) continue;
    unknownCount++;
    if (unknownCount <= MAX_LISTED_UNKNOWN) {
      results.push(...checkUnknownParam(name, byName, standsFor));
    } else {
      // Still notice `redirect-uri` or `callback_url` far down the list, by an exact lookup.
      const meant = name.length <= MAX_NAME_LENGTH ? FOLDED_REQUIRED.get(foldName(name)) : undefined;
      if (meant && !byName.has(meant) && !standsFor.has(meant)) standsFor.set(meant, name);
    }
  }
  if (unknownCount > MAX_LISTED_UNKNOWN) {
    results.push(
      warn(
        'params',
        'param.unknown',
        `…and ${unknownCount - MAX_LISTED_UNKNOWN} more unknown parameters, which the server ignores too.`,
        'The request needs only the seven parameters of this step. Build the URL again from the template instead of editing this one.',
      ),
    );
  }

  for (const [name, list] of byName) {
    if (list.length < 2 || !KNOWN_PARAM_SET.has(name)) continue;
    const values = `${list
      .slice(0, 3)
      .map((p) => quote(p.value, 30))
      .join(', ')}${list.length > 3 ? ', …' : ''}`;
    results.push(
      fail(
        areaOf(name),
        'param.duplicate',
        `"${name}" appears ${list.length} times (${values}).`,
        name === 'scope'
          ? 'Keep one scope parameter and list every scope in it, separated by spaces ("+"): scope=offline_access+api:read.'
          : `Keep exactly one "${name}"; a server may reject the request or pick either value.`,
      ),
    );
  }

  // "…?response_type=code?scope=…": a second "?" glues the next parameter into a value.
  const glued = new Map<string, string>();
  for (const p of params) {
    if (!p.rawValue?.includes('?')) continue;
    for (const [, inner] of p.rawValue.matchAll(/\?([A-Za-z_]+)=/g)) {
      if (inner && !glued.has(inner)) glued.set(inner, p.name);
    }
  }

  for (const name of REQUIRED_PARAMS) {
    const p = byName.get(name)?.[0];
    if (!p) {
      results.push(missing(name, standsFor.get(name), glued.get(name)));
      continue;
    }
    if (p.value === '') {
      results.push(
        fail(name, 'param.empty', `"${name}" is there but has no value ("${name}=").`, `Fill in ${name} after the "=" (${WHAT_GOES_IN[name]}).`),
      );
      continue;
    }
    const placeholder = findPlaceholder(p.value);
    if (placeholder && name !== 'scope') {
      results.push(placeholderResult(name, placeholder));
      continue;
    }
    results.push(...CHECK_VALUE[name](p, expected, byName));
  }

  for (const name of OPTIONAL_PARAMS) {
    const p = byName.get(name)?.[0];
    const placeholder = p ? findPlaceholder(p.value) : null;
    if (placeholder) results.push(placeholderResult(name, placeholder));
  }

  return results;
}

const WHAT_GOES_IN: Record<RequiredParam, string> = {
  response_type: 'always "code" in this exercise',
  client_id: "your app's client ID",
  redirect_uri: 'the redirect URI registered on your app',
  scope: 'offline_access and at least one more scope, separated by "+"',
  state: 'a random value from the "state" helper',
  code_challenge: 'the Code Challenge from the PKCE helper',
  code_challenge_method: '"S256"',
};

function missing(name: RequiredParam, typed: string | undefined, gluedInto: string | undefined): CheckResult {
  const codeByName = {
    response_type: 'response_type.missing',
    client_id: 'client_id.missing',
    redirect_uri: 'redirect_uri.missing',
    scope: 'scope.missing',
    state: 'state.missing',
    code_challenge: 'code_challenge.missing',
    code_challenge_method: 'code_challenge_method.missing',
  } as const;
  const why: Record<RequiredParam, string> = {
    response_type: 'Without it the server does not know which flow you want.',
    client_id: 'The server needs it to know which app is asking.',
    redirect_uri: 'The server needs it to know where to send the code back.',
    scope: 'Without scopes, in particular offline_access, there will be no refresh token.',
    state: 'It protects the redirect against cross-site request forgery.',
    code_challenge: 'PKCE ties the code to your code verifier; the practice server requires it.',
    code_challenge_method:
      'Without it the server assumes "plain" and will compare your verifier with the challenge as-is, so the token request fails.',
  };
  const rename = typed ? ` You wrote ${quote(typed)}: rename it to "${name}".` : '';
  const glue = gluedInto ? ` It is stuck inside the value of "${gluedInto}" after a "?": only the first parameter follows "?", the others follow "&".` : '';
  return fail(name, codeByName[name], `The URL has no "${name}" parameter. ${why[name]}`, `Add &${name}=… (${WHAT_GOES_IN[name]}).${rename}${glue}`);
}

function placeholderResult(name: string, placeholder: string, replacement?: string): CheckResult {
  const what = replacement ?? (name in WHAT_GOES_IN ? WHAT_GOES_IN[name as RequiredParam] : 'a real value, or remove the parameter');
  return fail(
    areaOf(name),
    'param.placeholder',
    `"${name}" still holds the template placeholder ${quote(placeholder)}.`,
    `Replace ${quote(placeholder)} (brackets included) with ${what}.`,
  );
}

function checkUnknownParam(name: string, byName: Map<string, Param[]>, standsFor: Map<string, string>): CheckResult[] {
  const shown = quote(name, 40);
  const folded = suggest(name, ['client_secret', 'code_verifier'], { maxDistance: 0 });
  if (folded === 'client_secret') {
    return [
      fail(
        'client_id',
        'client_id.secret_in_url',
        `The URL contains the client secret (parameter ${shown}).`,
        'Remove it now, and consider rotating the secret: a URL ends up in browser history, logs and Referer headers. The secret is only sent to the token endpoint (step 4), never through the browser.',
      ),
    ];
  }
  if (folded === 'code_verifier') {
    return [
      fail(
        'code_challenge',
        'code_verifier.in_url',
        `The URL contains the code verifier (parameter ${shown}).`,
        'Remove it: PKCE only works if the verifier stays secret until the token request (step 4). Send its hash as code_challenge instead.',
      ),
    ];
  }
  if (TOKEN_REQUEST_PARAMS.has(name)) {
    return [
      warn(
        'params',
        'param.unknown',
        `${shown} is a token request parameter; the authorization endpoint ignores it.`,
        name === 'grant_type'
          ? 'Remove grant_type: here response_type=code selects the flow; grant_type=authorization_code goes in the curl command of step 4.'
          : `Remove ${shown}: it belongs to the token request in step 4.`,
      ),
    ];
  }
  if (name === 'access_type') {
    return [
      warn(
        'params',
        'param.unknown',
        '"access_type" is Google\'s own way to ask for a refresh token; other servers ignore it.',
        'Remove it and put offline_access in the scope parameter instead.',
      ),
    ];
  }

  const guess = suggest(name, KNOWN_PARAMS, { aliases: PARAM_ALIASES });
  const required = guess !== null && (REQUIRED_PARAMS as readonly string[]).includes(guess);
  if (guess && required && !byName.has(guess)) standsFor.set(guess, name);
  const htmlAmp = /^amp;/i.test(name) ? ' The "&" was copied as the HTML entity "&amp;": replace every "&amp;" with "&".' : '';
  const didYouMean = guess ? `Did you mean "${guess}"? Parameter names are exact and case-sensitive.${htmlAmp}` : 'Remove it, or check its spelling against your server\'s documentation.';
  // Unknown parameters are ignored by the server (RFC 6749 §3.1), so they only fail when they
  // stand in for a required parameter that is therefore missing.
  const result = guess && required && !byName.has(guess) ? fail : warn;
  return [result('params', 'param.unknown', `${shown} is not an authorization request parameter, so the server ignores it.`, didYouMean)];
}

type ValueCheck = (p: Param, expected: AuthorizeUrlExpectations, byName: Map<string, Param[]>) => CheckResult[];

const CHECK_VALUE: Record<RequiredParam, ValueCheck> = {
  response_type: checkResponseType,
  client_id: checkClientId,
  redirect_uri: checkRedirectUri,
  scope: checkScope,
  state: checkState,
  code_challenge: checkCodeChallenge,
  code_challenge_method: checkCodeChallengeMethod,
};

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1 */
function checkResponseType(p: Param): CheckResult[] {
  const value = p.value;
  if (value === 'code') return [];
  const tokens = value.split(/\s+/).filter(Boolean);
  const seen = `response_type is ${quote(value)}`;
  let why: string;
  if (value.toLowerCase() === 'code') why = `${seen}: values are case-sensitive.`;
  else if (value === 'authorization_code') why = `${seen}: "authorization_code" is the grant_type of the token request, not a response type.`;
  else if (tokens.includes('code')) why = `${seen}: that is a hybrid flow, which also returns tokens in the browser.`;
  else if (tokens.includes('token') || tokens.includes('id_token')) {
    why = `${seen}: that is the implicit flow, which returns tokens in the browser's address bar and never a refresh token.`;
  } else why = `${seen}.`;
  return [
    fail(
      'response_type',
      'response_type.not_code',
      why,
      'Use response_type=code: the authorization code flow returns a short-lived code that you exchange at the token endpoint for an access token and a refresh token.',
    ),
  ];
}

function mask(value: string): string {
  return `"${value.slice(0, 4)}…" (${value.length} characters)`;
}

function checkClientId(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
  const value = p.value;
  const want = expected.clientId;
  if (value === want) return [];
  const hint = `Use your app's client ID, exactly ${quote(want)} (Okta: the app's General tab; practice server: the console).`;
  const looksLikeSecret = value.length >= 32 && value.length > want.length + 8 && !value.includes(want);
  if (looksLikeSecret) {
    return [
      fail(
        'client_id',
        'client_id.mismatch',
        `client_id is ${mask(value)}, which looks like the client secret, not the client ID.`,
        `${hint} Never put the secret in a URL; if you shared this URL anywhere, rotate the secret.`,
      ),
    ];
  }
  let detail = '';
  if (value.toLowerCase() === want.toLowerCase()) detail = ' Client IDs are case-sensitive.';
  else if (value.includes(want)) detail = ' It contains your client ID plus extra characters (quotes? part of another parameter?).';
  else if (value.length < want.length + 3 && editDistance(value, want) <= 2) detail = ' It differs by a character or two: a typo?';
  return [fail('client_id', 'client_id.mismatch', `client_id is ${quote(value, 50)}, but your app's client ID is ${quote(want)}.${detail}`, hint)];
}

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2 redirect URIs are compared exactly */
function checkRedirectUri(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
  const results: CheckResult[] = [];
  const accepted = [expected.redirectUri, ...(expected.registeredRedirectUris ?? [])];
  let value = p.value;
  if (/%25[0-9a-f]{2}/i.test(p.rawValue ?? '')) {
    const once = decodeAgain(value);
    results.push(
      fail(
        'redirect_uri',
        'redirect_uri.double_encoded',
        `redirect_uri is encoded twice: ${quote(p.rawValue ?? '', MAX_QUOTE)} ("%25" is an encoded "%"), so the server reads ${quote(value, MAX_QUOTE)}.`,
        `Encode it once (https%3A%2F%2F…) or not at all: redirect_uri=${accepted.includes(once) ? once : expected.redirectUri}.`,
      ),
    );
    value = once;
  }
  if (accepted.includes(value)) {
    if (value !== expected.redirectUri && results.length === 0) {
      results.push(
        pass(
          'redirect_uri',
          `redirect_uri ${quote(value)} is registered on your app (though not the one chosen at setup): after logging in, copy the address you land on and paste it in the next step.`,
        ),
      );
    }
    return results;
  }
  const distance = (uri: string) => (value.length > 2048 ? 0 : editDistance(value, uri));
  const closest = [...accepted].sort((a, b) => distance(a) - distance(b))[0] ?? expected.redirectUri;
  results.push(
    fail(
      'redirect_uri',
      'redirect_uri.mismatch',
      `redirect_uri is ${quote(value, MAX_QUOTE)}, but your app expects ${quote(closest, MAX_QUOTE)}.${describeUriDifference(value, closest)}`,
      `Use exactly ${quote(closest, MAX_QUOTE)}: the server compares redirect URIs character for character with those registered on the app${
        accepted.length > 1 ? ` (${accepted.map((u) => quote(u, 50)).join(', ')})` : ''
      }. To use another one, register it on the app first.`,
    ),
  );
  return results;
}

function describeUriDifference(actual: string, wanted: string): string {
  const a = parseUrl(actual);
  const b = parseUrl(wanted);
  if (!a || !b) return a ? '' : ' It is not a full URL (it needs "https://…").';
  const notes: string[] = [];
  if (a.protocol !== b.protocol) notes.push(`scheme ${a.protocol.replace(':', '')} instead of ${b.protocol.replace(':', '')}`);
  if (a.hostname !== b.hostname) notes.push(`host ${a.hostname} instead of ${b.hostname}`);
  if (a.port !== b.port) notes.push(`port ${a.port || 'default'} instead of ${b.port || 'default'}`);
  if (a.pathname !== b.pathname) {
    if (a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '')) notes.push(a.pathname.endsWith('/') ? 'an extra trailing "/"' : 'a missing trailing "/"');
    else if (a.pathname.toLowerCase() === b.pathname.toLowerCase()) notes.push('different upper/lower case in the path');
    else notes.push(`path ${a.pathname} instead of ${b.pathname}`);
  }
  if (a.search !== b.search) notes.push('a different query');
  if (!notes.length && actual !== wanted) notes.push('a different spelling');
  return notes.length ? ` Difference: ${notes.join(', ')}.` : '';
}

/** A scope the learner typed meaning `offline_access`: `offline-access`, `Offline_Access`, `offline_acess`, `offlineaccess`… */
function meansOfflineAccess(token: string): boolean {
  if (token === 'offline_access') return false;
  const letters = token.toLowerCase().replace(/[^a-z]/g, '');
  // Within distance 2 only if the lengths differ by 2 at most: no edit distance on long tokens.
  return (
    letters === 'offline' ||
    letters.startsWith('offlineaccess') ||
    (Math.abs(letters.length - 'offlineaccess'.length) <= 2 && editDistance(letters, 'offlineaccess') <= 2)
  );
}

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3 scopes are space-delimited and case-sensitive */
function checkScope(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
  const results: CheckResult[] = [];
  const raw = p.rawValue ?? '';
  let intended = p.value;
  if (/%2B/i.test(raw)) {
    results.push(
      fail(
        'scope',
        'scope.literal_plus_encoded',
        `scope contains "%2B" (${quote(raw, MAX_QUOTE)}), an encoded literal "+", so the server reads one scope ${quote(p.value, MAX_QUOTE)}.`,
        'Separate scopes with a plain "+" or "%20", both of which mean a space: scope=offline_access+api:read.',
      ),
    );
    intended = intended.replace(/\+/g, ' ');
  }
  if (intended.includes(',')) {
    results.push(
      fail(
        'scope',
        'scope.comma_separated',
        `scope uses commas: ${quote(p.value, MAX_QUOTE)}. OAuth reads that as one scope with commas in its name.`,
        'Separate scopes with spaces, written "+" or "%20" in a URL: scope=offline_access+api:read.',
      ),
    );
    intended = intended.replace(/,/g, ' ');
  }
  const tokens = intended.split(/\s+/).filter(Boolean);
  const placeholders = tokens.filter((t) => findPlaceholder(t) !== null);
  if (placeholders.length) {
    const examples = (expected.scopesSupported ?? ['api:read', 'openid']).filter((s) => s !== 'offline_access').slice(0, 3);
    results.push(placeholderResult('scope', placeholders[0]!, `a scope your server supports${examples.length ? `, e.g. ${examples.join(' or ')}` : ''}, and keep offline_access`));
  }
  const real = tokens.filter((t) => findPlaceholder(t) === null);

  const offlinePair = real.findIndex((t, i) => t.toLowerCase() === 'offline' && real[i + 1]?.toLowerCase() === 'access');
  const misspelled = offlinePair >= 0 ? `${real[offlinePair]} ${real[offlinePair + 1]}` : real.find(meansOfflineAccess);
  const hasOffline = real.includes('offline_access');
  if (!hasOffline && misspelled) {
    results.push(
      fail(
        'scope',
        'scope.offline_access_misspelled',
        `scope has ${quote(misspelled)} where "offline_access" was probably meant.`,
        /^offline_access./i.test(misspelled)
          ? 'Put a space ("+") between offline_access and the next scope.'
          : 'Write it exactly "offline_access": lower case, with an underscore. Scope names are case-sensitive.',
      ),
    );
  } else if (!hasOffline) {
    results.push(
      fail(
        'scope',
        'scope.offline_access_missing',
        `scope is ${quote(p.value, MAX_QUOTE)}, without "offline_access".`,
        'Add offline_access to the scope (scope=offline_access+api:read): it is the scope that asks for a refresh token.',
      ),
    );
  }

  const offlineLike = (t: string) => t === 'offline_access' || meansOfflineAccess(t) || (offlinePair >= 0 && ['offline', 'access'].includes(t.toLowerCase()));
  const others = real.filter((t) => !offlineLike(t));
  if (others.length === 0 && placeholders.length === 0 && (hasOffline || misspelled)) {
    results.push(
      warn(
        'scope',
        'scope.only_offline_access',
        'scope asks only for offline_access: a refresh token, but access to nothing.',
        'Add a scope for what the access token is for, e.g. scope=offline_access+api:read (or openid).',
      ),
    );
  }

  const supported = expected.scopesSupported;
  if (supported?.length) {
    const unknown = [...new Set(others)].filter((token) => !supported.includes(token));
    for (const token of unknown.slice(0, MAX_LISTED_SCOPES)) {
      const guess = suggest(token, supported);
      results.push(
        warn(
          'scope',
          'scope.unknown',
          `Your server does not list ${quote(token, 40)} among its scopes.`,
          guess ? `Did you mean "${guess}"? Scope names are case-sensitive.` : `Use one your server supports: ${supported.slice(0, 8).join(', ')}${supported.length > 8 ? ', …' : ''}.`,
        ),
      );
    }
    if (unknown.length > MAX_LISTED_SCOPES) {
      results.push(
        warn(
          'scope',
          'scope.unknown',
          `…and ${unknown.length - MAX_LISTED_SCOPES} more scopes your server does not list.`,
          `Ask only for scopes your server supports: ${supported.slice(0, 8).join(', ')}${supported.length > 8 ? ', …' : ''}.`,
        ),
      );
    }
  }
  return results;
}

const GUESSABLE_STATES = new Set([
  'state', 'abc', 'xyz', 'abc123', 'test', 'foo', 'bar', 'foobar', 'hello', 'random', 'randomstring', 'random_string',
  'mystate', 'my_state', 'somestate', 'teststate', 'state123', 'qwerty', 'password', 'csrf', 'null', 'undefined', 'none',
]);

/** @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12 state must be non-guessable */
function checkState(p: Param): CheckResult[] {
  const value = p.value;
  const lower = value.toLowerCase();
  let why: string | null = null;
  if (GUESSABLE_STATES.has(lower) || /^\d{1,12}$/.test(value)) why = 'an easily guessed value';
  else if (/^(.{1,4})\1+$/.test(value)) why = 'a short pattern repeated';
  else if (value.length < 16) why = `only ${value.length} characters long`;
  else if (new Set(value).size < 6) why = `made of only ${new Set(value).size} different characters`;
  if (!why) return [];
  return [
    warn(
      'state',
      'state.weak',
      `state is ${quote(value, 40)}: ${why}.`,
      'Use a fresh random value of at least 16 characters (the "state" helper makes one): an attacker who can guess it can slip their own code into your redirect.',
    ),
  ];
}

/** BASE64URL(SHA256(x)) of values a buggy helper hashes: "", "undefined", "null". */
const CHALLENGES_OF_EMPTY_VERIFIERS: Readonly<Record<string, string>> = {
  '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU': 'an empty string',
  '6wRdeNJzEHNIsDAMAdKbdVLWIqu8b6-Bs-xVNZqplQw': 'the text "undefined"',
  'dCNOmK_nSY-12vHzasLXiswzlGT5UHA7jAGYkvmCuQs': 'the text "null"',
};

function decodesToHex(value: string): boolean {
  try {
    return /^[0-9a-f]{64}$/i.test(atob(value.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return false;
  }
}

/**
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2 S256 challenge: 32 bytes, base64url without padding = 43 characters
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1 the verifier: 43–128 unreserved characters
 */
function checkCodeChallenge(p: Param, _expected: AuthorizeUrlExpectations, byName: Map<string, Param[]>): CheckResult[] {
  const raw = p.rawValue ?? '';
  const value = p.value;
  const shown = quote(raw, MAX_QUOTE);
  const notBase64url = (why: string, hint: string) => [fail('code_challenge', 'code_challenge.not_base64url', `code_challenge ${shown} ${why}`, hint)];
  if (/^[0-9a-f]{64}$/i.test(value)) {
    return notBase64url(
      'is 64 hexadecimal characters: a SHA-256 hash written in hex.',
      'Encode the 32 raw bytes of the hash with base64url instead of hex (the "Calculate Hash" helper does it): the result is 43 characters.',
    );
  }
  if (/[+/=]|%2B|%2F|%3D/i.test(raw)) {
    return notBase64url(
      `uses standard base64 ("+", "/" or "=" padding)${raw.includes('+') ? '; a "+" even turns into a space in a URL' : ''}.`,
      'Use base64url: replace "+" with "-", "/" with "_", and drop the trailing "=". The result is 43 characters.',
    );
  }
  const verifier = byName.get('code_verifier')?.[0]?.value;
  if (verifier && verifier === value) {
    return [
      fail(
        'code_challenge',
        'code_challenge.is_verifier',
        'code_challenge is the code verifier itself.',
        'Send BASE64URL(SHA256(verifier)) as code_challenge (press "Calculate Hash") and keep the verifier for step 4.',
      ),
    ];
  }
  if (/^[A-Za-z0-9_-]{43}$/.test(value)) {
    const hashed = CHALLENGES_OF_EMPTY_VERIFIERS[value];
    if (!hashed) return [];
    return [
      fail(
        'code_challenge',
        'code_challenge.empty_verifier',
        `code_challenge is the SHA-256 hash of ${hashed}, so the code verifier was empty when it was hashed.`,
        'Generate a code verifier first ("Generate Random String"), then "Calculate Hash", and copy the new Code Challenge.',
      ),
    ];
  }
  if (decodesToHex(value)) {
    return [
      fail(
        'code_challenge',
        'code_challenge.malformed',
        `code_challenge ${shown} is the base64url encoding of a hex string (${value.length} characters).`,
        'Base64url-encode the 32 raw bytes of the SHA-256 hash, not its hex text: the result is 43 characters.',
      ),
    ];
  }
  if (value.length === 86 && value.slice(0, 43) === value.slice(43)) {
    return [
      fail(
        'code_challenge',
        'code_challenge.malformed',
        'code_challenge holds the same 43-character challenge twice in a row.',
        'Paste the Code Challenge once: an S256 challenge is exactly 43 characters.',
      ),
    ];
  }
  if (/^[A-Za-z0-9._~-]{43,128}$/.test(value)) {
    return [
      fail(
        'code_challenge',
        'code_challenge.is_verifier',
        `code_challenge ${shown} is ${value.length} characters and looks like a code verifier; an S256 challenge is always 43 base64url characters.`,
        'Hash the verifier: code_challenge = BASE64URL(SHA256(code_verifier)) ("Calculate Hash"). Keep the verifier for step 4.',
      ),
    ];
  }
  const bad = [...new Set(value.replace(/[A-Za-z0-9_-]/g, ''))].join('');
  return [
    fail(
      'code_challenge',
      'code_challenge.malformed',
      `code_challenge ${shown} is ${value.length} characters${bad ? ` and contains ${quote(bad, 20)}, which base64url never uses` : ''}; an S256 challenge is always 43.`,
      'Copy the whole Code Challenge from the PKCE helper (letters, digits, "-" and "_", 43 characters).',
    ),
  ];
}

/** @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3 */
function checkCodeChallengeMethod(p: Param): CheckResult[] {
  const value = p.value;
  if (value === 'S256') return [];
  if (value === 'plain') {
    return [
      fail(
        'code_challenge_method',
        'code_challenge_method.plain',
        'code_challenge_method is "plain": the challenge would be the verifier itself, readable by anyone who sees the URL.',
        'Use code_challenge_method=S256 with a hashed challenge; the practice server refuses "plain".',
      ),
    ];
  }
  const caseOnly = value.toLowerCase() === 's256';
  return [
    fail(
      'code_challenge_method',
      'code_challenge_method.invalid',
      `code_challenge_method is ${quote(value, 30)}${caseOnly ? ': method names are case-sensitive' : ', which is not a PKCE method'}.`,
      'Write exactly "S256" (capital S).',
    ),
  ];
}
