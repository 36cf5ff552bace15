/**
 * Checks the token endpoint response a learner pasted after exchanging the authorization
 * code (SPEC §2 step 4), and holds the analysis shared with the refresh step: the error
 * JSON explained, the access token decoded and verified, and a storable summary.
 *
 * Pure: the clock and the key resolver come in through the context. Nothing here returns
 * or quotes a raw token — only decoded claims, short prefixes and SHA-256 fingerprints.
 */
import { createHash } from 'node:crypto';

import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { describeRelative, formatDuration, formatUtc, isNumericDate } from './claims';
import { isNestedDeeperThan, parseResponse } from './parse-response';
import { fail, info, makeReport, pass, quote, warn, type CheckResult, type Report } from './report';
import { trimTrailingSlashes } from '../issuer/text';

/** What a token or refresh check is compared against. */
export interface TokenCheckContext {
  /** The expected `iss` of the access token. */
  issuer: string;
  /** The learner's app; the token's `cid`/`client_id`/`azp` must name it. */
  clientId: string;
  /** The expected `aud` (practice server: `api://default`); not checked when absent. */
  audience?: string;
  now: Date;
  /** Resolves the verification key (e.g. `createLocalJWKSet`); null when the keys could not be loaded. */
  getKey: JWTVerifyGetKey | null;
  /** True for the built-in practice server, whose access tokens are always RS256 JWTs. */
  practice: boolean;
}

/** Non-secret facts about a response, safe to store (fingerprints are SHA-256 hex of the raw strings). */
export interface TokenSummary {
  /** SHA-256 of the response's canonical JSON (`JSON.stringify` of the parsed body). */
  responseFingerprint: string;
  accessTokenFingerprint: string | null;
  refreshTokenFingerprint: string | null;
  idTokenPresent: boolean;
  tokenType: string | null;
  /** The granted scopes: the response's `scope`, else the access token's `scp`/`scope`. */
  scope: string[] | null;
  expiresIn: number | null;
  accessTokenIsJwt: boolean;
  issuer: string | null;
  subject: string | null;
  /** `cid` (Okta), `client_id` (RFC 9068) or `azp`. */
  clientId: string | null;
  jti: string | null;
  issuedAt: number | null;
  /** The token's `exp`; for an opaque token, `now + expires_in`. */
  expiresAt: number | null;
}

