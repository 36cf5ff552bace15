/**
 * Step 2 of the Refresh Tokens exercise: the learner builds an authorization request URL
 * (authorization code flow with PKCE, asking for `offline_access`) and pastes it here.
 * Pure: no network, no clock, no Next.js — the expected values are passed in.
 *
 * One rule per file, run in order by this pipeline: `normalize` reads the paste, `location`
 * checks where the URL points, `params` the parameters as a whole, then each required
 * parameter's own rule (`VALUE_RULES` below: `client`, `scope`, `state`, `pkce`).
 * The codes they return are listed in docs/diagnosis-codes.md.
 */
import { checkClientId, checkRedirectUri, checkResponseType } from './client';
import { checkLocation, findQuery, toLoginUrl } from './location';
import { normalizeUrlText, type Param, parseParams, parseUrl, rawSpaceInScope } from './normalize';
import { rawSpaceResult } from './scope';
import {
  checkDuplicates,
  checkFilledIn,
  checkOptionalPlaceholders,
  checkUnknownParams,
  findGluedParams,
  groupByName,
  missing,
  REQUIRED_PARAMS,
  type RequiredParam,
} from './params';
import { checkCodeChallenge, checkCodeChallengeMethod } from './pkce';
import { checkScope, requiredScopesOf } from './scope';
import { joinSplitValues, separateEncodedParams } from './split-values';
import { checkState } from './state';
import { type CheckResult, fail, makeReport, pass, quote, type Report } from '../report';
import { maskUrlSecrets, urlRole } from '../paste/classify';
import { stepRef } from '../steps';

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
  /**
   * The scopes the exercise's step requires (its declaration's `requiredScopes`). Default:
   * offline_access, the Refresh Tokens exercise's, whose rules (misspellings, "only offline_access") apply when it is required.
   */
  requiredScopes?: readonly string[];
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
   * endpoint's origin (docs/api.md, "Reports"): the pasted URL with whitespace, line breaks
   * and an empty fragment removed.
   */
  loginUrl?: string;
  /** Present whenever a query string could be read. */
  request?: AuthorizeUrlRequest;
}

/** The checklist areas, in the order the UI shows them. Stable identifiers. */
export const AUTHORIZE_URL_CHECKS = ['url', ...REQUIRED_PARAMS, 'params'] as const;
export type AuthorizeUrlCheck = (typeof AUTHORIZE_URL_CHECKS)[number];

/** A required parameter's own rule, run once the parameter is there and filled in. */
type ValueRule = (p: Param, expected: AuthorizeUrlExpectations, byName: Map<string, Param[]>) => CheckResult[];

/** Which rule judges which required parameter; they run in `REQUIRED_PARAMS` order. */
const VALUE_RULES: Record<RequiredParam, ValueRule> = {
  response_type: checkResponseType,
  client_id: checkClientId,
  redirect_uri: checkRedirectUri,
  scope: checkScope,
  state: checkState,
  code_challenge: checkCodeChallenge,
  code_challenge_method: checkCodeChallengeMethod,
};

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
  const normalized = normalizeUrlText(input);
  if (!normalized) {
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
  // "&amp;" between parameters (a URL copied out of HTML) breaks every parameter after the
  // first: say so once, then check the URL as meant, so the one fix is not buried.
  const escaped = normalized.toLowerCase().includes('&amp;');
  const text = escaped ? unescapeAmpersands(normalized) : normalized;
  if (escaped) {
    results.push(
      fail(
        'url',
        'url.html_escaped',
        'The parameters are separated by "&amp;" instead of "&": the URL was copied from HTML (an email, a web page, a doc).',
        'Replace every "&amp;" with "&". The other checks below read the URL as if you had.',
      ),
    );
  }
  const endpoint = new URL(expected.authorizationEndpoint);
  const url = parseUrl(text);
  // Another artefact of the exercise (issue 19, class 2): the address the browser came back
  // to is not an authorization URL with nine things wrong, it is the next step's input.
  if (url && urlRole(text) === 'redirect' && !url.searchParams.has('response_type')) {
    return makeReport('authorize-url', [
      fail(
        'url',
        'paste.other_artefact',
        `This is the address your browser was sent back to after logging in (${quote(maskUrlSecrets(text), 100)}), with ${
          url.searchParams.has('code') ? 'an authorization code' : 'an error'
        } in it — not the authorization URL you build here.`,
        url.searchParams.has('code')
          ? `Paste it in ${stepRef('redirect')} instead. Here, paste the URL you built: your authorization endpoint ${quote(endpoint.href)} followed by ?response_type=code&client_id=….`
          : `The server refused the login: read the error in it, then paste the URL you built here to check it: your authorization endpoint ${quote(endpoint.href)} followed by ?response_type=code&….`,
      ),
    ]);
  }
  results.push(...checkLocation(text, url, endpoint, expected));

  const query = findQuery(text, url);
  results.push(...query.results);
  if (query.source === null) return makeReport('authorize-url', finishChecklist(results, ['url'], expected));

  const split = joinSplitValues(parseParams(query.source));
  const glued = separateEncodedParams(split.params);
  const params = glued.params;
  results.push(...split.results, ...glued.results, ...checkParams(params, expected));
  const spaced = rawSpaceInScope(input);
  if (spaced) results.push(rawSpaceResult(spaced));

  const report = makeReport('authorize-url', finishChecklist(results, AUTHORIZE_URL_CHECKS, expected), {
    request: describeRequest(params),
  });
  const loginUrl = report.status === 'pass' && url ? toLoginUrl(url, endpoint) : undefined;
  return loginUrl ? { ...report, loginUrl } : report;
}

/**
 * The parameter rules, in order: unknown and repeated names, then each required parameter
 * (missing, empty or a placeholder, else its own rule), then placeholders left in optional ones.
 */
function checkParams(params: Param[], expected: AuthorizeUrlExpectations): CheckResult[] {
  const byName = groupByName(params);
  const unknown = checkUnknownParams(byName);
  const results = [...unknown.results, ...checkDuplicates(byName)];
  const glued = findGluedParams(params);

  for (const name of REQUIRED_PARAMS) {
    const p = byName.get(name)?.[0];
    if (!p) {
      results.push(missing(name, unknown.standsFor.get(name), glued.get(name)));
      continue;
    }
    const unfilled = checkFilledIn(name, p);
    results.push(...(unfilled ? [unfilled] : VALUE_RULES[name](p, expected, byName)));
  }

  results.push(...checkOptionalPlaceholders(byName));
  return results;
}

/** `&amp;` (any case) turned back into `&`, in one pass. */
function unescapeAmpersands(text: string): string {
  return text.replace(/&amp;/gi, '&');
}

/** The request as the server will read it: the first value of each required parameter, decoded. */
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

/** Adds a pass for each area without a fail, warning or pass of its own, so the UI can show a full checklist. */
function finishChecklist(results: CheckResult[], areas: readonly AuthorizeUrlCheck[], expected: AuthorizeUrlExpectations): CheckResult[] {
  const passes: Record<AuthorizeUrlCheck, string> = {
    url: 'The URL points at your authorization endpoint.',
    response_type: 'response_type is "code".',
    client_id: "client_id is your app's client ID.",
    redirect_uri: 'redirect_uri is a redirect URI registered on your app.',
    scope: `scope includes ${requiredScopesOf(expected).join(' and ')}.`,
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
