/**
 * The deliberately bad token set of the OpenID Connect exercise's last step: ID tokens like
 * the practice server's (Okta's claims), each with exactly one fault, and one good token,
 * for the learner to judge check by check. Made with the practice server's signing key, and
 * with a foreign key for the one signed by another key (same kid: only the signature tells).
 */
import { SignJWT, UnsecuredJWT, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';

import type { DiagnosisCode } from '../codes';
import type { CheckName, Verdict } from './validate';

export type BadTokenId = 'good' | 'wrong_audience' | 'expired' | 'wrong_nonce' | 'alg_none' | 'other_key' | 'other_issuer';

export interface BadToken {
  id: BadTokenId;
  /** The one fault, in a sentence for the instructor and the answer page; null for the good token. */
  fault: string | null;
  /** The compact JWT: a token made for this exercise, never valid anywhere else. */
  token: string;
  /** The lab's verdict for each check, in validation order. */
  expected: Record<CheckName, Verdict>;
  /** The code a learner who calls the faulty check valid gets; null for the good token. */
  code: DiagnosisCode | null;
}

export interface BadTokenSetInput {
  issuer: string;
  clientId: string;
  /** The nonce the learner sent; every token but the wrong-nonce one carries it. */
  nonce: string;
  now: Date;
  signingKey: { key: CryptoKey | KeyObject; kid: string };
  /** A key the server never published. */
  foreignKey: CryptoKey | KeyObject;
}

/** Another app's client id and another server's issuer, as the faulty tokens carry them. */
export const OTHER_CLIENT_ID = '0oaOTHERAPP9z8y7x6w5';
export const OTHER_ISSUER = 'https://login.other-idp.example.com/oauth2/default';

const GOOD: Record<CheckName, Verdict> = {
  signature: 'valid',
  iss: 'valid',
  aud: 'valid',
  exp: 'valid',
  iat: 'valid',
  nonce: 'valid',
  azp: 'not_applicable',
};

/** The set, in a fixed order (the page may shuffle it): the good token first. */
export async function makeBadTokenSet(input: BadTokenSetInput): Promise<BadToken[]> {
  const now = Math.floor(input.now.getTime() / 1000);
  const claims = (id: string, changes: JWTPayload = {}): JWTPayload => ({
    ver: 1,
    sub: '00u1a2b3c4EXAMPLE',
    name: 'Pat Learner',
    email: 'learner@example.com',
    preferred_username: 'learner@example.com',
    iss: input.issuer,
    aud: input.clientId,
    iat: now - 60,
    exp: now - 60 + 3600,
    jti: `ID.${id}`,
    amr: ['pwd'],
    idp: '00o1a2b3c4EXAMPLE',
    nonce: input.nonce,
    auth_time: now - 90,
    ...changes,
  });
  const sign = (payload: JWTPayload, key: CryptoKey | KeyObject = input.signingKey.key) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: input.signingKey.kid }).sign(key);
  const expected = (check: CheckName | null): Record<CheckName, Verdict> => (check ? { ...GOOD, [check]: 'invalid' } : { ...GOOD });

  return [
    { id: 'good', fault: null, token: await sign(claims('good-4Gk2')), expected: expected(null), code: null },
    {
      id: 'wrong_audience',
      fault: `Issued to another app: aud is ${OTHER_CLIENT_ID}, not your client id.`,
      token: await sign(claims('aud-7Hq1', { aud: OTHER_CLIENT_ID })),
      expected: expected('aud'),
      code: 'id_token.wrong_audience',
    },
    {
      id: 'expired',
      fault: 'Expired an hour ago (exp), though it decodes and verifies fine.',
      token: await sign(claims('exp-2Lm8', { iat: now - 7200, exp: now - 3600, auth_time: now - 7230 })),
      expected: expected('exp'),
      code: 'id_token.expired',
    },
    {
      id: 'wrong_nonce',
      fault: 'Answers another login: its nonce is not the one you sent.',
      token: await sign(claims('nonce-9Pd3', { nonce: 'n-0ther-L0gin-5vXq2Rt8' })),
      expected: expected('nonce'),
      code: 'id_token.nonce_mismatch',
    },
    {
      id: 'alg_none',
      fault: 'Not signed at all (alg none): anyone could have written it.',
      token: new UnsecuredJWT(claims('none-3Wz6')).encode(),
      expected: expected('signature'),
      code: 'id_token.alg_none',
    },
    {
      id: 'other_key',
      fault: "Signed by a key the server never published, under the server's own kid.",
      token: await sign(claims('key-8Nc5'), input.foreignKey),
      expected: expected('signature'),
      code: 'id_token.signature_invalid',
    },
    {
      id: 'other_issuer',
      fault: `Issued by another server: iss is ${OTHER_ISSUER}.`,
      token: await sign(claims('iss-1Rv7', { iss: OTHER_ISSUER })),
      expected: expected('iss'),
      code: 'id_token.wrong_issuer',
    },
  ];
}
