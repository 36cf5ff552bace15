/**
 * Revocation as on an Okta org (issue 18): `/v1/revoke` answers 200 for any token of an
 * authenticated client, and a revoked access token — or any access token of a login whose
 * refresh token was revoked — is inactive at `/v1/introspect` and `/v1/userinfo`.
 *
 * The access tokens are JWTs that are never stored, so a revoked one is remembered by its
 * `jti` on a deny-list in the database (shared by every instance) until it expires. Refresh
 * tokens stay oidc-provider's: revoking one destroys its grant, and an access token whose
 * grant is gone is inactive too.
 * @see docs/decisions/011-revocation-deny-list.md
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
import { jwtVerify, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';
import type Provider from 'oidc-provider';
import type { DB } from '../db/client';
import { denyAccessToken, findAccessTokenStanding } from '../db/revoked-access-tokens';

export interface AccessTokenRevocation {
  /**
   * Revokes a JWT access token that the server issued to `clientId` (the authenticated
   * caller). Anything else — not a JWT, forged, expired, another client's — is left alone:
   * the caller is answered 200 all the same, so it learns nothing about the token.
   */
  revoke(token: string, clientId: string): Promise<void>;
  /** Whether a verified access token was revoked, by itself or with its login's grant. */
  isRevoked(payload: JWTPayload): Promise<boolean>;
}

export interface RevocationContext {
  db: DB;
  provider: Provider;
  issuer: string;
  audience: string;
  publicKey: CryptoKey | KeyObject;
}

export function createAccessTokenRevocation({ db, provider, issuer, audience, publicKey }: RevocationContext): AccessTokenRevocation {
  return {
    async revoke(token, clientId) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, publicKey, { issuer, audience, algorithms: ['RS256'] }));
      } catch {
        return;
      }
      // Okta: "A client may only revoke its own tokens."
      if (payload.cid !== clientId || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return;
      await denyAccessToken(db, { jti: payload.jti, clientId, revokedAt: Math.floor(Date.now() / 1000), expiresAt: payload.exp });
    },

    async isRevoked(payload) {
      if (typeof payload.jti !== 'string') return true;
      const { denied, grantId } = await findAccessTokenStanding(db, payload.jti);
      if (denied) return true;
      // Revoking a refresh token, reusing a rotated one or replaying a code destroys the
      // login's grant; the grant is known from the token's origin, recorded at issuance.
      // Client credentials tokens have no grant.
      return grantId !== null && !(await provider.Grant.find(grantId));
    },
  };
}
