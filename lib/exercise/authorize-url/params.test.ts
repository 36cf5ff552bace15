import { describe, expect, it } from 'vitest';

import { checkAuthorizeUrl } from './index';
import { findPlaceholder } from './params';
import { build, CHALLENGE, type Case, describeCases, expectExercised, GOOD, OKTA, problems, run, STATE, withParams } from './test-support';

const PARAM_CASES: Case[] = [
  [
    'redirect_url instead of redirect_uri',
    build(withParams({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect' })),
    ['fail:param.unknown', 'fail:redirect_uri.missing'],
  ],
  ['client-id', build(withParams({ client_id: undefined, 'client-id': OKTA.clientId })), ['fail:client_id.missing', 'fail:param.unknown']],
  [
    'response-type',
    build(withParams({ response_type: undefined, 'response-type': 'code' })),
    ['fail:param.unknown', 'fail:response_type.missing'],
  ],
  [
    'codeChallenge (camelCase)',
    build(withParams({ code_challenge: undefined, codeChallenge: CHALLENGE })),
    ['fail:code_challenge.missing', 'fail:param.unknown'],
  ],
  [
    'code_challange',
    build(withParams({ code_challenge: undefined, code_challange: CHALLENGE })),
    ['fail:code_challenge.missing', 'fail:param.unknown'],
  ],
  ['scopes', build(withParams({ scope: undefined, scopes: 'offline_access+api:read' })), ['fail:param.unknown', 'fail:scope.missing']],
  [
    'Client_ID (case)',
    build(withParams({ client_id: undefined, Client_ID: OKTA.clientId })),
    ['fail:client_id.missing', 'fail:param.unknown'],
  ],
  [
    '"&amp;" copied from HTML (issue 11: the one fix first, not twelve failures)',
    build(GOOD).replace(/&/g, '&amp;'),
    ['fail:url.html_escaped'],
  ],
  ['a typo of an optional parameter', build(withParams({ promt: 'login' })), ['warn:param.unknown']],
  ['a made-up parameter', build(withParams({ foo: 'bar' })), ['warn:param.unknown']],
  ["Google's access_type", build(withParams({ access_type: 'offline' })), ['warn:param.unknown']],
  ['grant_type in the authorization URL', build(withParams({ grant_type: 'authorization_code' })), ['warn:param.unknown']],
  ['redirect_url next to redirect_uri', build(withParams({ redirect_url: 'https://example-app.com/redirect' })), ['warn:param.unknown']],
  ['scope twice', build([...GOOD, ['scope', 'openid']]), ['fail:param.duplicate']],
  ['state twice with the same value', build([...GOOD, ['state', STATE]]), ['fail:param.duplicate']],
  ['prompt twice', build(withParams({ prompt: 'login' }).concat([['prompt', 'consent']])), ['fail:param.duplicate']],
  [
    '"?" instead of "&" between parameters',
    build(GOOD).replace('\n  &scope', '?scope'),
    ['fail:response_type.not_code', 'fail:scope.missing'],
  ],
  ['client_id without "="', build(withParams({ client_id: null })), ['fail:param.empty']],
  ['placeholder in an optional parameter', build(withParams({ login_hint: '{YOUR_EMAIL}' })), ['fail:param.placeholder']],
];

describeCases('params', PARAM_CASES);

describe('helpers', () => {
  it.each([
    ['{YOUR_SCOPE}', '{YOUR_SCOPE}'],
    ['%7BYOUR_SCOPE%7D', '{YOUR_SCOPE}'],
    ['<client_id>', '<client_id>'],
    ['YOUR_CLIENT_ID', 'YOUR_CLIENT_ID'],
    ['...', '...'],
    ['0oa1b2c3d4E5F6g7H8i9', null],
    ['https://example-app.com/redirect', null],
  ])('findPlaceholder(%s)', (value, expected) => {
    expect(findPlaceholder(value)).toBe(expected);
  });
});

// Issue 8, "Hostile input": a paste may be the worst case of its size. These guard that the
// work stays linear and the report stays readable, never how long it takes.
describe('checkAuthorizeUrl: hostile input', () => {
  it('reports a parameter repeated 8,000 times once, quoting a few of its values', () => {
    const report = checkAuthorizeUrl(
      build([...GOOD, ...Array.from({ length: 8000 }, (): [string, string] => ['state', STATE])], OKTA.authorizationEndpoint),
      OKTA,
    );
    const duplicate = report.results.filter((r) => r.code === 'param.duplicate');
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]!.message).toContain('8001 times');
    expect(duplicate[0]!.message.length).toBeLessThan(400);
  });

  it('lists the first unknown parameters one by one and sums up the rest', () => {
    const junk = Array.from({ length: 5000 }, (_, i): [string, string] => [`p${i}`, '1']);
    const report = checkAuthorizeUrl(build([...GOOD, ...junk]), OKTA);
    const unknown = report.results.filter((r) => r.code === 'param.unknown');
    expect(unknown.length).toBeLessThanOrEqual(21);
    expect(unknown.at(-1)!.message).toMatch(/4980 more/);
    expect(report.status).toBe('pass');
  });

  it('still spots a misspelled required parameter among thousands of unknown ones', () => {
    const junk = Array.from({ length: 5000 }, (_, i): [string, string] => [`p${i}`, '1']);
    const report = checkAuthorizeUrl(
      build([...withParams({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect' }), ...junk]),
      OKTA,
    );
    expect(report.results.find((r) => r.code === 'redirect_uri.missing')?.hint).toContain('redirect_url');
  });
});

expectExercised(['param.placeholder', 'param.unknown', 'param.duplicate', 'param.empty']);

// Issue 11: answers learners misread, from a held-out corpus of real mistakes.
describe('checkAuthorizeUrl: template brackets kept around a real value', () => {
  it('says "remove the brackets", not "replace the placeholder"', () => {
    const report = run(build(withParams({ client_id: `{${OKTA.clientId}}` })));
    expect(problems(report)).toEqual(['fail:param.brackets_kept']);
    const result = report.results.find((r) => r.code === 'param.brackets_kept')!;
    expect(result.hint).toContain(`client_id=${OKTA.clientId}`);
  });

  it('still calls a template word in brackets a placeholder', () => {
    expect(problems(run(build(withParams({ client_id: '{YOUR_CLIENT_ID}' }))))).toEqual(['fail:param.placeholder']);
    expect(problems(run(build(withParams({ client_id: '<client id>' }))))).toEqual(['fail:param.placeholder']);
  });

  it('knows a scope kept in braces', () => {
    expect(problems(run(build(withParams({ scope: 'offline_access+{openid}' }))))).toEqual(['fail:param.brackets_kept']);
  });
});
