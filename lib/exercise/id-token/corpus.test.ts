/**
 * Realistic learner mistakes: a token, the verdicts a learner would plausibly state, and the
 * code and key phrase of the lab's answer.
 */
import { describe, expect, it } from 'vitest';

import { mint, otherKey } from '../token/test-support';
import { checkIdTokenVerdicts } from './judge';
import { idClaims, idCtx, ISSUER, mintId, NONCE, NOW_S, prepareKeys, unsigned, verdicts } from './test-support';
import type { CheckName, IdTokenContext, Verdict } from './validate';

prepareKeys();

interface Mistake {
  name: string;
  token: () => string | Promise<string>;
  judged?: Partial<Record<CheckName, Verdict | undefined>>;
  ctx?: Partial<IdTokenContext>;
  code: string;
  phrase: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const STATE = 'q8Xk2LmP9sTwZr4v';

const MISTAKES: Mistake[] = [
  {
    name: 'calls an expired token valid because it decoded fine',
    token: () => mintId({ iat: NOW_S - 7200, exp: NOW_S - 3600 }),
    code: 'id_token.expired',
    phrase: 'A token that decodes fine can still be expired',
  },
  {
    name: 'trusts an unsigned token because jwt.io shows the claims',
    token: () => unsigned(),
    code: 'id_token.alg_none',
    phrase: 'unsigned token',
  },
  {
    name: 'compares aud with the issuer and calls a good aud invalid',
    token: () => mintId(),
    judged: { aud: 'invalid' },
    code: 'id_token.verdict_wrong',
    phrase: 'not the issuer',
  },
  {
    name: 'accepts a token whose aud is the issuer',
    token: () => mintId({ aud: ISSUER }),
    code: 'id_token.wrong_audience',
    phrase: 'not with the issuer',
  },
  {
    name: 'forgets the nonce: accepts a token from another login',
    token: () => mintId({ nonce: 'n-0ther-L0gin' }),
    code: 'id_token.nonce_mismatch',
    phrase: 'a token from another login',
  },
  {
    name: 'gives no nonce verdict at all',
    token: () => mintId(),
    judged: { nonce: undefined },
    code: 'id_token.verdict_missing',
    phrase: 'You gave no verdict for nonce',
  },
  {
    name: 'calls a missing nonce fine ("nothing to compare")',
    token: () => mintId({ nonce: undefined }),
    code: 'id_token.nonce_missing',
    phrase: 'the token has none',
  },
  {
    name: 'compares the nonce with the state',
    token: () => mintId({ nonce: STATE }),
    code: 'id_token.nonce_mismatch',
    phrase: `you sent "${NONCE}"`,
  },
  {
    name: 'reads exp as milliseconds and calls a fresh token expired',
    token: () => mintId(),
    judged: { exp: 'invalid' },
    code: 'id_token.verdict_wrong',
    phrase: 'not milliseconds',
  },
  {
    name: 'allows no clock skew: a token expired 30 s ago called invalid',
    token: () => mintId({ exp: NOW_S - 30 }),
    judged: { exp: 'invalid' },
    code: 'id_token.verdict_wrong',
    phrase: 'within the clock skew',
  },
  {
    name: 'trusts the matching kid of a token signed by another key',
    token: () => mintId({}, { key: otherKey }),
    code: 'id_token.signature_invalid',
    phrase: 'A matching kid proves nothing',
  },
  {
    name: 'lets the header pick HS256 and verifies with a secret',
    token: () => mintId({}, { alg: 'HS256', key: new TextEncoder().encode('my-client-secret-which-is-32-bytes!!') }),
    code: 'id_token.symmetric_alg',
    phrase: 'key confusion',
  },
  {
    name: 'accepts a signature by a key not in the JWKS',
    token: () => mintId({}, { key: otherKey, kid: 'k2-other-tenant' }),
    code: 'id_token.unknown_key',
    phrase: "not in the server's JWKS",
  },
  {
    name: 'accepts an issuer with a trailing slash',
    token: () => mintId({ iss: `${ISSUER}/` }),
    code: 'id_token.wrong_issuer',
    phrase: 'trailing slash',
  },
  {
    name: 'skips iss because the signature verified (mix-up)',
    token: () => mintId({ iss: 'https://login.other-idp.example.com/oauth2/default' }),
    code: 'id_token.wrong_issuer',
    phrase: 'mix-up',
  },
  {
    name: "accepts the Okta org server's issuer for the custom one",
    token: () => mintId({ iss: 'http://localhost:3000' }),
    code: 'id_token.wrong_issuer',
    phrase: 'a token from another server',
  },
  {
    name: 'ignores azp because aud matched',
    token: () => mintId({ azp: '0oaOTHERAPP9z8y7x6w5' }),
    code: 'id_token.azp_mismatch',
    phrase: 'azp names another app',
  },
  {
    name: 'accepts several audiences without azp',
    token: () => mintId({ aud: ['0oa1b2c3d4EXAMPLE', '0oaOTHERAPP9z8y7x6w5'] }),
    code: 'id_token.azp_mismatch',
    phrase: 'several audiences',
  },
  {
    name: 'checks exp only, never iat (a token from the future)',
    token: () => mintId({ iat: NOW_S + 3600, exp: NOW_S + 7200 }),
    code: 'id_token.issued_in_future',
    phrase: 'issued in the future',
  },
  {
    name: 'calls iat a minute ahead invalid (no skew)',
    token: () => mintId({ iat: NOW_S + 60 }),
    judged: { iat: 'invalid' },
    code: 'id_token.verdict_wrong',
    phrase: 'within the clock skew',
  },
  {
    name: 'calls a token without exp valid ("it never expires")',
    token: () => mintId({ exp: undefined }),
    code: 'id_token.claim_missing',
    phrase: 'no exp claim',
  },
  {
    name: 'accepts exp written as a date string',
    token: () => mintId({ exp: '2026-01-15T11:00:00Z' }),
    code: 'id_token.claim_missing',
    phrase: 'no time a token can have',
  },
  { name: 'accepts a token without iss', token: () => mintId({ iss: undefined }), code: 'id_token.claim_missing', phrase: 'no iss claim' },
  {
    name: 'pastes the access token instead of the ID token',
    token: () => mint(),
    code: 'id_token.is_access_token',
    phrase: 'access token, not the ID token',
  },
  {
    name: 'pastes the whole token response',
    token: async () => JSON.stringify({ token_type: 'Bearer', id_token: await mintId() }),
    code: 'id_token.not_a_jwt',
    phrase: 'paste only the value of its id_token field',
  },
  {
    name: 'pastes the token as a console shortened it',
    token: async () => `${(await mintId()).slice(0, 40)}…`,
    code: 'id_token.not_a_jwt',
    phrase: 'shortened',
  },
  {
    name: 'pastes it with "Bearer " in front',
    token: async () => `Bearer ${await mintId()}`,
    code: 'id_token.not_a_jwt',
    phrase: 'characters a JWT never has',
  },
  {
    name: 'copies only the header and the claims',
    token: async () => (await mintId()).split('.').slice(0, 2).join('.'),
    code: 'id_token.not_a_jwt',
    phrase: 'has 2 parts',
  },
  {
    name: 'edits sub on jwt.io and still calls the signature valid',
    token: async () => {
      const [h, , s] = (await mintId()).split('.');
      return `${h}.${b64(idClaims({ sub: 'admin' }))}.${s}`;
    },
    code: 'id_token.signature_invalid',
    phrase: 'changed after signing',
  },
  {
    name: 'accepts a signature that lost characters when copied',
    token: async () => (await mintId()).slice(0, -6),
    code: 'id_token.signature_invalid',
    phrase: 'signature does not verify',
  },
  {
    name: 'skips the signature ("back channel, no need")',
    token: () => mintId({}, { key: otherKey }),
    judged: { signature: undefined },
    code: 'id_token.verdict_missing',
    phrase: 'must be rejected whatever else holds',
  },
  {
    name: 'compares aud with the API audience',
    token: () => mintId({ aud: 'api://default' }),
    code: 'id_token.wrong_audience',
    phrase: 'a token for another app',
  },
  {
    name: 'calls an RS256 signature invalid (expected the client secret)',
    token: () => mintId(),
    judged: { signature: 'invalid' },
    code: 'id_token.verdict_wrong',
    phrase: 'that is what a valid signature is',
  },
  {
    name: 'calls an exact issuer invalid',
    token: () => mintId(),
    judged: { iss: 'invalid' },
    code: 'id_token.verdict_wrong',
    phrase: 'equals your issuer exactly',
  },
  {
    name: 'calls a token for another app valid',
    token: () => mintId({ aud: '0oaOTHER' }),
    code: 'id_token.wrong_audience',
    phrase: 'aud is "0oaOTHER", your client id is "0oa1b2c3d4EXAMPLE"',
  },
  {
    name: 'accepts a token with alg "none" and a leftover signature',
    token: async () => {
      const [, p, s] = (await mintId()).split('.');
      return `${b64({ alg: 'none' })}.${p}.${s}`;
    },
    code: 'id_token.alg_none',
    phrase: 'not signed at all',
  },
];

describe('ID token: realistic learner mistakes', () => {
  it('has at least 30', () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MISTAKES)('$name → $code', async ({ token, judged, ctx, code, phrase }) => {
    const report = await checkIdTokenVerdicts({ token: await token(), verdicts: verdicts(judged) }, idCtx(ctx));
    expect(report.status).toBe('fail');
    const hit = report.results.find((r) => r.code === code);
    expect(hit, JSON.stringify(report.results.map((r) => r.code ?? r.status))).toBeDefined();
    expect(`${hit!.message} ${hit!.hint}`).toContain(phrase);
  });
});
