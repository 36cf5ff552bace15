/**
 * A small protected API on the practice server, `GET /api/practice/photos`, for learners
 * to use the access token they got: it wants `Authorization: Bearer <access token>` with
 * the custom scope `api:read`, as a real resource server would (RFC 6750). A form-encoded
 * POST body's `access_token` (§2.2) is read too; a token in the URL (§2.3) is refused.
 *
 * Besides the answer it says what it observed of the call (how the token came, what it
 * made of it, which app the token names), for the `api-call` check: the route records that
 * (lib/db/practice-api-calls.ts). The token itself is never part of the observation.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ApiCallOutcome, ApiCallSentVia } from '../exercise/api-call/observed';
import { PRACTICE_AUDIENCE } from './mount';

export const PHOTOS_SCOPE = 'api:read';

const PHOTOS = [
  { id: 'p1', title: 'Sunrise over the harbour', takenAt: '2026-06-21T04:52:00Z' },
  { id: 'p2', title: 'A very patient heron', takenAt: '2026-07-03T17:10:00Z' },
  { id: 'p3', title: 'Fog on the ridge', takenAt: '2026-10-12T08:31:00Z' },
] as const;

/** What the API observed of a call: labels and identifiers, never the token. */
export interface PhotosObservation {
  outcome: ApiCallOutcome;
  sentVia: ApiCallSentVia;
  /**
   * The practice app the token names (`cid`), or null. Read without verification when the
   * token does not verify: it only attributes the call (to show the learner what arrived),
   * it never authorizes anything.
   */
  clientId: string | null;
  tokenJti: string | null;
  scopes: string[];
}

type Refusal = {
  status: 400 | 401 | 403;
  wwwAuthenticate: string;
  body: { error: 'invalid_request' | 'invalid_token' | 'insufficient_scope'; error_description: string };
};

export type PhotosAnswer = (
  { status: 200; body: { photos: typeof PHOTOS; requestedBy: { sub: unknown; uid: unknown; cid: unknown }; scopes: string[] } } | Refusal
) & { observation: PhotosObservation };

/** Where a request carried an access token (RFC 6750 §2). */
export interface PhotosRequest {
  /** The Authorization header. */
  authorization: string | null;
  /** Every `access_token` of the URL's query. */
  queryTokens?: readonly string[];
  /** Every `access_token` of a form-encoded POST body. */
  bodyTokens?: readonly string[];
}

export const PHOTOS_MESSAGES = {
  noToken: 'No access token: send it as "Authorization: Bearer <access token>".',
  notBearer: 'The Authorization header must be "Bearer <access token>".',
  inQuery:
    'This API does not read access tokens from the URL: a URL ends up in server logs, proxies and shell history (RFC 6750 §2.3). Send it as "Authorization: Bearer <access token>".',
  severalMethods: 'Send the access token one way only (RFC 6750 §2).',
  expired: 'The access token expired. Use your refresh token to get a new one.',
  invalid: 'The access token is not valid here: it is malformed, signed by another server, or was changed.',
} as const;

/** The header and the limits of what is read from a caller's token: hostile input stays small. */
const MAX_HEADER = 20_000;
const MAX_ID = 128;
const MAX_SCOPES = 20;
/** An RS256 signature by the practice server's 2048-bit key is 256 bytes: 342 base64url characters. */
const RS256_2048_SIGNATURE_CHARS = 342;

