import { describe, expect, it } from 'vitest';
import { apiCallCommand, checkApiCall, type ApiCallCheckContext } from './check';
import type { ObservedApiCall } from './observed';

// A fixed clock: 2026-11-30 09:33:20 UTC.
const NOW_S = 1_796_031_200;
const STARTED_S = NOW_S - 15 * 60;
const APP = '0oa8f2k1LqWzXc3Rv5d7';
const SERVICE = '0oa3m9TyUvB7nQe2Ws4x';
const OLD_WEB = '0oa7Hn2Kd9PqRt4Lm1x8';
const JTI = 'AT.Jq7mVb2XkP9wLr4nQz8sYc1';
const API = 'http://localhost:3000/api/practice/photos';

const CTX: ApiCallCheckContext = {
  clientId: APP,
  since: new Date(STARTED_S * 1000),
  expectedJti: JTI,
  now: new Date(NOW_S * 1000),
  apiUrl: API,
  tokenSummary: { jti: JTI, scope: ['openid', 'api:read'], expiresAt: NOW_S + 2400 },
  appNames: { [SERVICE]: 'My Service App', [APP]: 'My Web App' },
};

const call = (changes: Partial<ObservedApiCall> = {}): ObservedApiCall => ({
  clientId: APP,
  tokenJti: JTI,
  status: 200,
  outcome: 'ok',
  sentVia: 'header',
  scopes: ['openid', 'api:read'],
  calledAt: NOW_S - 40,
  ...changes,
});

const refused = (outcome: ObservedApiCall['outcome'], changes: Partial<ObservedApiCall> = {}) =>
  call({ status: outcome === 'insufficient_scope' ? 403 : outcome === 'several_methods' ? 400 : 401, outcome, ...changes });

const codesOf = (calls: ObservedApiCall[], ctx: Partial<ApiCallCheckContext> = {}) => {
  const report = checkApiCall(calls, { ...CTX, ...ctx });
  return { status: report.status, codes: report.results.map((r) => (r.code ? `${r.status}:${r.code}` : r.status)) };
};

// What learners do, as the practice API recorded it (newest first, as latestApiCalls answers).
const CORPUS: [string, ObservedApiCall[], Partial<ApiCallCheckContext>, string, string[]][] = [
  ['the right call', [call()], {}, 'pass', ['pass']],
  [
    'the right call after two mistakes',
    [call(), refused('not_bearer', { calledAt: NOW_S - 90 }), refused('token_in_query', { calledAt: NOW_S - 120 })],
    {},
    'pass',
    ['pass'],
  ],
  ['nothing yet', [], {}, 'fail', ['fail:api_call.none_observed']],
  ['only a call from before the step started', [call({ calledAt: STARTED_S - 60 })], {}, 'fail', ['fail:api_call.none_observed']],
  ['an earlier call counts when the step has no start', [call({ calledAt: STARTED_S - 60 })], { since: null }, 'pass', ['pass']],
  [
    'nothing yet, and the checked token has expired',
    [],
    { tokenSummary: { jti: JTI, scope: ['api:read'], expiresAt: NOW_S - 120 } },
    'fail',
    ['fail:api_call.none_observed'],
  ],
  ['?access_token= in the URL', [refused('token_in_query', { sentVia: 'query' })], {}, 'fail', ['fail:api_call.token_in_query']],
  ['Authorization: <token> without Bearer', [refused('not_bearer')], {}, 'fail', ['fail:api_call.not_bearer']],
  ['Authorization: Bearer:<token>', [refused('not_bearer', { tokenJti: null, scopes: [] })], {}, 'fail', ['fail:api_call.not_bearer']],
  ['header and -d access_token= both', [refused('several_methods')], {}, 'fail', ['fail:api_call.several_methods']],
  ['an hour-old token', [refused('expired', { tokenJti: 'AT.yesterday' })], {}, 'fail', ['fail:api_call.expired']],
  [
    'a token without api:read',
    [refused('insufficient_scope', { scopes: ['openid', 'profile'] })],
    {},
    'fail',
    ['fail:api_call.insufficient_scope'],
  ],
  [
    'a token with no scope at all',
    [refused('insufficient_scope', { scopes: [] })],
    { tokenSummary: null },
    'fail',
    ['fail:api_call.insufficient_scope'],
  ],
  ['the token cut short by a terminal wrap', [refused('malformed')], {}, 'fail', ['fail:api_call.malformed']],
  ['a token edited by hand', [refused('bad_signature')], {}, 'fail', ['fail:api_call.token_rejected']],
  ['a token for another audience', [refused('wrong_audience')], {}, 'fail', ['fail:api_call.token_rejected']],
  ['a token of another issuer', [refused('wrong_issuer')], {}, 'fail', ['fail:api_call.token_rejected']],
  ['a token not valid yet', [refused('not_yet_valid')], {}, 'fail', ['fail:api_call.token_rejected']],
  ['the service app’s token, accepted', [call({ clientId: SERVICE, tokenJti: 'AT.svc' })], {}, 'fail', ['fail:api_call.other_app']],
  [
    'an old web app’s token after a refused call of this app',
    [call({ clientId: OLD_WEB, calledAt: NOW_S - 10 }), refused('expired', { calledAt: NOW_S - 60 })],
    {},
    'fail',
    ['fail:api_call.other_app', 'fail:api_call.expired'],
  ],
  [
    'another app’s older call does not hide this app’s newer mistake',
    [refused('malformed', { calledAt: NOW_S - 5 }), call({ clientId: SERVICE, calledAt: NOW_S - 300 })],
    {},
    'fail',
    ['fail:api_call.malformed'],
  ],
  [
    'a revoked token, accepted all the same',
    [call({ outcome: 'revoked_but_accepted' })],
    {},
    'pass',
    ['pass', 'info:api_call.revoked_but_accepted'],
  ],
  ['-d access_token= as a POST', [call({ sentVia: 'body' })], {}, 'pass', ['pass', 'warn:api_call.token_in_body']],
  ['a newer token after logging in again', [call({ tokenJti: 'AT.second-login' })], {}, 'pass', ['pass', 'info:api_call.other_token']],
  [
    'no token step before: any token passes quietly',
    [call({ tokenJti: 'AT.any' })],
    { expectedJti: null, tokenSummary: null },
    'pass',
    ['pass'],
  ],
];

