/**
 * The rule for `scope`: offline_access asked for (and spelled right), scopes separated by
 * spaces, something to access besides offline_access, and scopes the server lists.
 */
import type { AuthorizeUrlExpectations } from './index';
import { decodeAgain, MAX_QUOTE, type Param } from './normalize';
import { bracketsKeptResult, findPlaceholder, placeholderResult, valueInKeptBrackets } from './params';
import { type CheckResult, fail, quote, warn } from '../report';
import { adviseScope } from '../scope-advice';
import { editDistance, suggest } from '../suggest';
import { nameCharacter } from '../explain-difference';

/** How many unknown scopes are explained one by one before the rest are counted. */
const MAX_LISTED_SCOPES = 10;

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

/** The scopes a check requires: the step declaration's, or offline_access (the Refresh Tokens exercise's). */
export function requiredScopesOf(expected: Pick<AuthorizeUrlExpectations, 'requiredScopes'>): readonly string[] {
  return expected.requiredScopes ?? ['offline_access'];
}

/**
 * `scope` must ask for the step's required scopes — by default offline_access (the refresh
 * token) — and, when offline_access is required, for something to access with it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3 scopes are space-delimited and case-sensitive
 * @see https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess offline_access
 */
export function checkScope(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
  const results: CheckResult[] = [];
  const raw = p.rawValue ?? '';
  let intended = p.value;
  // Encoded twice: the server reads "%20" and "%3A" literally, one long scope (issue 19).
  const once = /%25[0-9a-f]{2}/i.test(raw) ? decodeAgain(p.value) : p.value;
  const decodedAgain = once !== p.value ? once : null;
  // A placeholder encoded twice is reported as the placeholder (the root cause) below.
  if (decodedAgain !== null && !decodedAgain.split(/[\s+]/).some((token) => findPlaceholder(token) !== null)) {
    results.push(
      fail(
        'scope',
        'scope.double_encoded',
        `scope is percent-encoded twice: ${quote(raw, MAX_QUOTE)} — "%25" is an encoded "%", so the server reads ${quote(p.value, MAX_QUOTE)} as one scope name.`,
        `Encode the scope once: scope=${decodedAgain.split(' ').filter(Boolean).join('+')} (spaces as "+" or "%20").`,
      ),
    );
  }
  if (decodedAgain !== null) intended = decodedAgain;
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
  const kept = intended.split(/\s+/).filter(Boolean);
  for (const token of kept) {
    const inner = valueInKeptBrackets(token);
    if (inner) results.push(bracketsKeptResult('scope', token, inner));
  }
  const tokens = kept.map((t) => valueInKeptBrackets(t) ?? t);
  const placeholders = tokens.filter((t) => findPlaceholder(t) !== null);
  const advice = adviseScope(expected.scopesSupported);
  if (placeholders.length) {
    results.push(placeholderResult('scope', placeholders[0]!, `${advice.text}, and keep offline_access`));
  }
  const real = tokens.filter((t) => findPlaceholder(t) === null);

  const required = requiredScopesOf(expected);
  for (const scope of required.filter((name) => name !== 'offline_access' && !real.includes(name))) {
    results.push(
      fail(
        'scope',
        'scope.required_missing',
        `scope is ${quote(p.value, MAX_QUOTE)}, without "${scope}".`,
        `Add ${scope} to the scope, separated from the others by "+" (scope=${[...real, scope].join('+')}): this exercise's API needs it.`,
      ),
    );
  }
  if (!required.includes('offline_access')) {
    results.push(...checkUnknownScopes(real, expected.scopesSupported));
    return results;
  }

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
        `Add offline_access to the scope (scope=offline_access+${advice.example ?? 'your_scope'}): it is the scope that asks for a refresh token.`,
      ),
    );
  }

  const offlineLike = (t: string) =>
    t === 'offline_access' || meansOfflineAccess(t) || (offlinePair >= 0 && ['offline', 'access'].includes(t.toLowerCase()));
  const others = real.filter((t) => !offlineLike(t));
  if (others.length === 0 && placeholders.length === 0 && (hasOffline || misspelled)) {
    results.push(
      warn(
        'scope',
        'scope.only_offline_access',
        'scope asks only for offline_access: a refresh token, but access to nothing.',
        `Add a scope for what the access token is for: ${advice.text}.`,
      ),
    );
  }

  results.push(...checkUnknownScopes(others, expected.scopesSupported));
  return results;
}

/** Standard scopes a server may not publish: typos of these are worth a warning anyway. */
const WELL_KNOWN_SCOPES = ['openid', 'profile', 'email', 'address', 'phone'];

/**
 * Scopes the server does not define. When it publishes its scopes, asking for another one
 * fails: the server refuses the whole request with invalid_scope. When it publishes none,
 * only a near-miss of a standard scope is worth a warning (the rest may well exist).
 */
function checkUnknownScopes(others: string[], supported: readonly string[] | undefined): CheckResult[] {
  const results: CheckResult[] = [];
  const published = supported !== undefined && supported.length > 0;
  const known = published ? supported : WELL_KNOWN_SCOPES;
  const unknown = [...new Set(others)].filter((token) => !known.includes(token) && (published || suggest(token, known) !== null));
  const list = `${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`;
  const result = published ? fail : warn;
  for (const token of unknown.slice(0, MAX_LISTED_SCOPES)) {
    const guess = suggest(token, known);
    results.push(
      result(
        'scope',
        'scope.unknown',
        published
          ? `Your server does not define ${quote(token, 40)}: it would refuse the request with invalid_scope.`
          : `${quote(token, 40)} looks like a misspelled standard scope.`,
        guess ? `Did you mean "${guess}"? Scope names are case-sensitive.` : `Use the scopes your server defines: ${list}.`,
      ),
    );
  }
  if (unknown.length > MAX_LISTED_SCOPES) {
    results.push(
      result(
        'scope',
        'scope.unknown',
        `…and ${unknown.length - MAX_LISTED_SCOPES} more scopes your server does not define.`,
        `Ask only for scopes your server defines: ${list}.`,
      ),
    );
  }
  return results;
}

/**
 * A raw space between scopes (found by normalize.ts `rawSpaceInScope`): read here as `%20`,
 * but a URL cannot hold one — and a no-break space a browser sends as `%C2%A0`, part of a
 * scope's name.
 */
export function rawSpaceResult({ value, char }: { value: string; char: string }): CheckResult {
  const joined = value
    .split(/[ \t\u00A0\u2007\u202F]+/)
    .filter(Boolean)
    .join('+');
  const plain = char === ' ' || char === '\t';
  return warn(
    'scope',
    'scope.raw_space',
    plain
      ? `scope ${quote(value, MAX_QUOTE)} has a plain space between its scopes, and a URL cannot hold a raw space: this page read it as %20, but the same URL pasted into a terminal command or a chat message ends at that space.`
      : `scope ${quote(value, MAX_QUOTE)} has ${nameCharacter(char)} between its scopes, not a plain space: a browser sends it as %C2%A0, which the server reads as part of a scope's name (invalid_scope). This page read it as a space.`,
    `Write the space as + (or %20): scope=${joined}.`,
  );
}
