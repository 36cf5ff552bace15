/**
 * The access token of a token endpoint response: decoded for display, its signature
 * verified against the server's published keys, and its claims checked — issuer, client,
 * audience and the time claims. Shared by both response steps (through inspect.ts).
 *
 * Pure: the clock and the key resolver come in through the context. Nothing here returns
 * or quotes a raw token — only decoded claims and short prefixes.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068 JWT profile for access tokens
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1 registered claims
 */
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

import type { TokenCheckContext, TokenGrant } from './context';
import { isNestedDeeperThan } from './json-syntax';
import { describeRelative, formatUtc, isNumericDate } from '../claims';
import { fail, pass, quote, warn, type CheckResult } from '../report';
import { trimTrailingSlashes } from '../../issuer/text';

/** The decoded JOSE header and claims of a JWT access token, for display (never the token). */
export interface DecodedClaims {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Real tokens nest claims a few levels at most; deeper ones would overflow JSON.stringify. */
const MAX_CLAIM_DEPTH = 32;

/** The decoded header and claims; null for an opaque token, `too_deep` for JSON nested absurdly deep. */
export function decodeAccessToken(token: string): DecodedClaims | 'too_deep' | null {
  let claims: DecodedClaims;
  try {
    claims = { header: { ...decodeProtectedHeader(token) }, payload: { ...decodeJwt(token) } };
  } catch {
    return null;
  }
  return isNestedDeeperThan(claims, MAX_CLAIM_DEPTH) ? 'too_deep' : claims;
}

/** The result for an access token that is no JWT (opaque, encrypted, or nested too deep to handle): a fail on the practice server, a warning elsewhere. */
export function describeOpaqueAccessToken(token: string, ctx: TokenCheckContext, tooDeep = false): CheckResult {
  const parts = token.split('.').length;
  const what = tooDeep
    ? `a JWT-shaped string whose header or claims nest more than ${MAX_CLAIM_DEPTH} levels deep`
    : parts === 5
      ? 'an encrypted JWT (JWE, five parts) that only the server can read'
      : `an opaque ${token.length}-character string (${quote(`${token.slice(0, 4)}…`)})`;
  if (ctx.practice) {
    // The practice server only issues RS256 JWTs: anything else did not come from it.
    return fail(
      'access_token',
      'access_token.not_jwt',
      `The access token is ${what}, not a JWT. The practice server always issues JWT access tokens.`,
      "This token did not come from the practice server. Run this step's curl command (it calls the practice server's token endpoint) and paste exactly what it prints.",
    );
  }
  return warn(
    'access_token',
    'access_token.not_jwt',
    `The access token is ${what}, not a JWT, so it cannot be decoded or verified here.`,
    parts === 5
      ? 'You can carry on. Auth0 returns an encrypted token when no audience is requested: add audience=<your API identifier> to the authorization URL to get a JWT you can inspect.'
      : 'You can carry on: only the server can check an opaque token (token introspection, RFC 7662). Servers such as Okta custom authorization servers issue JWTs you can inspect.',
  );
}

/**
 * Verifies a JWT access token's signature and checks its issuer, client, audience and time
 * claims, reporting every problem at once.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4 validating JWT access tokens
 */
export async function checkJwtAccessToken(
  token: string,
  claims: DecodedClaims,
  ctx: TokenCheckContext,
  grant: TokenGrant,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const { header, payload } = claims;
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const alg = typeof header.alg === 'string' ? header.alg : null;
  const server = ctx.practice ? 'the practice server' : 'your authorization server';

  if (ctx.getKey === null) {
    results.push(
      warn(
        'signature',
        'access_token.keys_unavailable',
        `The signature was not checked: ${server}'s public keys (JWKS) are not available right now.`,
        'You can carry on; the other checks still ran. Check again later to have the signature verified.',
      ),
    );
  } else {
    const outcome = await verifySignature(token, ctx.getKey, ctx.now);
    switch (outcome.kind) {
      case 'valid':
        results.push(pass('signature', `The signature is valid: ${server} signed this token${kid ? ` with key ${quote(kid, 40)}` : ''}.`));
        break;
      case 'keys_unavailable':
        results.push(
          warn(
            'signature',
            'access_token.keys_unavailable',
            `The signature was not checked: loading ${server}'s public keys failed (${outcome.detail}).`,
            'You can carry on; the other checks still ran. Check again in a moment to have the signature verified.',
          ),
        );
        break;
      case 'unknown_key':
        results.push(
          fail(
            'signature',
            'access_token.unknown_key',
            `The token is signed with key ${kid ? quote(kid, 40) : '(no kid)'}, which is not among ${server}'s published keys (JWKS).`,
            `The token comes from another authorization server or tenant (compare its iss below), or it was made by hand. Get the token from ${quote(ctx.issuer)}'s token endpoint with this step's curl command.`,
          ),
        );
        break;
      case 'invalid': {
        const cut = alg?.startsWith('RS') ? cutSignature(token) : null;
        results.push(
          fail(
            'signature',
            'access_token.signature_invalid',
            cut
              ? `The signature does not verify${alg ? ` (alg ${alg})` : ''}: it is ${cut.length} characters long, where a whole ${cut.bits}-bit RSA signature has ${cut.whole} — the copy lost ${cut.whole - cut.length} at the end.`
              : `The signature does not verify${alg ? ` (alg ${alg})` : ''}: ${outcome.detail}.`,
            cut
              ? 'The token was cut while copying (a log window, a terminal that wraps, a console preview). Copy the whole response again from where it is shown in full and paste it.'
              : (outcome.hint ??
                  'The token was changed after the server signed it — edited (e.g. on jwt.io) or damaged while copying — or it comes from another server. Paste the response exactly as curl printed it.'),
          ),
        );
        break;
      }
    }
  }

  const iss = typeof payload.iss === 'string' ? payload.iss : null;
  if (iss === ctx.issuer) {
    results.push(pass('issuer', `The token comes from the expected issuer ${quote(iss)}.`));
  } else {
    results.push(
      fail(
        'issuer',
        'access_token.issuer_mismatch',
        iss === null
          ? `The token has no iss claim; expected ${quote(ctx.issuer)}.`
          : `The token's issuer is ${quote(iss)}, but ${ctx.practice ? 'the practice server' : 'your server'} is ${quote(ctx.issuer)}.`,
        issuerHint(iss, ctx),
      ),
    );
  }

  const client = tokenClientId(payload);
  if (client === null) {
    results.push(pass('client', 'The token does not name its client (no cid, client_id or azp claim), so there is nothing to compare.'));
  } else if (client.value === ctx.clientId) {
    results.push(pass('client', `The token was issued to your app (${client.claim} ${quote(client.value, 60)}).`));
  } else {
    results.push(
      fail(
        'client',
        'access_token.client_mismatch',
        `The token was issued to client ${quote(client.value, 60)} (claim ${client.claim}), not to your app ${quote(ctx.clientId, 60)}.`,
        grant === 'client_credentials'
          ? `Send your service app's client ID ${quote(ctx.clientId, 60)} and its secret as the command's credentials (-u), and run it again.`
          : `Use your app's client ID ${quote(ctx.clientId, 60)} in both the authorization URL and the curl command${ctx.practice ? '' : ", or correct the client ID in setup if you're using another app"}.`,
      ),
    );
  }

  if (ctx.audience !== undefined) {
    const aud = payload.aud;
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
    if (audiences.includes(ctx.audience)) {
      results.push(pass('audience', `The token is meant for the API ${quote(ctx.audience)}.`));
    } else {
      results.push(
        warn(
          'audience',
          'access_token.audience_mismatch',
          audiences.length === 0
            ? `The token has no aud claim; expected ${quote(ctx.audience)}.`
            : `The token's audience is ${quote(audiences.join(', '))}, not ${quote(ctx.audience)}.`,
          `An API checks the audience; this one expects ${quote(ctx.audience)}. Get the token from ${quote(ctx.issuer)} (the authorization server for that API).`,
        ),
      );
    }
  }

  results.push(...checkTimeClaims(payload, ctx.now, grant));
  return results;
}

/** Seconds a token's nbf or iat may be ahead of this site's clock: servers' clocks drift a little. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** The time claims, each with the check that reports it when it is no time at all. */
const TIME_CLAIMS = [
  ['exp', 'expiry'],
  ['nbf', 'not_before'],
  ['iat', 'issued_at'],
] as const;

/**
 * The token's time claims: each one present must be a NumericDate; then expiry (`exp`) and
 * "not yet valid" (`nbf`, or `iat` ahead of the clock). Jose rejects these claims only after
 * the signature verified, so they are reported here, every one, never as a signature problem.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1.6
 */
function checkTimeClaims(payload: Record<string, unknown>, now: Date, grant: TokenGrant): CheckResult[] {
  const results: CheckResult[] = [];
  for (const [claim, check] of TIME_CLAIMS) {
    if (!Object.hasOwn(payload, claim) || isNumericDate(payload[claim])) continue;
    results.push(
      fail(
        check,
        'access_token.time_claim_invalid',
        `The ${claim} claim is ${describeClaimValue(payload[claim])}, which is not a time a token can have.`,
        `Token times are numbers of seconds since 1970 (e.g. ${Math.floor(now.getTime() / 1000)} for now); no authorization server issues this one. The token was edited (e.g. on jwt.io) or made by hand: paste the response exactly as the token endpoint returned it.`,
      ),
    );
  }

  const exp = isNumericDate(payload.exp) ? payload.exp : null;
  if (exp !== null) {
    if (exp * 1000 <= now.getTime()) {
      results.push(
        fail(
          'expiry',
          'access_token.expired',
          `The access token expired at ${formatUtc(exp)} (${describeRelative(exp, now)}).`,
          grant === 'authorization_code'
            ? 'Access tokens are short-lived: paste the response right after you get it. The code is single-use, so get a fresh response by building the authorization URL again and logging in.'
            : grant === 'client_credentials'
              ? 'Run the curl command again and paste the new response right away: client credentials need no login, so a fresh token is one command away.'
              : "Run this step's refresh curl command again and paste the new response right away.",
        ),
      );
    } else {
      results.push(pass('expiry', `The access token is valid until ${formatUtc(exp)} (${describeRelative(exp, now)}).`));
    }
  }

  const latest = now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS;
  const nbf = isNumericDate(payload.nbf) && payload.nbf > latest ? payload.nbf : null;
  const iat = isNumericDate(payload.iat) && payload.iat > latest ? payload.iat : null;
  if (nbf !== null || iat !== null) {
    results.push(
      fail(
        'not_before',
        'access_token.not_yet_valid',
        nbf !== null
          ? `The access token is not valid before ${formatUtc(nbf)} (${describeRelative(nbf, now)}, by its nbf claim): an API rejects it until then.`
          : `The access token was issued at ${formatUtc(iat!)} (${describeRelative(iat!, now)}, by its iat claim), later than this site's clock says it is now.`,
        "A token from the future means two clocks disagree: the authorization server's clock is ahead (check its time sync, NTP), or the token was made on another machine with a wrong clock, or it was edited. Get a fresh token from your server with this step's curl command and paste it right away.",
      ),
    );
  }
  return results;
}

/** A claim value for a message: numbers as JSON would show them, strings quoted, the rest by kind. */
function describeClaimValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value, 30);
  if (value === null || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

export type SignatureOutcome =
  | { kind: 'valid' }
  | { kind: 'invalid'; detail: string; hint?: string }
  | { kind: 'unknown_key' }
  | { kind: 'keys_unavailable'; detail: string };

/** Signatures an authorization server makes with a published public key; never HS* or none. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Marks a failure of the key resolver itself (network, timeout, bad JWKS) as opposed to the token. */
class KeysUnavailableError extends Error {}

export async function verifySignature(
  token: string,
  getKey: JWTVerifyGetKey,
  now: Date,
  algorithms: string[] = ASYMMETRIC_ALGORITHMS,
): Promise<SignatureOutcome> {
  // The claims are checked separately (all problems at once); jose verifies the signature
  // before the claims, so a claim error below means the signature itself was good.
  const options = { currentDate: now, algorithms };
  const resolveKey: JWTVerifyGetKey = async (header, input) => {
    try {
      return await getKey(header, input);
    } catch (error) {
      const aboutTheToken =
        error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout) && !(error instanceof errors.JWKSInvalid);
      if (aboutTheToken) throw error;
      throw new KeysUnavailableError(describeError(error), { cause: error });
    }
  };

  try {
    await jwtVerify(token, resolveKey, options);
    return { kind: 'valid' };
  } catch (error) {
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      // Several keys fit (e.g. no kid): the signature is valid if any of them verifies it.
      for await (const key of error) {
        const outcome = classifyVerifyError(
          await jwtVerify(token, key, options).then(
            () => null,
            (e: unknown) => e,
          ),
        );
        if (outcome.kind === 'valid') return outcome;
      }
      return { kind: 'invalid', detail: "none of the server's matching keys verifies it" };
    }
    return classifyVerifyError(error);
  }
}

