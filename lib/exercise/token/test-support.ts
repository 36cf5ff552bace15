/**
 * Shared by the token response tests beside this file (imported only by them): the
 * practice server's issuer and keys, access tokens like its own (Okta-like claims) and
 * token endpoint responses as Okta prints them.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { beforeAll } from 'vitest';

import type { TokenCheckContext } from './context';
import type { CheckResult } from '../report';
import { mintOktaAccessToken, type SigningKey } from '../../../tests/support/okta-tokens';

export const NOW = new Date('2026-01-15T10:00:00Z');
export const NOW_S = NOW.getTime() / 1000;
export const ISSUER = 'http://localhost:3000/oauth2/default';
export const CLIENT_ID = '0oa1b2c3d4EXAMPLE';
export const REFRESH_TOKEN = 'hY6OEJqn4dbXr0Yb1ZbMZWGN2hC8K3fJ4Zx5Zt0Ykn8';

type Key = SigningKey;
/** The server's signing key, another key (a token re-signed elsewhere), and the server's JWKS. */
export let serverKey: Key;
export let otherKey: Key;
export let getKey: JWTVerifyGetKey;
/** A JWKS with the server's key (without kid) and an unrelated one: both match a kid-less token. */
export let twoKeysNoKid: JWTVerifyGetKey;

/** Makes the keys before the tests of the calling file run. */
export function prepareKeys(): void {
  beforeAll(async () => {
    const server = await generateKeyPair('RS256');
    serverKey = server.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    getKey = createLocalJWKSet({ keys: [{ ...(await exportJWK(server.publicKey)), kid: 'Xm2k9Q', alg: 'RS256', use: 'sig' }] });
  });

  beforeAll(async () => {
    const spare = await generateKeyPair('RS256');
    // The server's key listed second and without kid, next to an unrelated key: both match a kid-less token.
    const serverJwk = (getKey as unknown as { jwks: () => { keys: object[] } }).jwks().keys[0]!;
    const { kid: _kid, ...withoutKid } = serverJwk as { kid?: string };
    void _kid;
    twoKeysNoKid = createLocalJWKSet({ keys: [{ ...(await exportJWK(spare.publicKey)), alg: 'RS256' }, withoutKid] });
  });
}

/** An access token like the practice server's (Okta-like claims), with overrides; `undefined` removes a claim. */
export function mint(
  o: { claims?: Record<string, unknown>; kid?: string | null; key?: Key; iat?: number; jti?: string } = {},
): Promise<string> {
  return mintOktaAccessToken(o.key ?? serverKey, {
    issuer: ISSUER,
    clientId: CLIENT_ID,
    iat: o.iat ?? NOW_S - 60,
    jti: o.jti ?? 'AT.6bUu3KdI6YQIu0uWw2w4xGvPfJ6d',
    claims: o.claims,
    kid: o.kid,
  });
}

/** A token endpoint response as Okta prints it, pretty JSON; `undefined` removes a field. */
export async function respond(fields: Record<string, unknown> = {}, token?: Promise<string> | string): Promise<string> {
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_in: 3600,
    access_token: await (token ?? mint()),
    scope: 'offline_access api:read',
    refresh_token: REFRESH_TOKEN,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  return JSON.stringify(body, null, 2);
}

export const ctx = (o: Partial<TokenCheckContext> = {}): TokenCheckContext => ({
  issuer: ISSUER,
  clientId: CLIENT_ID,
  audience: 'api://default',
  now: NOW,
  getKey,
  practice: true,
  ...o,
});

export const codes = (results: CheckResult[]) =>
  results
    .filter((r) => r.status !== 'pass')
    .map((r) => `${r.status}:${r.code}`)
    .sort();