/** The decoded JOSE header and claims of a JWT access token, for display (never the token). */
export interface DecodedClaims {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export interface TokenResponseReport extends Report<'token-response'> {
  claims: DecodedClaims | null;
  summary: TokenSummary | null;
}

/** The grant a pasted response answers: step 4 exchanges a code, step 5 a refresh token. */
export type TokenGrant = 'authorization_code' | 'refresh_token';

/**
 * Checks a pasted response to the authorization code exchange: parses it, explains an
 * OAuth error, verifies the access token (signature, issuer, client, audience, expiry) and
 * requires a refresh token.
 *
 * `scope.offline_access_not_granted` is a **fail** when no refresh token came back (the
 * scope is then the likely cause, next to `refresh_token.missing`) and **info** when a
 * refresh token came anyway (some servers do not echo `offline_access` in `scope`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc9068
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1
 */
export async function checkTokenResponse(text: string, ctx: TokenCheckContext): Promise<TokenResponseReport> {
  const inspected = await inspectTokenResponse(text, ctx, 'authorization_code');
  const results = [...inspected.results];
  if (inspected.body !== null && inspected.summary !== null) {
    results.push(...checkRefreshTokenPresence(inspected.body, inspected.summary, ctx));
  }
  results.push(...inspected.trailing);
  return makeReport('token-response', results, { claims: inspected.claims, summary: inspected.summary });
}

/** The shared analysis of a token endpoint response; used by both response checks. */
export interface InspectedResponse {
  /** Results in display order, without the step-specific ones and without `trailing`. */
  results: CheckResult[];
  /** Informational results that belong at the end of the list (e.g. `id_token.present`). */
  trailing: CheckResult[];
  claims: DecodedClaims | null;
  summary: TokenSummary | null;
  /** The parsed success response; null when it did not parse or was an OAuth error. */
  body: Record<string, unknown> | null;
}

/**
 * Parses a pasted token endpoint response and runs the checks both steps share.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export async function inspectTokenResponse(text: string, ctx: TokenCheckContext, grant: TokenGrant): Promise<InspectedResponse> {
  const parsed = parseResponse(text);
  if (!parsed.ok) return { results: parsed.results, trailing: [], claims: null, summary: null, body: null };

  const results = [...parsed.results];
  const { body } = parsed;

  if (isErrorResponse(body)) {
    results.push(explainErrorResponse(body, grant, ctx));
    return { results, trailing: [], claims: null, summary: null, body: null };
  }

  const accessToken = nonEmptyString(body.access_token);
  const refreshToken = nonEmptyString(body.refresh_token);
  let claims: DecodedClaims | null = null;
  let decoded: DecodedClaims | 'too_deep' | null = null;

  if (accessToken === null) {
    results.push(
      fail(
        'access_token',
        'access_token.missing',
        body.access_token === undefined
          ? 'The response has no access_token field.'
          : `The access_token field is ${describeJsonValue(body.access_token)}, not a token.`,
        hintForMissingAccessToken(body),
      ),
    );
  } else {
    decoded = decodeAccessToken(accessToken);
    claims = decoded === 'too_deep' ? null : decoded;
  }

  results.push(checkTokenType(body.token_type));

  if (accessToken !== null) {
    if (claims === null) {
      results.push(describeOpaqueAccessToken(accessToken, ctx, decoded === 'too_deep'));
    } else {
      const { alg: rawAlg } = claims.header;
      const alg = typeof rawAlg !== 'string' ? 'missing' : /^[\w-]{1,20}$/.test(rawAlg) ? rawAlg : quote(rawAlg, 20);
      results.push(pass('access_token', `The access token is a JWT (alg ${alg}), decoded below.`));
      results.push(...(await checkJwtAccessToken(accessToken, claims, ctx, grant)));
    }
  }

  const expiresIn = readExpiresIn(body.expires_in);
  if (expiresIn === null) {
    results.push(
      warn(
        'expires_in',
        'expires_in.missing',
        body.expires_in === undefined
          ? 'The response has no expires_in field, so it does not say how long the access token lasts.'
          : `expires_in is ${describeJsonValue(body.expires_in)}, not a number of seconds.`,
        'Nothing to fix for this exercise: expires_in is recommended, not required. Read the lifetime from the token\'s exp claim instead.',
      ),
    );
  } else {
    results.push(pass('expires_in', `The access token lasts ${formatDuration(expiresIn)} (expires_in ${expiresIn}).`));
  }

  const trailing: CheckResult[] = [];
  if (nonEmptyString(body.id_token) !== null) {
    trailing.push(
      info(
        'id_token',
        'id_token.present',
        'The response also has an id_token, because the openid scope was requested. It tells the app who logged in; it is not needed for this exercise and is never sent to an API.',
      ),
    );
  }

  const summary = summarize(body, parsed.canonical, accessToken, refreshToken, claims, expiresIn, ctx.now);
  return { results, trailing, claims, summary, body };
}

/** SHA-256 hex of a string: how tokens and responses are remembered without storing them. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Step 4 only: the refresh token and the scope that produces it

function checkRefreshTokenPresence(body: Record<string, unknown>, summary: TokenSummary, ctx: TokenCheckContext): CheckResult[] {
  const results: CheckResult[] = [];
  const hasRefresh = summary.refreshTokenFingerprint !== null;
  const granted = summary.scope;
  const offlineGranted = granted?.includes('offline_access') ?? null;
  const enableGrant = ctx.practice
    ? 'enable the Refresh Token grant in the practice console (My Web App → Edit → tick Refresh Token → Save)'
    : "enable the Refresh Token grant on the app (Applications → your app → General Settings → Edit → tick Refresh Token → Save)";

  if (hasRefresh) {
    results.push(pass('refresh_token', 'A refresh token is present. We keep only its fingerprint for the next step.'));
  } else {
    const message =
      body.refresh_token === undefined
        ? 'The response has no refresh_token.'
        : `The refresh_token field is ${describeJsonValue(body.refresh_token)}, not a token.`;
    const hint =
      offlineGranted === true
        ? `offline_access was granted, so the app itself is not allowed to get refresh tokens: ${enableGrant}. Then log in again for a new code — this one is used up.`
        : `Two things are needed: ${enableGrant}, and request offline_access in the scope of the authorization URL (e.g. scope=offline_access api:read) — not at the token endpoint. Then log in again for a new code; this one is used up.`;
    results.push(fail('refresh_token', 'refresh_token.missing', message, hint));
  }

  if (granted !== null && offlineGranted === false) {
    const seen = `The granted scope is ${quote(granted.join(' '), 100)}, without offline_access.`;
    results.push(
      hasRefresh
        ? info('scope', 'scope.offline_access_not_granted', `${seen} A refresh token came anyway (this server does not list offline_access among the granted scopes).`)
        : fail(
            'scope',
            'scope.offline_access_not_granted',
            seen,
            'Add offline_access to the scope parameter of the authorization URL (space-separated, e.g. scope=offline_access api:read), check that the app allows the Refresh Token grant, and log in again.',
          ),
    );
  } else if (offlineGranted === true) {
    results.push(pass('scope', `The granted scope includes offline_access (${quote(granted!.join(' '), 100)}).`));
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// The access token

/** Real tokens nest claims a few levels at most; deeper ones would overflow JSON.stringify. */
const MAX_CLAIM_DEPTH = 32;

/** The decoded header and claims; null for an opaque token, `too_deep` for JSON nested absurdly deep. */
function decodeAccessToken(token: string): DecodedClaims | 'too_deep' | null {
  let claims: DecodedClaims;
  try {
    claims = { header: { ...decodeProtectedHeader(token) }, payload: { ...decodeJwt(token) } };
  } catch {
    return null;
  }
  return isNestedDeeperThan(claims, MAX_CLAIM_DEPTH) ? 'too_deep' : claims;
}

function describeOpaqueAccessToken(token: string, ctx: TokenCheckContext, tooDeep = false): CheckResult {
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

async function checkJwtAccessToken(token: string, claims: DecodedClaims, ctx: TokenCheckContext, grant: TokenGrant): Promise<CheckResult[]> {
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
      case 'invalid':
        results.push(
          fail(
            'signature',
            'access_token.signature_invalid',
            `The signature does not verify${alg ? ` (alg ${alg})` : ''}: ${outcome.detail}.`,
            outcome.hint ??
              'The token was changed after the server signed it — edited (e.g. on jwt.io) or damaged while copying — or it comes from another server. Paste the response exactly as curl printed it.',
          ),
        );
        break;
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
        iss === null ? `The token has no iss claim; expected ${quote(ctx.issuer)}.` : `The token's issuer is ${quote(iss)}, but ${ctx.practice ? 'the practice server' : 'your server'} is ${quote(ctx.issuer)}.`,
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
        `Use your app's client ID ${quote(ctx.clientId, 60)} in both the authorization URL and the curl command${ctx.practice ? '' : ", or correct the client ID in setup if you're using another app"}.`,
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
          audiences.length === 0 ? `The token has no aud claim; expected ${quote(ctx.audience)}.` : `The token's audience is ${quote(audiences.join(', '))}, not ${quote(ctx.audience)}.`,
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

type SignatureOutcome =
  | { kind: 'valid' }
  | { kind: 'invalid'; detail: string; hint?: string }
  | { kind: 'unknown_key' }
  | { kind: 'keys_unavailable'; detail: string };

/** Signatures an authorization server makes with a published public key; never HS* or none. */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Marks a failure of the key resolver itself (network, timeout, bad JWKS) as opposed to the token. */
class KeysUnavailableError extends Error {}

async function verifySignature(token: string, getKey: JWTVerifyGetKey, now: Date): Promise<SignatureOutcome> {
  // The claims are checked separately (all problems at once); jose verifies the signature
  // before the claims, so a claim error below means the signature itself was good.
  const options = { currentDate: now, algorithms: ASYMMETRIC_ALGORITHMS };
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
        const outcome = classifyVerifyError(await jwtVerify(token, key, options).then(() => null, (e: unknown) => e));
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

function tokenClientId(payload: Record<string, unknown>): { claim: string; value: string } | null {
  for (const claim of ['cid', 'client_id', 'azp']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return { claim, value };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Other fields

function checkTokenType(value: unknown): CheckResult {
  if (typeof value === 'string' && value.toLowerCase() === 'bearer') {
    return pass('token_type', `token_type is ${quote(value)}: send the access token as "Authorization: Bearer <token>".`);
  }
  if (value === undefined) {
    return warn(
      'token_type',
      'token_type.unexpected',
      'The response has no token_type; OAuth servers say "Bearer" here.',
      'Nothing to change in your request. Treat the access token as a Bearer token.',
    );
  }
  return fail(
    'token_type',
    'token_type.unexpected',
    `token_type is ${describeJsonValue(value)}; this exercise expects "Bearer".`,
    typeof value === 'string' && value.toLowerCase() === 'dpop'
      ? 'The server bound the token to a DPoP key, which needs a proof with every request. Turn off "Require DPoP" for this app (or leave out any DPoP header) and get a new token.'
      : 'Paste the response unchanged. If it really says this, the app is configured for a different token type; use the default Bearer tokens.',
  );
}

function readExpiresIn(value: unknown): number | null {
  // Some servers (e.g. Azure AD v1) send expires_in as a numeric string.
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function summarize(
  body: Record<string, unknown>,
  canonical: string,
  accessToken: string | null,
  refreshToken: string | null,
  claims: DecodedClaims | null,
  expiresIn: number | null,
  now: Date,
): TokenSummary {
  const payload = claims?.payload ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const exp = isNumericDate(payload.exp) ? payload.exp : null;
  return {
    responseFingerprint: fingerprint(canonical),
    accessTokenFingerprint: accessToken === null ? null : fingerprint(accessToken),
    refreshTokenFingerprint: refreshToken === null ? null : fingerprint(refreshToken),
    idTokenPresent: nonEmptyString(body.id_token) !== null,
    tokenType: str(body.token_type),
    scope: readScope(body.scope) ?? readScope(payload.scp) ?? readScope(payload.scope),
    expiresIn,
    accessTokenIsJwt: claims !== null,
    issuer: str(payload.iss),
    subject: str(payload.sub),
    clientId: tokenClientId(payload)?.value ?? null,
    jti: str(payload.jti),
    // Only times a page can format: a later step and the completion page make Dates of these.
    issuedAt: isNumericDate(payload.iat) ? payload.iat : null,
    expiresAt: claims !== null ? exp : expiresIn !== null ? numericDateOrNull(Math.floor(now.getTime() / 1000) + expiresIn) : null,
  };
}

function numericDateOrNull(seconds: number): number | null {
  return isNumericDate(seconds) ? seconds : null;
}

function readScope(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return [...value];
  return null;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : quote(value, 20);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return quote(String(value), 20);
}

function hintForMissingAccessToken(body: Record<string, unknown>): string {
  const keys = Object.keys(body);
  if (keys.some((k) => /^access[-_]?token$/i.test(k) || k === 'accessToken')) {
    return 'The field is spelled differently (this looks like an SDK\'s or tool\'s output). Paste the raw JSON the token endpoint returned, where the field is "access_token".';
  }
  if ('jwks_uri' in body || 'token_endpoint' in body) {
    return "This is the server's metadata (discovery document), not a token response. Run this step's curl command and paste what it prints.";
  }
  if (Array.isArray(body.keys)) {
    return "This is the server's key set (JWKS), not a token response. Run this step's curl command and paste what it prints.";
  }
  if ('iss' in body && ('sub' in body || 'exp' in body)) {
    return 'These are decoded token claims (e.g. from jwt.io), not the token response. Paste the JSON the token endpoint returned, with access_token, token_type and refresh_token.';
  }
  if ('code' in body && 'state' in body) {
    return "These are the redirect's code and state. Exchange the code with this step's curl command and paste the JSON it prints.";
  }
  return "A token response carries the token in an access_token field. Run this step's curl command and paste the whole JSON it prints.";
}

// ---------------------------------------------------------------------------------------------
// OAuth error responses (RFC 6749 §5.2)

function isErrorResponse(body: Record<string, unknown>): boolean {
  return (typeof body.error === 'string' || (typeof body.error === 'object' && body.error !== null)) || typeof body.errorCode === 'string';
}

/**
 * Explains the server's error JSON for the grant that was attempted.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function explainErrorResponse(body: Record<string, unknown>, grant: TokenGrant, ctx: Pick<TokenCheckContext, 'practice'>): CheckResult {
  if (typeof body.errorCode === 'string' && body.error === undefined) {
    const summary = typeof body.errorSummary === 'string' ? `: ${quote(body.errorSummary, 120)}` : '';
    return fail(
      'response',
      'response.error',
      `The server answered with an Okta API error ${quote(body.errorCode, 20)}${summary}. That is not an OAuth token endpoint answer: the request did not reach the token endpoint as intended.`,
      "Use the token endpoint exactly as in this step's curl command (…/oauth2/default/v1/token, with -X POST), not the org URL or an /api/v1 path.",
    );
  }

  const code = typeof body.error === 'string' ? body.error : 'an error object';
  const description =
    typeof body.error_description === 'string'
      ? body.error_description
      : typeof body.error === 'object' && body.error !== null && typeof (body.error as Record<string, unknown>).message === 'string'
        ? String((body.error as Record<string, unknown>).message)
        : '';
  const seen = `The server answered with error ${quote(code, 40)}${description ? ` (${quote(description, 160)})` : ''}`;
  const { meaning, hint } = explainErrorCode(code, description, grant, ctx.practice);
  return fail('response', 'response.error', `${seen}: ${meaning}`, hint);
}

function explainErrorCode(code: string, description: string, grant: TokenGrant, practice: boolean): { meaning: string; hint: string } {
  const d = description.toLowerCase();
  const appSettings = practice ? 'the practice console (My Web App → Edit)' : "the app's General Settings (Applications → your app → Edit)";
  const refreshCurl = grant === 'refresh_token';

  switch (code) {
    case 'invalid_grant':
      if (refreshCurl) {
        if (/client/.test(d)) {
          return {
            meaning: 'the refresh token was issued to another client, not the client_id in your request.',
            hint: 'Send the refresh token with the client_id and client_secret of the app that got it.',
          };
        }
        if (/expire/.test(d) && !/invalid/.test(d)) {
          return {
            meaning: 'the refresh token has expired.',
            hint: 'Go back to the authorization URL step, log in again to get a new refresh token, then use it here.',
          };
        }
        return {
          meaning:
            'the refresh token is no longer valid. It was revoked, or rotated — with rotation on, each refresh returns a new refresh token and the old one stops working (reusing an old one revokes them all) — or it expired, or it was copied incompletely.',
          hint: 'Use the refresh_token from your most recent response, copied completely. If it was revoked, go back to the authorization URL step and log in again to get a new one.',
        };
      }
      if (/pkce|code.?verifier|code.?challenge/.test(d)) {
        return {
          meaning: 'the code_verifier does not match the code_challenge in your authorization URL.',
          hint: 'Send the Code Verifier you hashed into that Code Challenge — keep both from the same session; regenerating one without the other breaks PKCE. This code is spent: build the authorization URL again, log in, and exchange the new code with the matching code_verifier.',
        };
      }
      if (/redirect/.test(d)) {
        return {
          meaning: 'the redirect_uri in your token request is not exactly the one in the authorization URL.',
          hint: 'Send exactly the same redirect_uri as in the authorization URL (scheme, host, port, path and trailing slash), then log in again for a fresh code.',
        };
      }
      if (/expire|used|consumed|redeemed|not found|invalid/.test(d)) {
        return {
          meaning: 'the authorization code has expired or was already used. Codes are single-use and last only a few minutes.',
          hint: 'Get a new code: open the Log In link again, then run the curl command once, within a few minutes. If it keeps failing, check that code_verifier and redirect_uri match the authorization URL.',
        };
      }
      return {
        meaning:
          'the code could not be exchanged. Either it expired or was already used (codes are single-use and last minutes), or the code_verifier does not match the code_challenge, or the redirect_uri differs from the authorization URL.',
        hint: 'Log in again for a fresh code and exchange it right away, sending the code_verifier of that authorization URL and exactly the same redirect_uri.',
      };
    case 'invalid_client':
      return {
        meaning: 'client authentication failed — the server did not accept the client_id and client_secret.',
        hint: `Replace YOUR_CLIENT_SECRET with your app's client secret (shown in ${appSettings}, Client Credentials) and check the client_id. The curl sends the secret in the form body (client_secret_post); if the app expects HTTP Basic authentication, send -u 'client_id:client_secret' instead.`,
      };
    case 'unauthorized_client':
      return refreshCurl
        ? {
            meaning: 'the app is not allowed to use the refresh_token grant.',
            hint: `Enable it in ${appSettings}: tick Refresh Token, Save, then run this curl command again.`,
          }
        : {
            meaning: 'the app is not allowed to use this grant type.',
            hint: `In ${appSettings}, tick Authorization Code (and Refresh Token for this exercise) and Save, then log in again for a new code.`,
          };
    case 'unsupported_grant_type':
      return {
        meaning: 'the server does not recognise the grant_type you sent.',
        hint: `Send grant_type=${grant} exactly (lowercase, with an underscore), in a form-encoded body (-d lines), not JSON.`,
      };
    case 'invalid_request':
      return { meaning: 'the request is missing a parameter, repeats one, or is malformed.', hint: invalidRequestHint(d, grant) };
    case 'invalid_scope':
      return refreshCurl
        ? {
            meaning: 'a refresh can only ask for scopes the original login granted (or fewer).',
            hint: 'Remove the scope parameter from the refresh curl command; you then get the same scopes as before.',
          }
        : {
            meaning: 'a scope in the request is not allowed.',
            hint: 'Scopes, including offline_access, go in the authorization URL; the code exchange takes none. Remove any scope parameter from the curl command, fix the scopes in the authorization URL and log in again.',
          };
    case 'access_denied':
      return {
        meaning: "the server's policy refused to issue the token.",
        hint: `Check the access policy of the authorization server and that your user is assigned to the app in ${appSettings}.`,
      };
    case 'server_error':
    case 'temporarily_unavailable':
      return { meaning: 'the server had a problem on its side.', hint: 'Try again in a moment. If it persists, the server is misconfigured or down.' };
    default:
      return {
        meaning: 'the token request failed.',
        hint: "Read the error description above, then compare your command with this step's curl command line by line.",
      };
  }
}

function invalidRequestHint(d: string, grant: TokenGrant): string {
  if (/code.?verifier|pkce/.test(d)) return 'Add the code_verifier line (-d code_verifier=…): PKCE is required, and the verifier must be the one behind the code_challenge you sent.';
  if (/content.?type|form.?urlencoded|json/.test(d)) return 'Send the parameters form-encoded with -d lines (Content-Type application/x-www-form-urlencoded), not as JSON.';
  if (/redirect/.test(d)) return 'Add the redirect_uri line, with exactly the redirect URI of the authorization URL.';
  if (/grant.?type/.test(d)) return `Add -d grant_type=${grant}.`;
  if (/refresh.?token/.test(d)) return 'Add -d refresh_token=… with the refresh token from the previous step, copied completely.';
  if (/client/.test(d)) return 'Send client_id and client_secret (or HTTP Basic authentication), not both ways at once.';
  if (/\bcode\b/.test(d)) return 'Add -d code=… with the code from the redirect step.';
  return "The error description names the parameter. Compare your command with this step's curl command: every -d line present, and every line but the last ending in \\ (a missing backslash cuts the command short).";
}
