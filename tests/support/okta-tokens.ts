import { SignJWT, type generateKeyPair, type JWTPayload } from 'jose';

export type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * Signs an access token with the practice server's (Okta-like) claims, for unit tests of
 * the token checks. `claims` overrides or, with `undefined`, removes a claim; `kid: null`
 * leaves the key id out of the header.
 */
export function mintOktaAccessToken(
  key: SigningKey,
  o: { issuer: string; clientId: string; iat: number; jti: string; claims?: Record<string, unknown>; kid?: string | null },
): Promise<string> {
  const claims: JWTPayload = {
    ver: 1,
    jti: o.jti,
    iss: o.issuer,
    aud: 'api://default',
    iat: o.iat,
    exp: o.iat + 3600,
    cid: o.clientId,
    uid: '00u1a2b3c4EXAMPLE',
    scp: ['offline_access', 'api:read'],
    sub: 'learner@example.com',
  };
  for (const [name, value] of Object.entries(o.claims ?? {})) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  const kid = o.kid === undefined ? 'Xm2k9Q' : o.kid;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) }).sign(key);
}
