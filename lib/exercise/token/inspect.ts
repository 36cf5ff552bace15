/**
 * The analysis both response steps share: the paste parsed, an OAuth error explained, the
 * access token decoded and verified, token_type and expires_in read, and a storable summary
 * of the response (fingerprints, never tokens). The token step (token-step.ts) and the
 * refresh step (refresh-step.ts) each add their own checks on top.
 *
 * Pure: the clock and the key resolver come in through the context. Nothing here returns
 * or quotes a raw token — only decoded claims, short prefixes and SHA-256 fingerprints.
 * Not for the browser: `fingerprint` uses node:crypto.
 */
import { createHash } from 'node:crypto';

import { checkJwtAccessToken, decodeAccessToken, describeOpaqueAccessToken, tokenClientId, type DecodedClaims } from './access-token';
import { safeLookup, type TokenCheckContext, type TokenGrant } from './context';
import { explainErrorResponse, isErrorResponse } from './oauth-errors';
import { parseResponse } from './parse-response';
import { explainFromCommand } from './command-evidence';
import { explainRecipeMistake } from './recipe-errors';
import { explainFromRecords } from './records';
import { answerPlaceholdersSent, answerResponsePaste, answerTruncated } from '../paste/answers';
import { classifyPaste, placeholdersInCommand, truncatedField } from '../paste/classify';
import { formatDuration, isNumericDate } from '../claims';
import { fail, info, pass, quote, warn, type CheckResult } from '../report';
import { stepRef } from '../steps';

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
  if (!parsed.ok) {
    // Not JSON: what the paste is (a tool's error, an HTML page, a URL, the command) tells
    // the cause better than where the JSON breaks (issue 19).
    const notJson = parsed.results.some((result) => result.code === 'json.invalid');
    const truncated = notJson ? truncatedField(text) : null;
    const paste = notJson && !truncated ? classifyPaste(text) : null;
    const results = truncated
      ? [answerTruncated(truncated.field, { ...ctx, grant })]
      : paste
        ? [answerResponsePaste(paste, { ...ctx, grant })]
        : parsed.results;
    return { results, trailing: [], claims: null, summary: null, body: null };
  }

  const results = [...parsed.results];
  const { body } = parsed;

  if (isErrorResponse(body)) {
    // A request the shell cut in two was incomplete: its error is a consequence, and the
    // root cause (request.command_split) is already reported.
    const placeholders = placeholdersInCommand(text);
    if (placeholders.length > 0) {
      // The command sent the template's placeholder: the error is its consequence (issue 19, class 5).
      results.push(answerPlaceholdersSent(placeholders, { ...ctx, grant }, String(body.error)));
    } else if (parsed.clues.commandSplit === null) {
      // A code exchange refused as invalid: the practice server remembers whether that code
      // was already exchanged, which tells a command run twice from an expired code.
      // A refresh refused as invalid: the same record says whether that login was revoked.
      const codeExchange = body.error === 'invalid_grant' ? await safeLookup(ctx.lookupCodeExchange) : null;
      // What the practice server recorded settles a refused grant before any guess (issue 19, class 7).
      results.push(
        (await explainFromRecords(text, body, grant, ctx, { codeExchange })) ??
          explainFromCommand(text, body, grant, ctx) ??
          (await explainRecipeMistake(text, body, grant, ctx)) ??
          explainErrorResponse(body, grant, ctx, { ...parsed.clues, codeExchange }),
      );
    }
    return { results, trailing: [], claims: null, summary: null, body: null };
  }

  const accessToken = nonEmptyString(body.access_token);
  const refreshToken = nonEmptyString(body.refresh_token);
  // A token a display shortened with "…" (issue 19, class 2): say so before judging it.
  const tokens: [string, string | null][] = [
    ['access_token', accessToken],
    ['refresh_token', refreshToken],
    ['id_token', nonEmptyString(body.id_token)],
  ];
  const shortened = tokens.find(([, token]) => token !== null && (token.includes('…') || token.endsWith('...')));
  if (shortened) {
    results.push(answerTruncated(shortened[0], { ...ctx, grant }));
    return { results, trailing: [], claims: null, summary: null, body: null };
  }
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

  // A token of the client credentials grant (issue 19, class 2): its subject is the app
  // itself, so no code was exchanged — not a missing refresh token to enable.
  const clientCredentials = grant === 'authorization_code' && claims !== null && isClientCredentialsToken(claims.payload);
  if (clientCredentials && claims) {
    const client = tokenClientId(claims.payload)?.value ?? String(claims.payload.sub);
    results.push(
      fail(
        'access_token',
        'access_token.client_credentials_grant',
        `This token was not obtained with your authorization code: its sub is the client ID ${quote(client, 60)} and it names no user${
          ctx.practice || ctx.kind === 'okta' ? ' (no uid)' : ''
        } — what the client_credentials grant gives an app for itself, never with a refresh token.`,
        `Run the code exchange of this step — grant_type=authorization_code with the code from ${stepRef('redirect')} (log in again if it is older than a few minutes) — and paste that response.`,
      ),
    );
    return { results, trailing: [], claims, summary: null, body: null };
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
        "Nothing to fix for this exercise: expires_in is recommended, not required. Read the lifetime from the token's exp claim instead.",
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

/**
 * `token_type` must be Bearer (case-insensitive); missing is a warning, anything else a fail.
 * @see https://www.rfc-editor.org/rfc/rfc6750 Bearer tokens
 * @see https://www.rfc-editor.org/rfc/rfc9449 DPoP
 */
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

/** A JSON value for a message: short strings quoted, the rest by kind. */
export function describeJsonValue(value: unknown): string {
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

/**
 * A client credentials token: its subject is the client itself. Okta and RFC 9068: sub =
 * the client (cid, client_id or azp) and no uid; Auth0: "<client>@clients"; Keycloak: sub is
 * the client's service account, whose preferred_username is "service-account-<client>".
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
export function isClientCredentialsToken(payload: Record<string, unknown>): boolean {
  const sub = payload.sub;
  if (typeof sub !== 'string' || typeof payload.uid === 'string') return false;
  const client = tokenClientId(payload)?.value;
  const username = typeof payload.preferred_username === 'string' ? payload.preferred_username.toLowerCase() : null;
  return (
    sub === client ||
    sub.endsWith('@clients') ||
    (client !== undefined && username !== null && username === `service-account-${client.toLowerCase()}`)
  );
}
