/**
 * Shared by the ID token tests and the code examples (imported only by them): ID tokens like
 * the practice server's (Okta's claims) signed with token/test-support's keys, the context
 * of a learner who sent NONCE, and verdicts built from the lab's expected ones.
 */
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';

import { CLIENT_ID, getKey, ISSUER, NOW, NOW_S, serverKey } from '../token/test-support';
import type { CheckName, IdTokenContext, Verdict } from './validate';

export { CLIENT_ID, ISSUER, NOW, NOW_S, prepareKeys } from '../token/test-support';

export const NONCE = 'n-8f3Kq2LmZx7Vt1Rw';
export const KID = 'Xm2k9Q';

/** The claims of a good ID token; `undefined` in `changes` removes a claim. */
export function idClaims(changes: Record<string, unknown> = {}): JWTPayload {
  const claims: JWTPayload = {
    ver: 1,
    sub: '00u1a2b3c4EXAMPLE',
    name: 'Pat Learner',
    email: 'learner@example.com',
    iss: ISSUER,
    aud: CLIENT_ID,
    iat: NOW_S - 60,
    exp: NOW_S + 3540,
    jti: 'ID.k3Jd8sPq2Lm',
    amr: ['pwd'],
    idp: '00o1a2b3c4EXAMPLE',
    nonce: NONCE,
    auth_time: NOW_S - 90,
  };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

type Key = Parameters<SignJWT['sign']>[0];

/** An ID token signed RS256 with the server's key (or `key`), kid Xm2k9Q unless told. */
export function mintId(
  changes: Record<string, unknown> = {},
  o: { key?: Key; kid?: string | null; alg?: string; header?: Record<string, unknown> } = {},
): Promise<string> {
  const kid = o.kid === undefined ? KID : o.kid;
  return new SignJWT(idClaims(changes))
    .setProtectedHeader({ alg: o.alg ?? 'RS256', ...(kid ? { kid } : {}), ...o.header })
    .sign(o.key ?? serverKey);
}

/** The same claims, not signed at all (alg none). */
export const unsigned = (changes: Record<string, unknown> = {}) => new UnsecuredJWT(idClaims(changes)).encode();

export const idCtx = (o: Partial<IdTokenContext> = {}): IdTokenContext => ({
  issuer: ISSUER,
  clientId: CLIENT_ID,
  nonce: NONCE,
  now: NOW,
  getKey,
  ...o,
});

/** Verdicts: every check valid, with some changed; `undefined` leaves a check without a verdict. */
export function verdicts(changes: Partial<Record<CheckName, Verdict | undefined>> = {}): Partial<Record<CheckName, 'valid' | 'invalid'>> {
  const all: Partial<Record<CheckName, Verdict | undefined>> = {
    signature: 'valid',
    iss: 'valid',
    aud: 'valid',
    exp: 'valid',
    iat: 'valid',
    nonce: 'valid',
    azp: 'valid',
    ...changes,
  };
  const out: Partial<Record<CheckName, 'valid' | 'invalid'>> = {};
  for (const [check, verdict] of Object.entries(all)) if (verdict === 'valid' || verdict === 'invalid') out[check as CheckName] = verdict;
  return out;
}
