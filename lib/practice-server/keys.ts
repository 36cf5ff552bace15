/**
 * The practice server's signing key: one RS256 pair generated on first start and kept in
 * the `settings` table, so tokens stay verifiable across restarts.
 *
 * This module must not import oidc-provider: Next route handlers (the exercise checks)
 * import it to verify practice tokens without loading the provider.
 */
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTVerifyGetKey } from 'jose';
import type { DB } from '../db/client';
import { getOrCreateSetting } from '../db/settings';

/** The `settings` key holding the private JWK (JSON). */
export const SIGNING_KEY_SETTING = 'practice_signing_jwk';

/** Members of an RSA private JWK that must never leave the server. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export type PrivateSigningJwk = JWK & { kid: string; alg: 'RS256'; use: 'sig' };

async function generateSigningJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return JSON.stringify({ ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' });
}

/** The private signing JWK, generated and stored on first call (first writer wins). */
export async function getOrCreateSigningKey(db: DB): Promise<PrivateSigningJwk> {
  const stored = await getOrCreateSetting(db, SIGNING_KEY_SETTING, generateSigningJwk);
  return JSON.parse(stored) as PrivateSigningJwk;
}

/** Strips every private member from a JWK. */
export function toPublicJwk(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete copy[member];
  return copy as JWK;
}

/**
 * The practice server's public JWK Set (what `/oauth2/default/v1/keys` serves).
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export async function getPracticePublicJwks(db: DB): Promise<{ keys: JWK[] }> {
  return { keys: [toPublicJwk(await getOrCreateSigningKey(db))] };
}

// The public keys only change with the database: one resolver per database client, so
// verifying a practice token does no database work on the check API's hot path.
const resolvers = new WeakMap<DB, Promise<JWTVerifyGetKey>>();

/** A `jwtVerify` key resolver for the practice server's tokens. */
export function getPracticeKeyResolver(db: DB): Promise<JWTVerifyGetKey> {
  let resolver = resolvers.get(db);
  if (!resolver) {
    resolver = getPracticePublicJwks(db).then((jwks) => createLocalJWKSet(jwks));
    resolvers.set(db, resolver);
  }
  return resolver;
}