function classifyVerifyError(error: unknown): SignatureOutcome {
  if (error === null || error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) return { kind: 'valid' };
  if (error instanceof KeysUnavailableError) return { kind: 'keys_unavailable', detail: error.message };
  if (error instanceof errors.JWKSNoMatchingKey) return { kind: 'unknown_key' };
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return { kind: 'invalid', detail: "it does not match the token's content and the server's public key" };
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return {
      kind: 'invalid',
      detail: 'the algorithm is not one an authorization server signs access tokens with',
      hint: 'Authorization servers sign access tokens with a private key (e.g. RS256) so anyone can verify them with the published public key. A token signed with a shared secret (HS256) or not signed at all (none) was made by hand — use the token the server returned.',
    };
  }
  return { kind: 'invalid', detail: `it could not be checked (${describeError(error)})` };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.name}: ${error.message}${cause}`.slice(0, 160);
  }
  return 'unknown error';
}

function issuerHint(iss: string | null, ctx: TokenCheckContext): string {
  const expected = ctx.issuer;
  if (iss !== null && trimTrailingSlashes(iss) === trimTrailingSlashes(expected)) {
    return 'Issuers must match exactly, including a trailing slash. Check the issuer you entered in setup against the iss shown in the decoded token.';
  }
  if (iss !== null && expected.startsWith(`${trimTrailingSlashes(iss)}/oauth2/`)) {
    return `This token comes from Okta's org authorization server. Use the endpoints under ${quote(expected)}: …/v1/authorize in the authorization URL and …/v1/token in the curl command, then log in again.`;
  }
  return `The token was issued by another authorization server. Send the curl command to the token endpoint under ${quote(expected)}${ctx.practice ? '' : ', or correct the issuer in setup if this is the server you meant'}.`;
}

/** The client a token names: `cid` (Okta), `client_id` (RFC 9068) or `azp`; null when it names none. */
export function tokenClientId(payload: Record<string, unknown>): { claim: string; value: string } | null {
  for (const claim of ['cid', 'client_id', 'azp']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return { claim, value };
  }
  return null;
}

/** base64url lengths of whole RSA signatures, by key size. */
const RSA_SIGNATURE_LENGTHS: [number, number][] = [
  [2048, 342],
  [3072, 512],
  [4096, 683],
];

/** A signature a few characters short of a whole RSA one: the copy was cut (issue 19, class 2). */
function cutSignature(token: string): { length: number; whole: number; bits: number } | null {
  const length = token.length - token.lastIndexOf('.') - 1;
  for (const [bits, whole] of RSA_SIGNATURE_LENGTHS) {
    if (length < whole && whole - length <= 8) return { length, whole, bits };
  }
  return null;
}
