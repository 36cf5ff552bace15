/**
 * The lab's own validation of an ID token, the checks a client must make (OpenID Connect Core
 * §3.1.3.7, which lists iss, aud, azp, the signature, exp, iat and nonce): here the signature
 * against the server's published keys comes first — a token that fails it is rejected whatever
 * its claims say — then `iss`, `aud`, `exp`, `iat`, `nonce` and `azp`. Every check runs and has its own verdict,
 * even on a token whose signature fails, so the learner's verdict on each can be compared
 * (judge.ts); a client rejects such a token whatever its claims say.
 *
 * Pure: the clock and the key resolver come in through the context. Never throws, and reads
 * 64 KiB of hostile text in linear time. Outcomes quote claims, never the token.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
import type { JWTVerifyGetKey } from 'jose';

import { decodeAccessToken, verifySignature, ASYMMETRIC_ALGORITHMS } from '../token/access-token';
import { describeRelative, formatUtc, isNumericDate } from '../claims';
import { quote } from '../report';
import { trimTrailingSlashes } from '../../issuer/text';

/** The checks, in the order a client runs them. */
export const ID_TOKEN_CHECKS = ['signature', 'iss', 'aud', 'exp', 'iat', 'nonce', 'azp'] as const;
export type CheckName = (typeof ID_TOKEN_CHECKS)[number];
export type Verdict = 'valid' | 'invalid' | 'not_applicable';

/** Why a check has its verdict, for judge.ts to pick a code and a hint. */
export type Fault =
  | 'not_a_jwt'
  | 'alg_none'
  | 'symmetric_alg'
  | 'alg_not_allowed'
  | 'unknown_key'
  | 'signature_invalid'
  | 'keys_unavailable'
  | 'missing'
  | 'not_a_time'
  | 'mismatch'
  | 'aud_is_issuer'
  | 'expired'
  | 'in_future'
  | 'unexpected'
  | 'several_audiences';

export interface CheckOutcome {
  check: CheckName;
  verdict: Verdict;
  /** What the token has, as display text (a quoted claim, never the token); null when absent. */
  seen: string | null;
  /** What a valid token has; null when nothing is expected. */
  expected: string | null;
  /** Why, in one sentence for the learner. */
  reason: string;
  /** Set when the verdict is not `valid`. */
  fault?: Fault;
}

export interface IdTokenContext {
  issuer: string;
  clientId: string;
  /** The nonce the learner sent in the authorization request; null when they sent none. */
  nonce: string | null;
  now: Date;
  /**
   * Seconds either side of `now` a time claim may be off. 120 by default: OpenID Connect
   * leaves it to the client ("a small leeway"); two minutes absorbs an unsynchronised laptop
   * clock yet still rejects a token from an earlier login (Okta's ID tokens last an hour).
   * okta-auth-js allows 300; we teach the tighter habit.
   */
  clockSkewSeconds?: number;
  /** The server's keys (JWKS); null when they could not be loaded. */
  getKey: JWTVerifyGetKey | null;
  /** The server's `id_token_signing_alg_values_supported`; only its asymmetric ones count (default RS256, OIDC's default). */
  algorithms?: string[];
}

/** What the pasted text is, before any check: a JWT's header and claims, an access token, or no JWT. */
export type IdTokenShape =
  | { kind: 'jwt'; header: Record<string, unknown>; payload: Record<string, unknown> }
  | { kind: 'access_token'; header: Record<string, unknown>; payload: Record<string, unknown>; clues: string[] }
  | { kind: 'not_a_jwt'; reason: string };

export const DEFAULT_CLOCK_SKEW_SECONDS = 120;

