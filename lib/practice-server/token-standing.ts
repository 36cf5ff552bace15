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

/** What the practice server stored about an authorization code it issued (issue 19, class 7): times, scopes, challenge — never the code. */
export interface PracticeCodeIssue {
  /** Epoch seconds. */
  issuedAt: number;
  /** Epoch seconds. */
  expiresAt: number;
  scopes: string[] | null;
  codeChallenge: string | null;
  clientId: string | null;
}

/**
 * An authorization code's stored record, found by the exercise's fingerprint of it (SHA-256
 * hex; the adapter keeps the same hash in base64url). Null when there is none: never issued
 * here, or already swept (expired rows go within minutes of their expiry), so the redirect
 * step reads it while the code is fresh.
 */
export async function practiceCodeIssue(db: DB, codeFingerprint: string): Promise<PracticeCodeIssue | null> {
  if (!/^[0-9a-f]{64}$/.test(codeFingerprint)) return null;
  const row = await db
    .selectFrom('oidc_payloads')
    .select(['payload', 'expires_at'])
    .where('model', '=', 'AuthorizationCode')
    .where('id', '=', Buffer.from(codeFingerprint, 'hex').toString('base64url'))
    .executeTakeFirst();
  if (!row) return null;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    return null;
  }
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : null;
  const expiresAt = typeof payload.exp === 'number' ? payload.exp : row.expires_at === null ? null : Number(row.expires_at);
  if (issuedAt === null || expiresAt === null) return null;
  return {
    issuedAt,
    expiresAt,
    scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : null,
    codeChallenge: typeof payload.codeChallenge === 'string' ? payload.codeChallenge : null,
    clientId: typeof payload.clientId === 'string' ? payload.clientId : null,
  };
}
