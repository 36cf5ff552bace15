import type { DB } from './client';

/** A revoked practice access token: its id, never the token. */
export interface AccessTokenDenial {
  jti: string;
  clientId: string;
  /** Epoch seconds. */
  revokedAt: number;
  /** The token's `exp` (epoch seconds): the row matters until then. */
  expiresAt: number;
}

/** Puts an access token's `jti` on the deny-list; revoking it again changes nothing. */
export async function denyAccessToken(db: DB, denial: AccessTokenDenial): Promise<void> {
  await db
    .insertInto('practice_revoked_access_tokens')
    .values({ jti: denial.jti, client_id: denial.clientId, revoked_at: denial.revokedAt, expires_at: denial.expiresAt })
    .onConflict((oc) => oc.column('jti').doNothing())
    .execute();
}

/**
 * What the database says about an access token, by its `jti`: whether it was revoked, and
 * the grant (the login) it was issued under, from its token origin — null for a client
 * credentials token, or one the server has no record of.
 */
export async function findAccessTokenStanding(db: DB, jti: string): Promise<{ denied: boolean; grantId: string | null }> {
  const [denied, origin] = await Promise.all([
    db.selectFrom('practice_revoked_access_tokens').select('jti').where('jti', '=', jti).executeTakeFirst(),
    db.selectFrom('practice_token_origins').select('grant_id').where('jti', '=', jti).executeTakeFirst(),
  ]);
  return { denied: denied !== undefined, grantId: origin?.grant_id ?? null };
}

/** Deletes the denials of tokens that expired before `nowSeconds`. Returns how many went. */
export async function deleteExpiredAccessTokenDenials(db: DB, nowSeconds: number): Promise<number> {
  const result = await db.deleteFrom('practice_revoked_access_tokens').where('expires_at', '<', nowSeconds).executeTakeFirst();
  return Number(result.numDeletedRows);
}