/** A JWS compact serialization: three base64url parts (the signature may be empty only for alg none). */
const COMPACT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** Reads the pasted text's shape; never throws. */
export function inspectIdToken(text: string): IdTokenShape {
  const token = text.trim();
  if (token === '') return { kind: 'not_a_jwt', reason: 'nothing was pasted' };
  if (token.startsWith('{')) {
    return {
      kind: 'not_a_jwt',
      reason: token.includes('"id_token"')
        ? 'this is the whole token response (JSON): paste only the value of its id_token field'
        : 'this is JSON, not a JWT: an ID token is three base64url parts separated by dots',
    };
  }
  if (token.includes('…') || token.endsWith('...')) return { kind: 'not_a_jwt', reason: 'it was shortened with "…" when it was copied' };
  const parts = countDots(token) + 1;
  if (parts === 5) return { kind: 'not_a_jwt', reason: 'it has five parts: an encrypted JWT (JWE), not a signed ID token' };
  if (parts !== 3)
    return { kind: 'not_a_jwt', reason: `it has ${parts} part${parts === 1 ? '' : 's'} where a JWT has three, separated by dots` };
  if (!COMPACT.test(token)) return { kind: 'not_a_jwt', reason: 'it has characters a JWT never has (spaces, quotes, +, / or =)' };
  const decoded = decodeAccessToken(token);
  if (decoded === 'too_deep') return { kind: 'not_a_jwt', reason: 'its header or claims nest absurdly deep: no server issues that' };
  if (decoded === null) {
    return {
      kind: 'not_a_jwt',
      reason: 'its header or claims do not decode to JSON: part of it is missing (cut while copying?) or changed',
    };
  }
  const { header, payload } = decoded;
  const clues = accessTokenClues(header, payload);
  return clues.length > 0 ? { kind: 'access_token', header, payload, clues } : { kind: 'jwt', header, payload };
}

/** Validates an ID token; every check has an outcome, in {@link ID_TOKEN_CHECKS} order. Never throws. */
export async function validateIdToken(token: string, ctx: IdTokenContext): Promise<CheckOutcome[]> {
  const shape = inspectIdToken(token);
  if (shape.kind === 'not_a_jwt') {
    return ID_TOKEN_CHECKS.map((check) => ({
      check,
      verdict: 'invalid',
      seen: null,
      expected: null,
      reason: `The text is not a JWT: ${shape.reason}.`,
      fault: 'not_a_jwt',
    }));
  }
  const { header, payload } = shape;
  const skew = ctx.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  return [
    await checkSignature(token.trim(), header, ctx),
    checkIssuer(payload, ctx),
    checkAudience(payload, ctx),
    checkExpiry(payload, ctx.now, skew),
    checkIssuedAt(payload, ctx.now, skew),
    checkNonce(payload, ctx.nonce),
    checkAzp(payload, ctx.clientId),
  ];
}

/** Whether a client accepts the token: every check valid or not applicable, the signature checked and valid. */
export function accepts(outcomes: CheckOutcome[]): boolean {
  return outcomes.every((o) => o.verdict === 'valid' || (o.verdict === 'not_applicable' && o.check !== 'signature'));
}

const ok = (check: CheckName, seen: string | null, expected: string | null, reason: string): CheckOutcome => ({
  check,
  verdict: 'valid',
  seen,
  expected,
  reason,
});

const bad = (check: CheckName, fault: Fault, seen: string | null, expected: string | null, reason: string): CheckOutcome => ({
  check,
  verdict: 'invalid',
  seen,
  expected,
  reason,
  fault,
});

