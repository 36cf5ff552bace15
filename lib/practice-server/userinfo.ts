/**
 * `/v1/userinfo` (OpenID Connect Core §5.3), handled by us as introspection is:
 * oidc-provider's own endpoint cannot read JWT access tokens (they are not stored), so it
 * refused the server's own tokens. The token is verified here (signature with the
 * practice key, issuer, audience `api://default`, expiry, not revoked, `scp` includes `openid` and one
 * of profile, email, address or phone, as Okta requires) and
 * the user's claims are answered per granted scope, as an Okta org's default server does.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, jwtVerify, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';
import { claimsForScopes, userIdFor } from './account';
import { BodyTooLargeError, readForm, sendJson } from './http';

export interface UserinfoContext {
  issuer: string;
  audience: string;
  publicKey: CryptoKey | KeyObject;
  /** Whether a verified access token was revoked (lib/practice-server/revocation.ts). */
  isRevoked(payload: JWTPayload): Promise<boolean>;
}

const MAX_BYTES = 16 * 1024;

export const USERINFO_MESSAGES = {
  invalid: 'The access token is invalid.',
  expired: 'The access token is expired.',
  missing: 'No access token: send it as Authorization: Bearer <access token>.',
  openidMissing: 'The access token must include the openid scope.',
  /** Okta's words (no final period) for a token with openid but no scope that releases user claims. */
  noClaimsScope: 'The access token must provide access to at least one of these scopes - profile, email, address or phone',
} as const;

/** Scopes that release user claims at userinfo (OpenID Connect Core §5.4); Okta requires one of them. */
const CLAIMS_SCOPES = ['profile', 'email', 'address', 'phone'] as const;

/** An RFC 6750 refusal: the same error and description in the header and in the body. */
function refuse(res: ServerResponse, ctx: UserinfoContext, status: 400 | 401 | 403, error: string, description: string): void {
  const scope =
    error === 'insufficient_scope' ? `, scope="${description === USERINFO_MESSAGES.openidMissing ? 'openid' : 'openid profile'}"` : '';
  sendJson(
    res,
    status,
    { error, error_description: description },
    { 'WWW-Authenticate': `Bearer realm="${ctx.issuer}", error="${error}", error_description="${description}"${scope}` },
  );
}

/** The bearer token of a request: the Authorization header, or a POST form's `access_token`. */
async function readBearer(req: IncomingMessage): Promise<{ token?: string; twice?: boolean }> {
  const header = req.headers.authorization;
  const match = header ? /^Bearer +([^ ]+) *$/i.exec(header.slice(0, 20_000)) : null;
  const form = req.method === 'POST' ? await readForm(req, MAX_BYTES) : new URLSearchParams();
  const fromForm = form.getAll('access_token');
  if ((match && fromForm.length > 0) || fromForm.length > 1) return { twice: true };
  return { token: match?.[1] ?? fromForm[0] };
}

/** GET or POST /v1/userinfo. */
export async function handleUserinfo(ctx: UserinfoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'Use GET or POST.' }, { Allow: 'GET, POST' });
    return;
  }
  let bearer: Awaited<ReturnType<typeof readBearer>>;
  try {
    bearer = await readBearer(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendJson(res, 413, { error: 'invalid_request', error_description: 'The request body is too large.' });
    return;
  }
  if (bearer.twice) {
    refuse(res, ctx, 400, 'invalid_request', 'Send the access token one way only (RFC 6750 §2).');
    return;
  }
  if (!bearer.token) {
    refuse(res, ctx, 401, 'invalid_token', USERINFO_MESSAGES.missing);
    return;
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(bearer.token, ctx.publicKey, { issuer: ctx.issuer, audience: ctx.audience, algorithms: ['RS256'] }));
  } catch (error) {
    refuse(res, ctx, 401, 'invalid_token', error instanceof errors.JWTExpired ? USERINFO_MESSAGES.expired : USERINFO_MESSAGES.invalid);
    return;
  }
  // Okta refuses a revoked token in the words it uses for any invalid one.
  if (await ctx.isRevoked(payload)) {
    refuse(res, ctx, 401, 'invalid_token', USERINFO_MESSAGES.invalid);
    return;
  }
  const scopes = Array.isArray(payload.scp) ? payload.scp.filter((scope): scope is string => typeof scope === 'string') : [];
  const login = typeof payload.sub === 'string' ? payload.sub : '';
  // A user's token carries their id in `uid`; a client credentials token has none.
  if (typeof payload.uid !== 'string' || payload.uid !== userIdFor(login)) {
    refuse(res, ctx, 401, 'invalid_token', USERINFO_MESSAGES.invalid);
    return;
  }
  if (!scopes.includes('openid')) {
    refuse(res, ctx, 403, 'insufficient_scope', USERINFO_MESSAGES.openidMissing);
    return;
  }
  if (!CLAIMS_SCOPES.some((scope) => scopes.includes(scope))) {
    refuse(res, ctx, 403, 'insufficient_scope', USERINFO_MESSAGES.noClaimsScope);
    return;
  }
  sendJson(res, 200, claimsForScopes(login, scopes));
}