const quoteHeader = (value: string) => value.replace(/["\\]/g, "'");

function refuse(status: Refusal['status'], error: Refusal['body']['error'], description: string): Refusal {
  const scope = error === 'insufficient_scope' ? `, scope="${PHOTOS_SCOPE}"` : '';
  return {
    status,
    wwwAuthenticate: `Bearer realm="OAuth Lab practice API", error="${error}", error_description="${quoteHeader(description)}"${scope}`,
    body: { error, error_description: description },
  };
}

/** A printable identifier of bounded length from a claim, else null. */
function identifier(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID && /^[\x21-\x7e]+$/.test(value) ? value : null;
}

function scopesOf(payload: JWTPayload | null): string[] {
  const scp = payload?.scp;
  if (!Array.isArray(scp)) return [];
  return scp
    .slice(0, MAX_SCOPES)
    .map(identifier)
    .filter((s): s is string => s !== null);
}

/** The claims of a token that did not verify, for attribution only; null when it does not decode. */
function decodeUnverified(token: string): JWTPayload | null {
  try {
    return decodeJwt(token);
  } catch {
    return null;
  }
}

/**
 * A JWT-looking word in an Authorization header without the Bearer scheme
 * (`Authorization: eyJ…`, `Bearer:eyJ…`, `Token eyJ…`), to attribute the call. Linear.
 */
function tokenInHeader(header: string): string | null {
  for (const word of header.split(/[\s:,;"'=]+/)) if (word.split('.').length === 3) return word;
  return null;
}

function observe(outcome: ApiCallOutcome, sentVia: ApiCallSentVia, payload: JWTPayload | null): PhotosObservation {
  return { outcome, sentVia, clientId: identifier(payload?.cid), tokenJti: identifier(payload?.jti), scopes: scopesOf(payload) };
}

/** What a verification failure says about the token. */
function outcomeOfFailure(error: unknown, token: string): ApiCallOutcome {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'nbf') return 'not_yet_valid';
    return 'malformed';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    // A signature cut short is a truncated copy (the end of a line lost in a terminal);
    // one of full length that does not verify was changed, or signed by another key.
    const signature = token.slice(token.lastIndexOf('.') + 1);
    return signature.length < RS256_2048_SIGNATURE_CHARS ? 'malformed' : 'bad_signature';
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed) return 'bad_signature';
  return 'malformed';
}

function normalise(request: PhotosRequest | string | null): Required<PhotosRequest> {
  if (request === null || typeof request === 'string') return { authorization: request, queryTokens: [], bodyTokens: [] };
  return { authorization: request.authorization, queryTokens: request.queryTokens ?? [], bodyTokens: request.bodyTokens ?? [] };
}

/** Answers a request to the photos API, given where it carried a token (or just its Authorization header). */
export async function answerPhotosRequest(
  request: PhotosRequest | string | null,
  context: { issuer: string; getKey: JWTVerifyGetKey; now?: Date },
): Promise<PhotosAnswer> {
  const { authorization, queryTokens, bodyTokens } = normalise(request);
  const header = authorization?.slice(0, MAX_HEADER) ?? null;
  const match = header ? /^Bearer +([^ ]+) *$/i.exec(header) : null;

  if (queryTokens.length > 0) {
    const seen = queryTokens[0]!.slice(0, MAX_HEADER);
    return {
      ...refuse(401, 'invalid_token', PHOTOS_MESSAGES.inQuery),
      observation: observe('token_in_query', 'query', decodeUnverified(seen)),
    };
  }
  if (bodyTokens.length > 1 || (bodyTokens.length === 1 && header !== null)) {
    const seen = (match?.[1] ?? bodyTokens[0]!).slice(0, MAX_HEADER);
    return {
      ...refuse(400, 'invalid_request', PHOTOS_MESSAGES.severalMethods),
      observation: observe('several_methods', header !== null ? 'header' : 'body', decodeUnverified(seen)),
    };
  }
  const sentVia: ApiCallSentVia = bodyTokens.length === 1 ? 'body' : 'header';
  const token = bodyTokens.length === 1 ? bodyTokens[0]!.slice(0, MAX_HEADER) : match?.[1];
  if (!token) {
    if (!header) return { ...refuse(401, 'invalid_token', PHOTOS_MESSAGES.noToken), observation: observe('no_token', 'header', null) };
    const word = tokenInHeader(header);
    return {
      ...refuse(401, 'invalid_token', PHOTOS_MESSAGES.notBearer),
      observation: observe('not_bearer', 'header', word ? decodeUnverified(word) : null),
    };
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, context.getKey, {
      issuer: context.issuer,
      audience: PRACTICE_AUDIENCE,
      algorithms: ['RS256'],
      currentDate: context.now,
    }));
  } catch (error) {
    const outcome = outcomeOfFailure(error, token);
    // A claim failure comes after the signature verified: its claims are the server's own.
    const claims = error instanceof errors.JWTClaimValidationFailed ? error.payload : decodeUnverified(token);
    const description =
      outcome === 'expired'
        ? PHOTOS_MESSAGES.expired
        : error instanceof errors.JWTClaimValidationFailed && outcome !== 'malformed'
          ? `The access token is not for this API (${error.claim} claim).`
          : PHOTOS_MESSAGES.invalid;
    return { ...refuse(401, 'invalid_token', description), observation: observe(outcome, sentVia, claims) };
  }
  const scopes = Array.isArray(payload.scp) ? payload.scp.filter((s): s is string => typeof s === 'string') : [];
  if (!scopes.includes(PHOTOS_SCOPE)) {
    return {
      ...refuse(403, 'insufficient_scope', `The access token has the scopes [${scopes.join(', ')}]; this API needs ${PHOTOS_SCOPE}.`),
      observation: observe('insufficient_scope', sentVia, payload),
    };
  }
  return {
    status: 200,
    body: { photos: PHOTOS, requestedBy: { sub: payload.sub, uid: payload.uid, cid: payload.cid }, scopes },
    observation: observe('ok', sentVia, payload),
  };
}
