import { describe, expect, it } from 'vitest';

import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { mint, otherKey } from '../token/test-support';
import { checkIdTokenVerdicts, type IdTokenVerdictsInput } from './judge';
import { CLIENT_ID, idCtx, mintId, NOW_S, prepareKeys, unsigned, verdicts } from './test-support';
import type { CheckName, IdTokenContext, Verdict } from './validate';

prepareKeys();

const judge = async (
  token: string | Promise<string>,
  judged: Partial<Record<CheckName, Verdict | undefined>> = {},
  ctx: Partial<IdTokenContext> = {},
) => checkIdTokenVerdicts({ token: await token, verdicts: verdicts(judged) }, idCtx(ctx));
const result = (report: Awaited<ReturnType<typeof judge>>, check: string) => report.results.find((r) => r.check === check)!;

describe('checkIdTokenVerdicts', () => {
  it('passes a learner who judges a good token right, step id-token, results in validation order', async () => {
    const report = await judge(mintId());
    expect(report.step).toBe('id-token');
    expect(report.status).toBe('pass');
    expect(report.accepted).toBe(true);
    expect(report.results.map((r) => r.check)).toEqual(['signature', 'iss', 'aud', 'exp', 'iat', 'nonce', 'azp', 'decision']);
    expect(result(report, 'decision').message).toContain('a client accepts this token');
  });

  it('quotes aud and the client id when the learner accepts a token for another app', async () => {
    const report = await judge(mintId({ aud: '0oaOTHER' }));
    const aud = result(report, 'aud');
    expect(aud).toMatchObject({ status: 'fail', code: 'id_token.wrong_audience' });
    expect(aud.message).toContain(`aud is "0oaOTHER", your client id is "${CLIENT_ID}": a token for another app — reject it`);
    expect(aud.message).toContain('a token for another app — reject it');
    expect(report.accepted).toBe(false);
  });

  it('a bad signature: judged right, it still says the token must be rejected whatever else holds', async () => {
    const report = await judge(mintId({}, { key: otherKey }), { signature: 'invalid' });
    expect(result(report, 'signature').status).toBe('pass');
    expect(result(report, 'signature').message).toContain('must be rejected whatever else holds');
    expect(result(report, 'iss').status).toBe('pass');
    expect(result(report, 'decision').message).toContain('its signature fails');
  });

  it('calling a sound check invalid is verdict_wrong, with why it holds', async () => {
    const r = result(await judge(mintId(), { exp: 'invalid' }), 'exp');
    expect(r).toMatchObject({ status: 'fail', code: 'id_token.verdict_wrong' });
    expect(r.hint).toContain('not milliseconds');
  });

  it('a check without a verdict is verdict_missing and tells the lab verdict', async () => {
    const r = result(await judge(mintId({ nonce: 'zzz' }), { nonce: undefined }), 'nonce');
    expect(r).toMatchObject({ status: 'fail', code: 'id_token.verdict_missing' });
    expect(r.message).toContain("The lab's is invalid");
  });

  it('not-applicable checks pass whatever the learner says', async () => {
    const report = await judge(mintId(), { azp: 'invalid', nonce: 'invalid' }, { nonce: null });
    expect(result(report, 'azp').status).toBe('pass');
    expect(result(report, 'nonce').status).toBe('pass');
    expect(result(report, 'nonce').message).toContain('You sent no nonce');
  });

  it('keys unavailable: a warning, the other checks compared, not accepted', async () => {
    const report = await judge(mintId(), {}, { getKey: null });
    expect(result(report, 'signature')).toMatchObject({ status: 'warn', code: 'id_token.keys_unavailable' });
    expect(report.status).toBe('pass');
    expect(report.accepted).toBe(false);
  });

  it('an access token pasted is answered alone', async () => {
    const report = await judge(mint());
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ code: 'id_token.is_access_token' });
    expect(report.results[0]!.message).toContain('cid, scp');
    expect(report.accepted).toBeNull();
  });

  it('never echoes the token', async () => {
    const token = await mintId({ aud: '0oaOTHER', exp: NOW_S - 4000 });
    const text = JSON.stringify(await judge(token));
    for (const part of token.split('.')) expect(text).not.toContain(part);
    const pasted = JSON.stringify(await judge(`{"id_token":"${token}"}`));
    for (const part of token.split('.')) expect(pasted).not.toContain(part);
  });

  it('never names steps by number', async () => {
    const report = await judge(unsigned({ aud: 'x', nonce: 'y', iat: NOW_S + 9999 }));
    for (const r of report.results) expect(`${r.message} ${r.hint ?? ''}`).not.toMatch(/\bstep \d/i);
  });

  it.each([
    ['no input at all', undefined],
    ['verdicts not an object', { token: 'a.b.c', verdicts: 'valid' }],
    ['verdicts with odd values', { token: 'x', verdicts: { signature: 'yes', aud: 1 } }],
    ['token not a string', { token: 42, verdicts: {} }],
  ])('never throws on hostile input: %s', async (_name, input) => {
    const report = await checkIdTokenVerdicts(input as unknown as IdTokenVerdictsInput, idCtx());
    expect(report.status).toBe('fail');
  });

  it('judges 64 KiB of hostile text within 50 ms', async () => {
    const header = Buffer.from('{"alg":"RS256","kid":"Xm2k9Q"}').toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ iss: 'i'.repeat(15000), aud: Array(3000).fill('0oa'), nonce: 'n'.repeat(15000) }),
    ).toString('base64url');
    const text = `${header}.${payload}.c2ln`;
    expect(text.length).toBeLessThanOrEqual(65536 + 1024);
    const input = { token: text, verdicts: verdicts() };
    expect((await checkIdTokenVerdicts(input, idCtx())).status).toBe('fail');
    expect(await fastestRun(() => checkIdTokenVerdicts(input, idCtx()))).toBeLessThan(50);
  });

  it('odd verdict values count as missing', async () => {
    const report = await checkIdTokenVerdicts({ token: await mintId(), verdicts: { signature: 'yes' } as never }, idCtx());
    expect(result(report, 'signature').code).toBe('id_token.verdict_missing');
  });
});