async function checkSignature(token: string, header: Record<string, unknown>, ctx: IdTokenContext): Promise<CheckOutcome> {
  const alg = typeof header.alg === 'string' ? header.alg : null;
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const allowed = (ctx.algorithms ?? ['RS256']).filter((a) => ASYMMETRIC_ALGORITHMS.includes(a));
  const expected = `alg ${allowed.join(' or ')}, signed by a key in the server's JWKS`;
  const seen = `alg ${alg === null ? '(none given)' : quote(alg, 20)}${kid === null ? '' : `, kid ${quote(kid, 40)}`}`;
  if (alg === null || alg.toLowerCase() === 'none') {
    return bad(
      'signature',
      'alg_none',
      seen,
      expected,
      'The token is not signed at all (alg none): anyone can write such a token, so it proves nothing.',
    );
  }
  if (/^HS\d{3}$/.test(alg)) {
    return bad(
      'signature',
      'symmetric_alg',
      seen,
      expected,
      `${alg} is a shared-secret algorithm, and this server signs its ID tokens with its private key: verified with the server's public key as the secret, a token anyone could forge from that public key is accepted (key confusion). OpenID Connect allows HS* only with a client secret, for a server set up that way.`,
    );
  }
  if (!allowed.includes(alg)) {
    return bad(
      'signature',
      'alg_not_allowed',
      seen,
      expected,
      `The server does not sign ID tokens with ${quote(alg, 20)}, so a client refuses it.`,
    );
  }
  if (ctx.getKey === null) {
    return {
      check: 'signature',
      verdict: 'not_applicable',
      seen,
      expected,
      reason: "The server's public keys (JWKS) could not be loaded, so the signature was not checked.",
      fault: 'keys_unavailable',
    };
  }
  const outcome = await verifySignature(token, ctx.getKey, ctx.now, allowed);
  switch (outcome.kind) {
    case 'valid':
      return ok('signature', seen, expected, `The signature verifies with the server's published key${kid ? ` ${quote(kid, 40)}` : ''}.`);
    case 'unknown_key':
      return bad(
        'signature',
        'unknown_key',
        seen,
        expected,
        `The key ${kid ? quote(kid, 40) : '(no kid)'} is not in the server's JWKS: another server or a forger signed it.`,
      );
    case 'keys_unavailable':
      return {
        check: 'signature',
        verdict: 'not_applicable',
        seen,
        expected,
        reason: `The server's public keys could not be loaded (${outcome.detail}), so the signature was not checked.`,
        fault: 'keys_unavailable',
      };
    case 'invalid':
      return bad(
        'signature',
        'signature_invalid',
        seen,
        expected,
        `The signature does not verify with the server's key${kid ? ` ${quote(kid, 40)}` : ''}: the token was signed with another key or changed after signing. A matching kid proves nothing; only the signature does.`,
      );
  }
}

function checkIssuer(payload: Record<string, unknown>, ctx: IdTokenContext): CheckOutcome {
  const expected = quote(ctx.issuer, 100);
  const iss = payload.iss;
  if (typeof iss !== 'string') {
    return bad('iss', 'missing', null, expected, 'The token has no iss claim: a client cannot tell which server issued it.');
  }
  const seen = quote(iss, 100);
  if (iss === ctx.issuer) return ok('iss', seen, expected, 'The issuer is exactly your authorization server.');
  const slash = trimTrailingSlashes(iss) === trimTrailingSlashes(ctx.issuer);
  return bad(
    'iss',
    'mismatch',
    seen,
    expected,
    slash
      ? 'The issuer differs only by a trailing slash, and issuers are compared exactly, character for character.'
      : 'Another authorization server issued this token: accepting it lets any server log users in to your app (mix-up).',
  );
}

function checkAudience(payload: Record<string, unknown>, ctx: IdTokenContext): CheckOutcome {
  const expected = quote(ctx.clientId, 60);
  const aud = payload.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (audiences.length === 0)
    return bad('aud', 'missing', null, expected, 'The token has no aud claim: it does not say which app it is for.');
  const seen = quote(audiences.join(', '), 100);
  if (audiences.includes(ctx.clientId)) return ok('aud', seen, expected, 'The token is meant for your app: aud holds your client id.');
  const issuer = audiences.some((a) => trimTrailingSlashes(a) === trimTrailingSlashes(ctx.issuer));
  return bad(
    'aud',
    issuer ? 'aud_is_issuer' : 'mismatch',
    seen,
    expected,
    issuer
      ? "aud holds the issuer, not your client id: an ID token's audience is the app it was issued to."
      : 'The token was issued to another app: an ID token is only for the app whose client id is in aud.',
  );
}

function timeClaim(check: 'exp' | 'iat', payload: Record<string, unknown>): { seconds: number; seen: string } | { outcome: CheckOutcome } {
  const value = payload[check];
  if (value === undefined)
    return { outcome: bad(check, 'missing', null, 'a time', `The token has no ${check} claim, which every ID token must have.`) };
  if (!isNumericDate(value)) {
    const shown = typeof value === 'string' ? quote(value, 30) : typeof value === 'number' ? String(value) : typeof value;
    return { outcome: bad(check, 'not_a_time', shown, 'a time', `${check} is ${shown}, which is no time a token can have.`) };
  }
  return { seconds: value, seen: formatUtc(value) };
}

