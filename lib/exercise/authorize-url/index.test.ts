import { describe, expect, it } from 'vitest';

import { checkAuthorizeUrl } from './index';
import { build, CHALLENGE, GOOD, OKTA, PRACTICE, problems, run, STATE, VERIFIER, withParams } from './test-support';

const SEED_TEMPLATE = `https://dev-xxxxxx.okta.com/oauth2/default/v1/authorize?
  response_type=code
  &scope=offline_access+{YOUR_SCOPE}
  &client_id=
  &state=
  &redirect_uri=https://example-app.com/redirect
  &code_challenge=
  &code_challenge_method=S256`;

describe('checkAuthorizeUrl: a correct URL', () => {
  it('passes the multi-line template filled in, with a one-line login URL and the parsed request', () => {
    const report = run(build(GOOD));
    expect(report.status).toBe('pass');
    expect(problems(report)).toEqual([]);
    expect(report.results.map((r) => r.check)).toEqual([
      'url',
      'response_type',
      'client_id',
      'redirect_uri',
      'scope',
      'state',
      'code_challenge',
      'code_challenge_method',
      'params',
    ]);
    expect(report.loginUrl).toBe(
      `https://dev-123456.okta.com/oauth2/default/v1/authorize?response_type=code&scope=offline_access+api:read&client_id=${OKTA.clientId}&state=${STATE}&redirect_uri=https://example-app.com/redirect&code_challenge=${CHALLENGE}&code_challenge_method=S256`,
    );
    expect(report.request).toEqual({
      clientId: OKTA.clientId,
      redirectUri: 'https://example-app.com/redirect',
      state: STATE,
      scopes: ['offline_access', 'api:read'],
      codeChallenge: CHALLENGE,
      codeChallengeMethod: 'S256',
      responseType: 'code',
    });
  });

  it('passes the practice server on http://localhost with an encoded redirect URI', () => {
    const params = withParams({ client_id: PRACTICE.clientId, redirect_uri: 'http%3A%2F%2Flocalhost%3A3000%2Fredirect' });
    const report = run(build(params, PRACTICE.authorizationEndpoint), PRACTICE);
    expect(problems(report)).toEqual([]);
    expect(report.loginUrl).toMatch(/^http:\/\/localhost:3000\/oauth2\/default\/v1\/authorize\?response_type=code&/);
    expect(report.request?.redirectUri).toBe('http://localhost:3000/redirect');
  });

  it('accepts another redirect URI registered on the practice app', () => {
    const params = withParams({ client_id: PRACTICE.clientId, redirect_uri: 'https://example-app.com/redirect' });
    const report = run(build(params, PRACTICE.authorizationEndpoint), PRACTICE);
    expect(report.status).toBe('pass');
    expect(problems(report)).toEqual([]);
    expect(report.request?.redirectUri).toBe('https://example-app.com/redirect');
  });

  it('accepts the standard and provider-specific optional parameters', () => {
    const optional = {
      prompt: 'login',
      nonce: 'n-0S6_WzA2Mj',
      login_hint: 'learner%40example.com',
      audience: 'api://default',
      resource: 'https%3A%2F%2Fapi.example.com',
      max_age: '3600',
      ui_locales: 'en',
      acr_values: 'urn:okta:loa:1fa:any',
      display: 'page',
      id_token_hint: 'eyJhbGciOiJSUzI1NiJ9.e30.sig',
      response_mode: 'query',
      idp: '0oa0idp',
      sessionToken: '20111abcdef',
    };
    const report = run(build(withParams(optional)));
    expect(problems(report)).toEqual([]);
    expect(report.loginUrl).toContain('sessionToken=20111abcdef');
  });

  it('keeps a space typed between scopes as a separator and puts %20 in the login URL, warning that a URL cannot hold it', () => {
    const report = run(build(withParams({ scope: 'offline_access api:read' })));
    expect(problems(report)).toEqual(['warn:scope.raw_space']);
    expect(report.request?.scopes).toEqual(['offline_access', 'api:read']);
    expect(report.loginUrl).toContain('scope=offline_access%20api:read&');
  });

  it('ignores wrapping quotes, zero-width characters and indentation', () => {
    const report = run(`"\u200B${build(GOOD).replace(/\n/g, '\r\n\t')}"`);
    expect(problems(report)).toEqual([]);
    expect(report.loginUrl).not.toMatch(/\s|"/);
  });

  it('still gives the login URL when only warnings remain', () => {
    const report = run(build(withParams({ state: '1234' })));
    expect(problems(report)).toEqual(['warn:state.weak']);
    expect(report.status).toBe('pass');
    expect(report.loginUrl).toContain('state=1234');
  });
});

describe('checkAuthorizeUrl: the seed template left unfinished', () => {
  it('reports every gap at once and no login URL', () => {
    const report = run(SEED_TEMPLATE);
    expect(report.status).toBe('fail');
    expect(report.loginUrl).toBeUndefined();
    expect(problems(report)).toEqual([
      'fail:param.empty',
      'fail:param.empty',
      'fail:param.empty',
      'fail:param.placeholder',
      'fail:url.host_mismatch',
    ]);
    expect(report.results.filter((r) => r.code === 'param.empty').map((r) => r.check)).toEqual(['client_id', 'state', 'code_challenge']);
  });
});

describe('checkAuthorizeUrl: all at once and safety', () => {
  it('reports every problem of a badly broken URL together', () => {
    const input = build(
      [
        ['response_type', 'token'],
        ['scope', 'offline-access,openid'],
        ['client-id', OKTA.clientId],
        ['state', 'xyz'],
        ['redirect_uri', 'https://example-app.com/redirect/'],
        ['code_challenge', '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3'],
        ['code_challenge_method', 'plain'],
      ],
      'http://dev-123456.okta.com/oauth2/default/v1/token',
    );
    expect(problems(run(input))).toEqual(
      [
        'fail:url.not_https',
        'fail:url.path_mismatch',
        'fail:response_type.not_code',
        'fail:scope.comma_separated',
        'fail:scope.offline_access_misspelled',
        'fail:param.unknown',
        'fail:client_id.missing',
        'warn:state.weak',
        'fail:redirect_uri.mismatch',
        'fail:code_challenge.not_base64url',
        'fail:code_challenge_method.plain',
      ].sort(),
    );
  });

  it('still checks the parameters of a URL it cannot parse', () => {
    const report = run(build(withParams({ response_type: 'token' })).replace('https://', ''));
    expect(problems(report)).toEqual(['fail:response_type.not_code', 'fail:url.invalid']);
    expect(report.request?.responseType).toBe('token');
  });

  it('says where a parameter glued in by a second "?" went', () => {
    const report = run(build(GOOD).replace('\n  &scope', '?scope'));
    expect(report.results.find((r) => r.code === 'scope.missing')?.hint).toContain('response_type');
  });

  it('handles a paste as large as the API accepts (no quadratic work on long values)', () => {
    const junk = 'ab'.repeat(30_000);
    const report = run(
      build(withParams({ [junk]: junk, client_id: junk, redirect_uri: junk, scope: junk, state: junk, code_challenge: junk })),
    );
    expect(problems(report)).toEqual(
      [
        'client_id.mismatch',
        'code_challenge.malformed',
        'param.unknown',
        'redirect_uri.mismatch',
        'scope.offline_access_missing',
        'state.weak',
      ]
        .map((code) => `${code === 'param.unknown' || code === 'state.weak' ? 'warn' : 'fail'}:${code}`)
        .sort(),
    );
  });

  it('never quotes a client secret or code verifier', () => {
    const secret = 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t';
    const inputs = [build(withParams({ client_secret: secret, code_verifier: VERIFIER })), build(withParams({ client_id: secret }))];
    for (const input of inputs) {
      const text = JSON.stringify(run(input).results);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(VERIFIER);
    }
  });

  it('never offers a login URL on another origin or scheme', () => {
    for (const input of [
      build(GOOD, 'https://evil.example/oauth2/default/v1/authorize'),
      build(GOOD).replace('https:', 'javascript:'),
      build(GOOD, 'https://dev-123456.okta.com.evil.example/oauth2/default/v1/authorize'),
    ]) {
      const report = run(input);
      expect(report.status).toBe('fail');
      expect(report.loginUrl).toBeUndefined();
    }
  });
});

// Issue 8, "Hostile input": a paste may be the worst case of its size. These guard that the
// work stays linear and the report stays readable, never how long it takes.
describe('checkAuthorizeUrl: hostile input', () => {
  const KIB = 1024;

  it.each([
    ['a run of one character', 'a'.repeat(64 * KIB)],
    ['many "&"', `${OKTA.authorizationEndpoint}?${'&'.repeat(64 * KIB)}`],
    ['many "%"', `${OKTA.authorizationEndpoint}?state=${'%'.repeat(64 * KIB)}`],
    ['many "{"', `${OKTA.authorizationEndpoint}?state=${'{'.repeat(64 * KIB)}`],
    ['a path of slashes', `https://dev-123456.okta.com${'/'.repeat(64 * KIB)}x?state=1`],
    ['a state that repeats a short pattern but for its end', `${OKTA.authorizationEndpoint}?state=${'abcd'.repeat(16 * KIB)}x`],
  ])('answers with a report for %s', (_name, url) => {
    const report = checkAuthorizeUrl(url, OKTA);
    expect(report.step).toBe('authorize-url');
    expect(report.status).toBe('fail');
  });
});

// Issue 11: "&amp;" between parameters led to twelve failures before the one fix.
describe('checkAuthorizeUrl: a URL copied out of HTML', () => {
  it('leads with "replace &amp; with &" and checks the rest as meant', () => {
    const report = run(build(GOOD).replaceAll('&', '&amp;'));
    expect(problems(report)).toEqual(['fail:url.html_escaped']);
  });

  it('still reports a real mistake next to it', () => {
    const report = run(build(withParams({ scope: 'api:read' })).replaceAll('&', '&AMP;'));
    expect(problems(report)).toEqual(['fail:scope.offline_access_missing', 'fail:url.html_escaped']);
    // The root cause leads the list.
    expect(report.results.find((r) => r.status !== 'pass')?.code).toBe('url.html_escaped');
  });
});
