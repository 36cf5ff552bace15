/**
 * Token introspection on `/v1/introspect` (RFC 7662), Okta-style: the caller
 * authenticates as a client (Basic or POST) and may introspect its own tokens.
 *
 * oidc-provider's built-in endpoint refuses JWT access tokens (they are not stored), so
 * access tokens are verified here with the practice signing key and are inactive once
 * revoked (as on Okta: by themselves, or with their login's refresh token); refresh tokens
 * are looked up through the provider's own RefreshToken/Grant models.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';
import type Provider from 'oidc-provider';
import { userIdFor } from './account';
import { OKTA_MESSAGES } from './errors';
import { BodyTooLargeError, readForm, sendJson } from './http';

export interface IntrospectionContext {
  provider: Provider;
  issuer: string;
  audience: string;
  publicKey: CryptoKey | KeyObject;
  /** The login behind a stored account id (a user id), if the user exists. */
  loginFor(accountId: string): string | undefined;
  /** Whether a verified access token was revoked (lib/practice-server/revocation.ts). */
  isRevoked(payload: JWTPayload): Promise<boolean>;
}

const INACTIVE = { active: false } as const;
const MAX_BYTES = 16 * 1024;

/** Reads client credentials from Basic auth or the form (exactly one mechanism). */
export function readClientCredentials(
  authorization: string | undefined,
  form: URLSearchParams,
): { clientId: string; clientSecret: string } | { error: string } {
  const formSecret = form.get('client_secret');
  if (authorization) {
    if (formSecret) return { error: 'Client authentication must use only one mechanism.' };
    const [scheme, value = ''] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'basic') return { error: 'Unsupported authorization scheme.' };
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { error: 'Malformed Basic authorization header.' };
    try {
      // RFC 6749 §2.3.1: client_id and secret are form-urlencoded before Basic encoding.
      const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, '%20'));
      return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
    } catch {
      return { error: 'Malformed Basic authorization header.' };
    }
  }
  const clientId = form.get('client_id');
  if (clientId && formSecret) return { clientId, clientSecret: formSecret };
  return { error: 'Client authentication is required.' };
}

async function introspectAccessToken(ctx: IntrospectionContext, token: string, clientId: string): Promise<Record<string, unknown>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, ctx.publicKey, { issuer: ctx.issuer, audience: ctx.audience, algorithms: ['RS256'] }));
  } catch {
    return INACTIVE;
  }
  if (payload.cid !== clientId || (await ctx.isRevoked(payload))) return INACTIVE;
  return {
    active: true,
    scope: Array.isArray(payload.scp) ? payload.scp.join(' ') : undefined,
    username: payload.sub,
    exp: payload.exp,
    iat: payload.iat,
    sub: payload.sub,
    aud: payload.aud,
    iss: payload.iss,
    jti: payload.jti,
    token_type: 'Bearer',
    client_id: payload.cid,
    uid: payload.uid,
  };
}

async function introspectRefreshToken(ctx: IntrospectionContext, token: string, clientId: string): Promise<Record<string, unknown>> {
  const refreshToken = await ctx.provider.RefreshToken.find(token);
  if (!refreshToken || refreshToken.consumed || refreshToken.clientId !== clientId) return INACTIVE;
  // Revoking a refresh token (or reusing a rotated one) revokes its whole grant.
  const grant = refreshToken.grantId ? await ctx.provider.Grant.find(refreshToken.grantId) : undefined;
  if (!grant) return INACTIVE;
  const login = refreshToken.accountId ? ctx.loginFor(refreshToken.accountId) : undefined;
  if (!login) return INACTIVE;
  return {
    active: true,
    scope: refreshToken.scope,
    username: login,
    exp: refreshToken.exp,
    iat: refreshToken.iat,
    sub: login,
    aud: ctx.audience,
    iss: ctx.issuer,
    token_type: 'refresh_token',
    client_id: refreshToken.clientId,
    uid: userIdFor(login),
  };
}

/** POST /v1/introspect. */
export async function handleIntrospection(ctx: IntrospectionContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' }, { Allow: 'POST' });
    return;
  }
  let form: URLSearchParams;
  try {
    form = await readForm(req, MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendJson(res, 413, { error: 'invalid_request', error_description: 'The request body is too large.' });
      return;
    }
    throw error;
  }
  // RFC 6749 §5.2: a client that tried HTTP Basic gets a Basic challenge, saying what the body says.
  const refuseClient = (description: string) => {
    const challenge: Record<string, string> = req.headers.authorization
      ? { 'WWW-Authenticate': `Basic realm="${ctx.issuer}", error="invalid_client", error_description="${description}"` }
      : {};
    sendJson(res, 401, { error: 'invalid_client', error_description: description }, challenge);
  };
  const credentials = readClientCredentials(req.headers.authorization, form);
  if ('error' in credentials) {
    refuseClient(`${OKTA_MESSAGES.invalidClient} ${credentials.error}`);
    return;
  }
  const client = await ctx.provider.Client.find(credentials.clientId);
  if (!client || !(await client.compareClientSecret(credentials.clientSecret))) {
    refuseClient(OKTA_MESSAGES.invalidClient);
    return;
  }
  const token = form.get('token');
  if (!token) {
    sendJson(res, 400, { error: 'invalid_request', error_description: "The 'token' parameter is required." });
    return;
  }
  const body =
    token.split('.').length === 3
      ? await introspectAccessToken(ctx, token, client.clientId)
      : await introspectRefreshToken(ctx, token, client.clientId);
  sendJson(res, 200, body);
}
