/**
 * Diagnosis codes: judging an ID token (the `id-token` check kind, OpenID Connect). The
 * learner states a verdict for each validation check; a code says where their verdict and
 * the lab's own validation (lib/exercise/id-token) disagree. A fault code (`id_token.expired`,
 * …) means the learner would accept a token a client must reject. See ./index.ts.
 */
import { code, type CodeInfo } from './code-info';

const ID: ['id-token'] = ['id-token'];

export const ID_TOKEN_CODES = {
  'id_token.not_a_jwt': code(
    ID,
    ['fail'],
    'The pasted text is not an ID token (not three base64url parts, or its parts do not decode).',
    'Pasting the whole token response, a token cut while copying, or nothing at all.',
  ),
  'id_token.is_access_token': code(
    ID,
    ['fail'],
    'The pasted JWT is an access token (cid, scp or typ at+jwt, no nonce), not the ID token.',
    'Copying access_token instead of id_token from the token response.',
  ),
  'id_token.verdict_missing': code(
    ID,
    ['fail'],
    'No verdict was given for a check.',
    'Skipping a check that looked obvious, often nonce or azp.',
  ),
  'id_token.verdict_wrong': code(
    ID,
    ['fail'],
    'A check the token passes was called invalid.',
    'Comparing aud with the issuer, reading exp in milliseconds, or forgetting the clock skew.',
  ),
  'id_token.alg_none': code(
    ID,
    ['fail'],
    'An unsigned token (alg none) was called validly signed.',
    'Trusting a token because its claims decode (jwt.io shows them) without verifying a signature.',
  ),
  'id_token.symmetric_alg': code(
    ID,
    ['fail'],
    'A token signed with a shared secret (HS256) was called validly signed.',
    'Verifying with whatever alg the header names: the public key used as an HMAC secret (key confusion).',
  ),
  'id_token.unknown_key': code(
    ID,
    ['fail'],
    "A token signed with a key that is not in the server's JWKS was called validly signed.",
    'Not looking the kid up in the JWKS, or trusting any well-formed signature.',
  ),
  'id_token.signature_invalid': code(
    ID,
    ['fail'],
    "A token whose signature does not verify with the server's key was called validly signed.",
    'Trusting a matching kid, or a decoder that shows the claims, instead of verifying.',
  ),
  'id_token.keys_unavailable': code(
    ID,
    ['warn'],
    "The server's keys could not be loaded, so the lab could not check the signature.",
    'The JWKS endpoint was down or unreachable when the check ran.',
  ),
  'id_token.claim_missing': code(
    ID,
    ['fail'],
    'A token without a claim every ID token must have (iss, aud, exp, iat), or with one that is no time, was called valid.',
    'Checking a claim only when it is there.',
  ),
  'id_token.wrong_issuer': code(
    ID,
    ['fail'],
    'A token from another issuer was called valid.',
    'Skipping iss because the signature verified, or comparing issuers loosely (trailing slash).',
  ),
  'id_token.wrong_audience': code(
    ID,
    ['fail'],
    'A token for another app (aud is not the client id) was called valid.',
    'Comparing aud with the issuer or an API audience, or not checking it at all.',
  ),
  'id_token.expired': code(ID, ['fail'], 'An expired token was called valid.', 'Calling a token valid because it decoded fine.'),
  'id_token.issued_in_future': code(
    ID,
    ['fail'],
    'A token issued in the future, beyond the clock skew, was called valid.',
    'Checking exp only, never iat.',
  ),
  'id_token.nonce_missing': code(
    ID,
    ['fail'],
    'A token without a nonce was called valid although a nonce was sent.',
    'Checking the nonce only when the token has one.',
  ),
  'id_token.nonce_mismatch': code(
    ID,
    ['fail'],
    'A token whose nonce is not the one sent was called valid.',
    'Forgetting the nonce, or comparing it with the state.',
  ),
  'id_token.azp_mismatch': code(
    ID,
    ['fail'],
    'A token whose azp names another app, or one for several audiences without azp, was called valid.',
    'Ignoring azp because aud already matched.',
  ),
} as const satisfies Record<string, CodeInfo>;
