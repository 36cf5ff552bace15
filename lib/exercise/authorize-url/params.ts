/**
 * The parameters as a whole, before any one value is judged: which are required, which are
 * known, which were misspelled, repeated, left empty or left as the template's placeholder.
 * The pipeline in `index.ts` runs these, then each required parameter's own rule.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1 the authorization request's parameters
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1 parameters sent once, unknown ones ignored
 */
import { decodeAgain, type Param } from './normalize';
import { type CheckResult, fail, quote, warn } from '../report';
import { foldName, MAX_NAME_LENGTH, suggest } from '../suggest';
import { stepRef } from '../steps';

/** The parameters this step requires, in the order the checklist and the messages list them. */
export const REQUIRED_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;
export type RequiredParam = (typeof REQUIRED_PARAMS)[number];

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

export const KNOWN_PARAMS: readonly string[] = [...REQUIRED_PARAMS, ...OPTIONAL_PARAMS];
const KNOWN_PARAM_SET: ReadonlySet<string> = new Set(KNOWN_PARAMS);

/** How many unknown parameters are explained one by one before the rest are counted. */
const MAX_LISTED_UNKNOWN = 20;

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

/** Folded names (see `foldName`) and aliases that mean a required parameter, for an exact lookup. */
const FOLDED_REQUIRED: ReadonlyMap<string, string> = new Map([
  ...REQUIRED_PARAMS.map((name): [string, string] => [foldName(name), name]),
  ...Object.entries(PARAM_ALIASES),
]);

/** Parameters that belong to the token request (step 4), never to the authorization URL. */
const TOKEN_REQUEST_PARAMS = new Set(['grant_type', 'code', 'refresh_token', 'client_assertion', 'client_assertion_type']);

/** The checklist area a parameter's problems are shown under. */
export function areaOf(name: string): RequiredParam | 'params' {
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

/** Words that make a bracketed value a template's placeholder rather than a real value. */
const TEMPLATE_WORD = /your|client.?id|secret|state|challenge|verifier|scope|redirect|uri|url|value|here|code|app/i;

/**
 * The real value inside template brackets the learner kept — `{0oa1b2c3}` where the template
 * said `{YOUR_CLIENT_ID}` — or null. A value that still reads like a template word is a
 * placeholder, not this.
 */
export function valueInKeptBrackets(value: string): string | null {
  const match = /^[{<\[](.+)[}>\]]$/.exec(value);
  const inner = match?.[1];
  if (!inner || !/^[A-Za-z0-9._~:/%+-]+$/.test(inner) || TEMPLATE_WORD.test(inner)) return null;
  return inner;
}

/** The result for a real value whose template brackets were kept. */
export function bracketsKeptResult(name: string, value: string, inner: string): CheckResult {
  return fail(
    areaOf(name),
    'param.brackets_kept',
    `"${name}" is ${quote(value, 60)}: your real value, with the template's brackets kept around it.`,
    `Remove the brackets: ${name}=${inner}. The brackets only marked what to replace.`,
  );
}

/** The parameters by name, in the order each name first appears. */
export function groupByName(params: Param[]): Map<string, Param[]> {
  const byName = new Map<string, Param[]>();
  for (const p of params) {
    const list = byName.get(p.name);
    if (list) list.push(p);
    else byName.set(p.name, [p]);
  }
  return byName;
}

/**
 * Unknown and misplaced parameters, remembering in `standsFor` which required one each may
 * stand for (so its "missing" result can say "you wrote redirect_url").
 */
export function checkUnknownParams(byName: Map<string, Param[]>): { results: CheckResult[]; standsFor: Map<string, string> } {
  const results: CheckResult[] = [];
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
  return { results, standsFor };
}

/** A known parameter sent more than once. */
export function checkDuplicates(byName: Map<string, Param[]>): CheckResult[] {
  const results: CheckResult[] = [];
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
  return results;
}

/**
 * "…?response_type=code?scope=…": a second "?" glues the next parameter into a value. Maps
 * each parameter name found glued in to the parameter whose value holds it.
 */
export function findGluedParams(params: Param[]): Map<string, string> {
  const glued = new Map<string, string>();
  for (const p of params) {
    if (!p.rawValue?.includes('?')) continue;
    for (const [, inner] of p.rawValue.matchAll(/\?([A-Za-z_]+)=/g)) {
      if (inner && !glued.has(inner)) glued.set(inner, p.name);
    }
  }
  return glued;
}

/**
 * A required parameter that is there but not filled in: empty, or still the template's
 * placeholder (except scope, whose rule reports a placeholder among real scopes). Null when
 * the value is worth judging.
 */
export function checkFilledIn(name: RequiredParam, p: Param): CheckResult | null {
  if (p.value === '') {
    return fail(
      name,
      'param.empty',
      `"${name}" is there but has no value ("${name}=").`,
      `Fill in ${name} after the "=" (${WHAT_GOES_IN[name]}).`,
    );
  }
  const inner = valueInKeptBrackets(p.value);
  if (inner && name !== 'scope') return bracketsKeptResult(name, p.value, inner);
  const placeholder = findPlaceholder(p.value);
  if (placeholder && name !== 'scope') return placeholderResult(name, placeholder);
  return null;
}

/** A placeholder left in an optional parameter. */
export function checkOptionalPlaceholders(byName: Map<string, Param[]>): CheckResult[] {
  const results: CheckResult[] = [];
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

/** The result for a required parameter that is not in the URL, naming a misspelling or a second "?" that hid it. */
export function missing(name: RequiredParam, typed: string | undefined, gluedInto: string | undefined): CheckResult {
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
  const glue = gluedInto
    ? ` It is stuck inside the value of "${gluedInto}" after a "?": only the first parameter follows "?", the others follow "&".`
    : '';
  return fail(
    name,
    codeByName[name],
    `The URL has no "${name}" parameter. ${why[name]}`,
    `Add &${name}=… (${WHAT_GOES_IN[name]}).${rename}${glue}`,
  );
}

/** The result for a template placeholder left in a parameter; `replacement` says what goes there instead. */
export function placeholderResult(name: string, placeholder: string, replacement?: string): CheckResult {
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
        `Remove it now, and consider rotating the secret: a URL ends up in browser history, logs and Referer headers. The secret is only sent to the token endpoint (${stepRef('token')}), never through the browser.`,
      ),
    ];
  }
  if (folded === 'code_verifier') {
    return [
      fail(
        'code_challenge',
        'code_verifier.in_url',
        `The URL contains the code verifier (parameter ${shown}).`,
        `Remove it: PKCE only works if the verifier stays secret until the token request (${stepRef('token')}). Send its hash as code_challenge instead.`,
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
          ? `Remove grant_type: here response_type=code selects the flow; grant_type=authorization_code goes in the curl command of ${stepRef('token')}.`
          : `Remove ${shown}: it belongs to the token request in ${stepRef('token')}.`,
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
  const didYouMean = guess
    ? `Did you mean "${guess}"? Parameter names are exact and case-sensitive.${htmlAmp}`
    : "Remove it, or check its spelling against your server's documentation.";
  // Unknown parameters are ignored by the server (RFC 6749 §3.1), so they only fail when they
  // stand in for a required parameter that is therefore missing.
  const result = guess && required && !byName.has(guess) ? fail : warn;
  return [result('params', 'param.unknown', `${shown} is not an authorization request parameter, so the server ignores it.`, didYouMean)];
}
