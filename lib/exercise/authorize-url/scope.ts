/**
 * The rule for `scope`: offline_access asked for (and spelled right), scopes separated by
 * spaces, something to access besides offline_access, and scopes the server lists.
 */
import type { AuthorizeUrlExpectations } from './index';
import { MAX_QUOTE, type Param } from './normalize';
import { findPlaceholder, placeholderResult } from './params';
import { type CheckResult, fail, quote, warn } from '../report';
import { editDistance, suggest } from '../suggest';

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

/**
 * `scope` must ask for offline_access (the refresh token) and for something to access with it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3 scopes are space-delimited and case-sensitive
 * @see https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess offline_access
 */
export function checkScope(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
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
    results.push(
      placeholderResult(
        'scope',
        placeholders[0]!,
        `a scope your server supports${examples.length ? `, e.g. ${examples.join(' or ')}` : ''}, and keep offline_access`,
      ),
    );
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

  const offlineLike = (t: string) =>
    t === 'offline_access' || meansOfflineAccess(t) || (offlinePair >= 0 && ['offline', 'access'].includes(t.toLowerCase()));
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
          guess
            ? `Did you mean "${guess}"? Scope names are case-sensitive.`
            : `Use one your server supports: ${supported.slice(0, 8).join(', ')}${supported.length > 8 ? ', …' : ''}.`,
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