function checkExpiry(payload: Record<string, unknown>, now: Date, skew: number): CheckOutcome {
  const read = timeClaim('exp', payload);
  if ('outcome' in read) return read.outcome;
  const expected = `later than ${formatUtc(now.getTime() / 1000 - skew)} (now, less ${skew} s of clock skew)`;
  const seen = `${read.seen} (${describeRelative(read.seconds, now)})`;
  if (read.seconds + skew <= now.getTime() / 1000) {
    return bad('exp', 'expired', seen, expected, 'The token has expired: decoding it still works, but a client must refuse it.');
  }
  return ok(
    'exp',
    seen,
    expected,
    read.seconds <= now.getTime() / 1000
      ? 'The token expired moments ago, within the clock skew a client allows.'
      : 'The token has not expired.',
  );
}

function checkIssuedAt(payload: Record<string, unknown>, now: Date, skew: number): CheckOutcome {
  const read = timeClaim('iat', payload);
  if ('outcome' in read) return read.outcome;
  const expected = `no later than ${formatUtc(now.getTime() / 1000 + skew)} (now, plus ${skew} s of clock skew)`;
  const seen = `${read.seen} (${describeRelative(read.seconds, now)})`;
  if (read.seconds - skew > now.getTime() / 1000) {
    return bad(
      'iat',
      'in_future',
      seen,
      expected,
      'The token claims to be issued in the future, beyond any clock skew: a clock is wrong or it was made by hand.',
    );
  }
  return ok('iat', seen, expected, 'The token was issued in the past (or within the allowed clock skew).');
}

function checkNonce(payload: Record<string, unknown>, sent: string | null): CheckOutcome {
  const nonce = payload.nonce;
  const seen = typeof nonce === 'string' ? quote(nonce, 60) : nonce === undefined ? null : String(typeof nonce);
  if (sent === null) {
    return {
      check: 'nonce',
      verdict: 'not_applicable',
      seen,
      expected: null,
      reason:
        'You sent no nonce in the authorization request, so there is nothing to compare (send one: it binds the token to your login).',
      fault: 'unexpected',
    };
  }
  const expected = quote(sent, 60);
  if (nonce === undefined) {
    return bad('nonce', 'missing', null, expected, 'You sent a nonce but the token has none: it was not issued for your login request.');
  }
  if (nonce === sent) return ok('nonce', seen, expected, 'The nonce is the one you sent: the token answers your own login request.');
  return bad(
    'nonce',
    'mismatch',
    seen,
    expected,
    'The nonce is not the one you sent: the token belongs to another login (a replayed or injected token).',
  );
}

function checkAzp(payload: Record<string, unknown>, clientId: string): CheckOutcome {
  const azp = payload.azp;
  const expected = quote(clientId, 60);
  const several = Array.isArray(payload.aud) && payload.aud.length > 1;
  if (azp === undefined) {
    return several
      ? bad(
          'azp',
          'several_audiences',
          null,
          expected,
          'The token has several audiences but no azp, so it does not say which app it was issued to.',
        )
      : {
          check: 'azp',
          verdict: 'not_applicable',
          seen: null,
          expected: null,
          reason: 'The token has no azp claim; it is only required when aud lists several apps.',
        };
  }
  const seen = typeof azp === 'string' ? quote(azp, 60) : typeof azp;
  if (azp === clientId) return ok('azp', seen, expected, 'azp (the authorized party) is your client id.');
  return bad('azp', 'mismatch', seen, expected, 'azp names another app: the token was issued to that app, not to yours.');
}

/** Why a JWT looks like an access token: Okta's `cid`/`scp`, a `scope` claim, or the at+jwt type; none if it has a nonce. */
function accessTokenClues(header: Record<string, unknown>, payload: Record<string, unknown>): string[] {
  const clues: string[] = [];
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
  if (typ === 'at+jwt' || typ === 'application/at+jwt') clues.push(`typ ${quote(String(header.typ), 30)}`);
  if (Object.hasOwn(payload, 'nonce')) return clues;
  for (const claim of ['cid', 'scp', 'scope']) if (Object.hasOwn(payload, claim)) clues.push(claim);
  return clues;
}

function countDots(text: string): number {
  let dots = 0;
  for (let i = text.indexOf('.'); i !== -1 && dots < 10; i = text.indexOf('.', i + 1)) dots += 1;
  return dots;
}
