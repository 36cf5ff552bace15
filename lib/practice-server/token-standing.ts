/**
 * What the practice server's records say about a refresh token a learner pasted (issue 20,
 * item 1): whether it still exists. Revoking a grant (a code sent twice, a rotated token
 * reused, a revocation) deletes its refresh tokens, so a missing row is a dead token. Read by
 * its hash, as the adapter stores it: the token itself is never stored or logged.
 */
import type { DB } from '../db/client';
import { hashId } from './adapter';

/** true: the server still holds it (possibly consumed by a rotation); false: revoked or never issued here. */
export async function practiceRefreshTokenExists(db: DB, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('oidc_payloads')
    .select('id')
    .where('model', '=', 'RefreshToken')
    .where('id', '=', hashId(token))
    .executeTakeFirst();
  return row !== undefined;
}
