import { beforeAll, describe, expect, it } from 'vitest';

import { otherKey, serverKey } from '../token/test-support';
import { makeBadTokenSet, OTHER_ISSUER, type BadToken } from './bad-tokens';
import { checkIdTokenVerdicts } from './judge';
import { CLIENT_ID, idCtx, ISSUER, NONCE, NOW, prepareKeys, verdicts } from './test-support';
import { inspectIdToken, validateIdToken } from './validate';

prepareKeys();

let set: BadToken[];
beforeAll(async () => {
  set = await makeBadTokenSet({
    issuer: ISSUER,
    clientId: CLIENT_ID,
    nonce: NONCE,
    now: NOW,
    signingKey: { key: serverKey, kid: 'Xm2k9Q' },
    foreignKey: otherKey,
  });
});

describe('makeBadTokenSet', () => {
  it('has the good token and the six faults, in a fixed order', () => {
    expect(set.map((t) => t.id)).toEqual(['good', 'wrong_audience', 'expired', 'wrong_nonce', 'alg_none', 'other_key', 'other_issuer']);
  });

  it('each token has exactly one invalid check (none for the good one), and its code', () => {
    for (const token of set) {
      const invalid = Object.entries(token.expected).filter(([, v]) => v === 'invalid');
      expect(invalid.length, token.id).toBe(token.id === 'good' ? 0 : 1);
      expect(token.code === null, token.id).toBe(token.id === 'good');
      expect(token.fault === null, token.id).toBe(token.id === 'good');
    }
  });

  it("the lab's validation agrees with each token's expected verdicts", async () => {
    for (const token of set) {
      const outcomes = await validateIdToken(token.token, idCtx());
      expect(Object.fromEntries(outcomes.map((o) => [o.check, o.verdict])), token.id).toEqual(token.expected);
    }
  });

  it('every token reads as an ID token (none looks like an access token)', () => {
    for (const token of set) expect(inspectIdToken(token.token).kind, token.id).toBe('jwt');
  });

  it('the other-key token keeps the server kid; the other-issuer one names the other server', () => {
    const header = (t: BadToken) => JSON.parse(Buffer.from(t.token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    const claims = (t: BadToken) => JSON.parse(Buffer.from(t.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header(set.find((t) => t.id === 'other_key')!).kid).toBe('Xm2k9Q');
    expect(header(set.find((t) => t.id === 'alg_none')!).alg).toBe('none');
    expect(claims(set.find((t) => t.id === 'other_issuer')!).iss).toBe(OTHER_ISSUER);
  });

  it('a learner stating the expected verdicts passes every token', async () => {
    for (const token of set) {
      const judged = Object.fromEntries(Object.entries(token.expected).filter(([, v]) => v !== 'not_applicable'));
      const report = await checkIdTokenVerdicts({ token: token.token, verdicts: judged }, idCtx());
      expect(report.status, token.id).toBe('pass');
      expect(report.accepted, token.id).toBe(token.id === 'good');
    }
  });

  it('a learner calling everything valid gets each faulty token its code', async () => {
    for (const token of set.filter((t) => t.code !== null)) {
      const report = await checkIdTokenVerdicts({ token: token.token, verdicts: verdicts() }, idCtx());
      expect(report.results.map((r) => r.code).filter(Boolean), token.id).toEqual([token.code]);
    }
  });
});
