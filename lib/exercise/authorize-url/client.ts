/**
 * The rules for the parameters that name the client and its flow: `response_type`,
 * `client_id` and `redirect_uri`, each compared with what the learner's app expects.
 */
import type { AuthorizeUrlExpectations } from './index';
import { decodeAgain, MAX_QUOTE, type Param, parseUrl } from './normalize';
import { type CheckResult, fail, pass, quote } from '../report';
import { explainDifference } from '../explain-difference';
import { editDistance } from '../suggest';

/**
 * `response_type` must be `code`: the authorization code flow, the only one that gives a refresh token here.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 */
export function checkResponseType(p: Param): CheckResult[] {
  const value = p.value;
  if (value === 'code') return [];
  const tokens = value.split(/\s+/).filter(Boolean);
  const seen = `response_type is ${quote(value)}`;
  let why: string;
  if (value.toLowerCase() === 'code') why = `${seen}: values are case-sensitive.`;
  else if (value === 'authorization_code')
    why = `${seen}: "authorization_code" is the grant_type of the token request, not a response type.`;
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

/** `client_id` must be the app's client ID exactly; a client secret pasted there is called one. */
export function checkClientId(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
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
  // Values that look equal (a trailing %20, an invisible character, a typo): name the difference (issue 19).
  const difference = explainDifference(p.rawValue ?? value, want) ?? explainDifference(value, want);
  const detail = difference ? ` The difference: ${difference}.` : '';
  return [
    fail('client_id', 'client_id.mismatch', `client_id is ${quote(value, 50)}, but your app's client ID is ${quote(want)}.${detail}`, hint),
  ];
}

/**
 * `redirect_uri` must be one registered on the app, character for character, and encoded once.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2 redirect URIs are compared exactly
 */
export function checkRedirectUri(p: Param, expected: AuthorizeUrlExpectations): CheckResult[] {
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
    if (a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, ''))
      notes.push(a.pathname.endsWith('/') ? 'an extra trailing "/"' : 'a missing trailing "/"');
    else if (a.pathname.toLowerCase() === b.pathname.toLowerCase()) notes.push('different upper/lower case in the path');
    else notes.push(`path ${a.pathname} instead of ${b.pathname}`);
  }
  if (a.search !== b.search) notes.push('a different query');
  if (!notes.length && actual !== wanted) notes.push(explainDifference(actual, wanted) ?? 'a different spelling');
  return notes.length ? ` Difference: ${notes.join(', ')}.` : '';
}