describe('checkApiCall', () => {
  it.each(CORPUS)('%s', (_name, calls, ctx, status, codes) => {
    expect(codesOf(calls, ctx)).toEqual({ status, codes });
  });

  it('has a corpus of at least 15 observations', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
  });

  it('tells how to make the call, and why a call without a token cannot be seen', () => {
    const report = checkApiCall([], CTX);
    expect(report.results[0]!.hint).toContain(`curl -H "Authorization: Bearer $ACCESS_TOKEN" ${API}`);
    expect(report.results[0]!.hint).toMatch(/can only see calls that carry one of this app’s tokens/);
    expect(apiCallCommand(API)).toBe(`curl -H "Authorization: Bearer $ACCESS_TOKEN" ${API}`);
    expect(report.call).toBeNull();
  });

  it('quotes what was observed: the status, the outcome, when, and the scopes', () => {
    const report = checkApiCall([refused('insufficient_scope', { scopes: ['openid', 'profile'], calledAt: NOW_S - 180 })], CTX);
    const [result] = report.results;
    expect(result!.message).toContain('answered 403 (insufficient_scope)');
    expect(result!.message).toContain('2026-11-30 09:30:20 UTC (3 minutes ago)');
    expect(result!.message).toContain('"openid profile"');
    expect(result!.hint).toMatch(/Add api:read to the scope parameter of your authorization URL/);
    expect(report.call?.outcome).toBe('insufficient_scope');
  });

  it('names the other app and both client ids', () => {
    const [result] = checkApiCall([call({ clientId: SERVICE })], CTX).results;
    expect(result!.message).toContain('"My Service App"');
    expect(result!.message).toContain(SERVICE);
    expect(result!.message).toContain(APP);
  });

  it('counts the calls it saw and diagnoses the latest', () => {
    const calls = [refused('expired', { calledAt: NOW_S - 5 }), refused('not_bearer', { calledAt: NOW_S - 50 })];
    const [result] = checkApiCall(calls, CTX).results;
    expect(result!.code).toBe('api_call.expired');
    expect(result!.message).toContain('the latest of 2 calls');
    expect(result!.hint).toMatch(/refresh token/);
  });

  it('never throws, and stays linear, on thousands of hostile observations', () => {
    const junk = Array.from({ length: 5000 }, (_, i) =>
      call({
        clientId: i % 2 ? APP : `0oa${'x'.repeat(i % 100)}`,
        tokenJti: i % 3 ? 'j'.repeat(128) : null,
        status: 401,
        outcome: (['malformed', 'bad_signature', 'not_bearer'] as const)[i % 3]!,
        scopes: Array.from({ length: 20 }, () => 's'.repeat(64)),
        calledAt: i % 7 ? NOW_S - i : Number.NaN,
      }),
    );
    const started = performance.now();
    const report = checkApiCall(junk, CTX);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.status).toBe('fail');
    for (const result of report.results) expect(result.message.length).toBeLessThan(1000);
  });
});
