/**
 * A small protected API on the practice server, `GET /api/practice/photos`, for learners
 * to use the access token they got: it wants `Authorization: Bearer <access token>` with
 * the custom scope `api:read`, as a real resource server would (RFC 6750).
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { PRACTICE_AUDIENCE } from './mount';

export const PHOTOS_SCOPE = 'api:read';

const PHOTOS = [
  { id: 'p1', title: 'Sunrise over the harbour', takenAt: '2026-06-21T04:52:00Z' },
  { id: 'p2', title: 'A very patient heron', takenAt: '2026-07-03T17:10:00Z' },
  { id: 'p3', title: 'Fog on the ridge', takenAt: '2026-10-12T08:31:00Z' },
] as const;

export type PhotosAnswer =
  | { status: 200; body: { photos: typeof PHOTOS; requestedBy: { sub: unknown; uid: unknown; cid: unknown }; scopes: string[] } }
  | { status: 401 | 403; wwwAuthenticate: string; body: { error: 'invalid_token' | 'insufficient_scope'; error_description: string } };

const quoteHeader = (value: string) => value.replace(/["\\]/g, "'");

function refuse(status: 401 | 403, error: 'invalid_token' | 'insufficient_scope', description: string): PhotosAnswer {
  const scope = error === 'insufficient_scope' ? `, scope="${PHOTOS_SCOPE}"` : '';
  return {
    status,
    wwwAuthenticate: `Bearer realm="OAuth Lab practice API", error="${error}", error_description="${quoteHeader(description)}"${scope}`,
    body: { error, error_description: description },
  };
}

/** Answers a request to the photos API, given its Authorization header. */
export async function answerPhotosRequest(
  authorization: string | null,
  context: { issuer: string; getKey: JWTVerifyGetKey; now?: Date },
): Promise<PhotosAnswer> {
  const match = authorization ? /^Bearer +([^ ]+) *$/i.exec(authorization.slice(0, 20_000)) : null;
  if (!match) {
    return refuse(
      401,
      'invalid_token',
      authorization
        ? 'The Authorization header must be "Bearer <access token>".'
        : 'No access token: send it as "Authorization: Bearer <access token>".',
    );
  }
  try {
    const { payload } = await jwtVerify(match[1]!, context.getKey, {
      issuer: context.issuer,
      audience: PRACTICE_AUDIENCE,
      algorithms: ['RS256'],
      currentDate: context.now,
    });
    const scopes = Array.isArray(payload.scp) ? payload.scp.filter((s): s is string => typeof s === 'string') : [];
    if (!scopes.includes(PHOTOS_SCOPE)) {
      return refuse(403, 'insufficient_scope', `The access token has the scopes [${scopes.join(', ')}]; this API needs ${PHOTOS_SCOPE}.`);
    }
    return { status: 200, body: { photos: PHOTOS, requestedBy: { sub: payload.sub, uid: payload.uid, cid: payload.cid }, scopes } };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return refuse(401, 'invalid_token', 'The access token expired. Use your refresh token to get a new one.');
    if (error instanceof errors.JWTClaimValidationFailed)
      return refuse(401, 'invalid_token', `The access token is not for this API (${error.claim} claim).`);
    return refuse(401, 'invalid_token', 'The access token is not valid here: it is malformed, signed by another server, or was changed.');
  }
}
