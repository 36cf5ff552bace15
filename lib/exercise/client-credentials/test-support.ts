/**
 * Shared by the client credentials tests and code examples (imported only by them): the
 * practice server's service app, its tokens (Okta's claims: sub = cid = the app, no uid),
 * and the tokens of Auth0, Keycloak and a generic server for the same app, signed with the
 * test key of token/test-support.ts.
 */
import { SignJWT, type JWTPayload } from 'jose';

import type { ClientCredentialsContext } from './check';
import { CLIENT_ID as WEB_CLIENT_ID, getKey, ISSUER, mint, NOW, NOW_S, serverKey } from '../token/test-support';

export { WEB_CLIENT_ID };
export const SERVICE_ID = '0oa7SERVICEk4pZ9x5d7';
export const SERVICE_SECRET = 'Zk3vQ9sT1-wX_5yB8nM2pL6rD4fH0jGcVbEaKuYi';
export const TOKEN_ENDPOINT = `${ISSUER}/v1/token`;

/** The practice server's client credentials token for the service app; `undefined` removes a claim. */
export const serviceToken = (claims: Record<string, unknown> = {}, o: { iat?: number; jti?: string } = {}) =>
  mint({
    iat: o.iat,
    jti: o.jti ?? 'AT.cc-4Hq8Zt2Lm0Rw',
    claims: { cid: SERVICE_ID, sub: SERVICE_ID, uid: undefined, scp: ['api:read'], ...claims },
  });

/** A client credentials response as Okta prints it (no refresh token, no ID token); `undefined` removes a field. */
export async function ccRespond(fields: Record<string, unknown> = {}, token?: Promise<string> | string): Promise<string> {
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_in: 3600,
    access_token: await (token ?? serviceToken()),
    scope: 'api:read',
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  return JSON.stringify(body);
}

export const ccCtx = (o: Partial<ClientCredentialsContext> = {}): ClientCredentialsContext => ({
  issuer: ISSUER,
  audience: 'api://default',
  tokenEndpoint: TOKEN_ENDPOINT,
  clientId: SERVICE_ID,
  otherClientIds: { web: WEB_CLIENT_ID },
  getKey,
  now: NOW,
  practice: true,
  ...o,
});

/** A token signed with the test key for another provider's claims. */
export const signed = (claims: JWTPayload, kid = 'Xm2k9Q') =>
  new SignJWT({ iat: NOW_S - 60, exp: NOW_S + 3540, ...claims }).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(serverKey);

export const AUTH0_ISSUER = 'https://dev-abc123.us.auth0.com/';
export const AUTH0_CLIENT = 'Hq3kZ8vN2pX7tR1mL5wB9yC4dF6gJ0sA';
/** Auth0: sub "<client>@clients", azp the client, gty client-credentials, scope (no scp). */
export const auth0Token = (claims: JWTPayload = {}) =>
  signed({
    iss: AUTH0_ISSUER,
    sub: `${AUTH0_CLIENT}@clients`,
    aud: 'https://api.example.com',
    azp: AUTH0_CLIENT,
    scope: 'read:photos',
    gty: 'client-credentials',
    ...claims,
  });

export const KEYCLOAK_ISSUER = 'https://sso.example.com/realms/lab';
export const KEYCLOAK_CLIENT = 'photo-service';
/** Keycloak: sub the service account's UUID, azp the client, preferred_username service-account-<client>. */
export const keycloakToken = (claims: JWTPayload = {}) =>
  signed({
    iss: KEYCLOAK_ISSUER,
    sub: '5b2f6a64-1d3c-4f0e-9c3a-2a7e3d9b8c11',
    typ: 'Bearer',
    azp: KEYCLOAK_CLIENT,
    preferred_username: `service-account-${KEYCLOAK_CLIENT}`,
    scope: 'api:read profile email',
    clientHost: '192.0.2.10',
    jti: 'onrtcc:1b9e6c0e-7b4c-4a43-8f1f-0f1f9f0c2d3e',
    ...claims,
  });

export const GENERIC_ISSUER = 'https://auth.example.org';
export const GENERIC_CLIENT = 's6BhdRkqt3';
/** RFC 9068: sub and client_id the client. */
export const genericToken = (claims: JWTPayload = {}) =>
  signed({
    iss: GENERIC_ISSUER,
    sub: GENERIC_CLIENT,
    client_id: GENERIC_CLIENT,
    aud: 'https://rs.example.org',
    scope: 'photos.read',
    jti: 'g-1',
    ...claims,
  });
