import { afterAll, describe, expect, it } from 'vitest';
import { type AuthorizeUrlExpectations, type AuthorizeUrlReport, checkAuthorizeUrl, findPlaceholder, normalizeUrlText } from './authorize-url';
import type { DiagnosisCode } from './report';

const OKTA: AuthorizeUrlExpectations = {
  issuer: 'https://dev-123456.okta.com/oauth2/default',
  authorizationEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/authorize',
  tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token',
  clientId: '0oa1b2c3d4E5F6g7H8i9',
  redirectUri: 'https://example-app.com/redirect',
};

const PRACTICE: AuthorizeUrlExpectations = {
  issuer: 'http://localhost:3000/oauth2/default',
  authorizationEndpoint: 'http://localhost:3000/oauth2/default/v1/authorize',
  tokenEndpoint: 'http://localhost:3000/oauth2/default/v1/token',
  clientId: 'lab-7f3a9c2e41b8',
  redirectUri: 'http://localhost:3000/redirect',
  registeredRedirectUris: ['http://localhost:3000/redirect', 'https://example-app.com/redirect'],
  scopesSupported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
};

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 Appendix B
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFXgjXk';
const STATE = 'q8Xk2LmP9sTwZr4v';

type Params = [name: string, rawValue: string | null][];

const GOOD: Params = [
  ['response_type', 'code'],
  ['scope', 'offline_access+api:read'],
  ['client_id', OKTA.clientId],
  ['state', STATE],
  ['redirect_uri', 'https://example-app.com/redirect'],
  ['code_challenge', CHALLENGE],
  ['code_challenge_method', 'S256'],
];

/** Builds a URL the way the seed's template lays it out: one parameter per line. */
function build(params: Params, endpoint = OKTA.authorizationEndpoint): string {
  const lines = params.map(([name, value], i) => `  ${i ? '&' : ''}${name}${value === null ? '' : `=${value}`}`);
  return `${endpoint}?\n${lines.join('\n')}`;
}

/** GOOD with some parameters replaced (value), removed (undefined) or appended (new names). */
function withParams(changes: Record<string, string | null | undefined>, base: Params = GOOD): Params {
  const out: Params = [];
  for (const [name, value] of base) {
    if (!(name in changes)) out.push([name, value]);
    else if (changes[name] !== undefined) out.push([name, changes[name]!]);
  }
  for (const [name, value] of Object.entries(changes)) {
    if (!base.some(([n]) => n === name) && value !== undefined) out.push([name, value]);
  }
  return out;
}

const seen = new Set<DiagnosisCode>();

function problems(report: AuthorizeUrlReport): string[] {
  for (const r of report.results) if (r.code) seen.add(r.code);
  return report.results
    .filter((r) => r.status !== 'pass')
    .map((r) => `${r.status}:${r.code}`)
    .sort();
}

function run(input: string, expected = OKTA) {
  const report = checkAuthorizeUrl(input, expected);
  // Every non-pass result explains itself.
  for (const r of report.results) {
    if (r.status !== 'pass') {
      expect(r.code, JSON.stringify(r)).toBeTruthy();
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.hint?.length ?? 0, JSON.stringify(r)).toBeGreaterThan(10);
    }
  }
  return report;
}

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

  it('keeps a space typed between scopes as a separator and puts %20 in the login URL', () => {
    const report = run(build(withParams({ scope: 'offline_access api:read' })));
    expect(problems(report)).toEqual([]);
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

type Case = [title: string, input: string, expected: string[], expectations?: AuthorizeUrlExpectations];

const URL_CASES: Case[] = [
  ['empty box', '', ['fail:input.empty']],
  ['only whitespace', '  \n\t ', ['fail:input.empty']],
  ['no scheme', build(GOOD).replace('https://', ''), ['fail:url.invalid']],
  ['scheme typo "https//"', build(GOOD).replace('https://', 'https//'), ['fail:url.invalid']],
  ['another scheme', build(GOOD).replace('https:', 'ftp:'), ['fail:url.invalid']],
  ['credentials before the host', build(GOOD).replace('https://', 'https://admin:hunter2@'), ['fail:url.invalid']],
  ['plain http on Okta', build(GOOD).replace('https:', 'http:'), ['fail:url.not_https']],
  ['Okta admin console host', build(GOOD, 'https://dev-123456-admin.okta.com/oauth2/default/v1/authorize'), ['fail:url.host_mismatch']],
  ['the redirect host', build(GOOD, 'https://example-app.com/oauth2/default/v1/authorize'), ['fail:url.host_mismatch']],
  ['127.0.0.1 instead of localhost', build(withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri }), 'http://127.0.0.1:3000/oauth2/default/v1/authorize'), ['fail:url.host_mismatch'], PRACTICE],
  ['https on the http practice server', build(withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri }), 'https://localhost:3000/oauth2/default/v1/authorize'), ['fail:url.host_mismatch'], PRACTICE],
  ['wrong port on the practice server', build(withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri }), 'http://localhost:3001/oauth2/default/v1/authorize'), ['fail:url.host_mismatch'], PRACTICE],
  ['token endpoint', build(GOOD, OKTA.tokenEndpoint), ['fail:url.path_mismatch']],
  ['Okta org authorization server', build(GOOD, 'https://dev-123456.okta.com/oauth2/v1/authorize'), ['fail:url.path_mismatch']],
  ['missing /v1/', build(GOOD, 'https://dev-123456.okta.com/oauth2/default/authorize'), ['fail:url.path_mismatch']],
  ['trailing slash', build(GOOD, 'https://dev-123456.okta.com/oauth2/default/v1/authorize/'), ['fail:url.path_mismatch']],
  ['the issuer only', build(GOOD, OKTA.issuer), ['fail:url.path_mismatch']],
  ['the discovery document', build(GOOD, `${OKTA.issuer}/.well-known/openid-configuration`), ['fail:url.path_mismatch']],
  ['wrong host and path at once', build(GOOD, 'https://dev-654321.okta.com/oauth2/v1/token'), ['fail:url.host_mismatch', 'fail:url.path_mismatch']],
  ['no query at all', OKTA.authorizationEndpoint, ['fail:url.no_query']],
  ['a bare "?"', `${OKTA.authorizationEndpoint}?`, ['fail:url.no_query']],
  ['parameters after "#"', build(GOOD).replace('?', '#'), ['fail:url.fragment']],
  ['a fragment after the query', `${build(GOOD)}#state=abc`, ['fail:url.fragment']],
  ['an empty trailing "#"', `${build(GOOD)}#`, ['warn:url.fragment']],
];

const PARAM_CASES: Case[] = [
  ['redirect_url instead of redirect_uri', build(withParams({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect' })), ['fail:param.unknown', 'fail:redirect_uri.missing']],
  ['client-id', build(withParams({ client_id: undefined, 'client-id': OKTA.clientId })), ['fail:client_id.missing', 'fail:param.unknown']],
  ['response-type', build(withParams({ response_type: undefined, 'response-type': 'code' })), ['fail:param.unknown', 'fail:response_type.missing']],
  ['codeChallenge (camelCase)', build(withParams({ code_challenge: undefined, codeChallenge: CHALLENGE })), ['fail:code_challenge.missing', 'fail:param.unknown']],
  ['code_challange', build(withParams({ code_challenge: undefined, code_challange: CHALLENGE })), ['fail:code_challenge.missing', 'fail:param.unknown']],
  ['scopes', build(withParams({ scope: undefined, scopes: 'offline_access+api:read' })), ['fail:param.unknown', 'fail:scope.missing']],
  ['Client_ID (case)', build(withParams({ client_id: undefined, Client_ID: OKTA.clientId })), ['fail:client_id.missing', 'fail:param.unknown']],
  ['"&amp;" copied from HTML', build(GOOD).replace(/&/g, '&amp;'), [
    'fail:client_id.missing', 'fail:code_challenge.missing', 'fail:code_challenge_method.missing', 'fail:param.unknown', 'fail:param.unknown',
    'fail:param.unknown', 'fail:param.unknown', 'fail:param.unknown', 'fail:param.unknown', 'fail:redirect_uri.missing', 'fail:scope.missing', 'fail:state.missing',
  ]],
  ['a typo of an optional parameter', build(withParams({ promt: 'login' })), ['warn:param.unknown']],
  ['a made-up parameter', build(withParams({ foo: 'bar' })), ['warn:param.unknown']],
  ["Google's access_type", build(withParams({ access_type: 'offline' })), ['warn:param.unknown']],
  ['grant_type in the authorization URL', build(withParams({ grant_type: 'authorization_code' })), ['warn:param.unknown']],
  ['redirect_url next to redirect_uri', build(withParams({ redirect_url: 'https://example-app.com/redirect' })), ['warn:param.unknown']],
  ['scope twice', build([...GOOD, ['scope', 'openid']]), ['fail:param.duplicate']],
  ['state twice with the same value', build([...GOOD, ['state', STATE]]), ['fail:param.duplicate']],
  ['prompt twice', build(withParams({ prompt: 'login' }).concat([['prompt', 'consent']])), ['fail:param.duplicate']],
  ['"?" instead of "&" between parameters', build(GOOD).replace('\n  &scope', '?scope'), ['fail:response_type.not_code', 'fail:scope.missing']],
  ['client_id without "="', build(withParams({ client_id: null })), ['fail:param.empty']],
  ['placeholder in an optional parameter', build(withParams({ login_hint: '{YOUR_EMAIL}' })), ['fail:param.placeholder']],
];

const RESPONSE_TYPE_CASES: Case[] = [
  ['missing', build(withParams({ response_type: undefined })), ['fail:response_type.missing']],
  ['token (implicit)', build(withParams({ response_type: 'token' })), ['fail:response_type.not_code']],
  ['id_token', build(withParams({ response_type: 'id_token' })), ['fail:response_type.not_code']],
  ['code id_token (hybrid)', build(withParams({ response_type: 'code+id_token' })), ['fail:response_type.not_code']],
  ['Code (case)', build(withParams({ response_type: 'Code' })), ['fail:response_type.not_code']],
  ['authorization_code', build(withParams({ response_type: 'authorization_code' })), ['fail:response_type.not_code']],
  ['empty', build(withParams({ response_type: '' })), ['fail:param.empty']],
];

const CLIENT_ID_CASES: Case[] = [
  ['missing', build(withParams({ client_id: undefined })), ['fail:client_id.missing']],
  ['another app', build(withParams({ client_id: '0oa9z8y7x6W5V4u3T2s1' })), ['fail:client_id.mismatch']],
  ['the client secret pasted instead', build(withParams({ client_id: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' })), ['fail:client_id.mismatch']],
  ['lower-cased', build(withParams({ client_id: OKTA.clientId.toLowerCase() })), ['fail:client_id.mismatch']],
  ['wrapped in quotes', build(withParams({ client_id: `%22${OKTA.clientId}%22` })), ['fail:client_id.mismatch']],
  ['placeholder', build(withParams({ client_id: '{YOUR_CLIENT_ID}' })), ['fail:param.placeholder']],
  ['placeholder YOUR_CLIENT_ID', build(withParams({ client_id: 'YOUR_CLIENT_ID' })), ['fail:param.placeholder']],
  ['client_secret in the URL', build(withParams({ client_secret: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' })), ['fail:client_id.secret_in_url']],
  ['clientSecret in the URL', build(withParams({ clientSecret: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' })), ['fail:client_id.secret_in_url']],
];

const STATE_CASES: Case[] = [
  ['missing', build(withParams({ state: undefined })), ['fail:state.missing']],
  ['empty', build(withParams({ state: '' })), ['fail:param.empty']],
  ['placeholder', build(withParams({ state: '{STATE}' })), ['fail:param.placeholder']],
  ...['1234', 'state', 'abc', 'xyz', 'aaaaaaaaaaaaaaaaaaaa', 'abcabcabcabcabcabc', 'k3J9xQ', 'ababababcdcdcdcdab'].map(
    (value): Case => [`weak: ${value}`, build(withParams({ state: value })), ['warn:state.weak']],
  ),
];

const REDIRECT_URI_CASES: Case[] = [
  ['missing', build(withParams({ redirect_uri: undefined })), ['fail:redirect_uri.missing']],
  ['trailing slash', build(withParams({ redirect_uri: 'https://example-app.com/redirect/' })), ['fail:redirect_uri.mismatch']],
  ['http instead of https', build(withParams({ redirect_uri: 'http://example-app.com/redirect' })), ['fail:redirect_uri.mismatch']],
  ['Okta sample callback', build(withParams({ redirect_uri: 'http://localhost:8080/authorization-code/callback' })), ['fail:redirect_uri.mismatch']],
  ['wrong port on the practice server', build(withParams({ client_id: PRACTICE.clientId, redirect_uri: 'http://localhost:3001/redirect' }), PRACTICE.authorizationEndpoint), ['fail:redirect_uri.mismatch'], PRACTICE],
  ['double-encoded', build(withParams({ redirect_uri: 'https%253A%252F%252Fexample-app.com%252Fredirect' })), ['fail:redirect_uri.double_encoded']],
  ['double-encoded and wrong', build(withParams({ redirect_uri: 'https%253A%252F%252Fexample-app.com%252Fcallback' })), ['fail:redirect_uri.double_encoded', 'fail:redirect_uri.mismatch']],
  ['placeholder', build(withParams({ redirect_uri: '<redirect_uri>' })), ['fail:param.placeholder']],
];

const SCOPE_CASES: Case[] = [
  ['missing', build(withParams({ scope: undefined })), ['fail:scope.missing']],
  ['empty', build(withParams({ scope: '' })), ['fail:param.empty']],
  ['no offline_access', build(withParams({ scope: 'openid+profile' })), ['fail:scope.offline_access_missing']],
  ...['offline-access', 'offline_acess', 'offlineaccess', 'offline+access', 'Offline_Access', 'offline', 'offline_accessapi:read'].map(
    (value): Case => [`misspelled: ${value}`, build(withParams({ scope: `${value}+api:read` })), ['fail:scope.offline_access_misspelled']],
  ),
  ['commas', build(withParams({ scope: 'offline_access,api:read' })), ['fail:scope.comma_separated']],
  ['encoded commas', build(withParams({ scope: 'offline_access%2Capi:read' })), ['fail:scope.comma_separated']],
  ['%2B between scopes', build(withParams({ scope: 'offline_access%2Bapi:read' })), ['fail:scope.literal_plus_encoded']],
  ['only offline_access', build(withParams({ scope: 'offline_access' })), ['warn:scope.only_offline_access']],
  ['placeholder left in', build(withParams({ scope: 'offline_access+{YOUR_SCOPE}' })), ['fail:param.placeholder']],
  ['percent-encoded placeholder', build(withParams({ scope: 'offline_access+%7BYOUR_SCOPE%7D' })), ['fail:param.placeholder']],
  ['double-encoded placeholder', build(withParams({ scope: 'offline_access+%257BYOUR_SCOPE%257D' })), ['fail:param.placeholder']],
  ['unknown scope on the practice server', build(withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri, scope: 'offline_access+api:reed' }), PRACTICE.authorizationEndpoint), ['warn:scope.unknown'], PRACTICE],
  ['several mistakes in one scope', build(withParams({ scope: 'Offline_Access,API:read' }), PRACTICE.authorizationEndpoint), ['fail:scope.comma_separated', 'fail:scope.offline_access_misspelled', 'warn:scope.unknown'], { ...PRACTICE, clientId: OKTA.clientId, redirectUri: OKTA.redirectUri }],
];

const PKCE_CASES: Case[] = [
  ['challenge missing', build(withParams({ code_challenge: undefined })), ['fail:code_challenge.missing']],
  ['challenge empty', build(withParams({ code_challenge: '' })), ['fail:param.empty']],
  ['challenge truncated', build(withParams({ code_challenge: CHALLENGE.slice(0, 40) })), ['fail:code_challenge.malformed']],
  ['challenge with a stray character', build(withParams({ code_challenge: `${CHALLENGE.slice(0, 42)}!` })), ['fail:code_challenge.malformed']],
  ['challenge pasted twice', build(withParams({ code_challenge: CHALLENGE + CHALLENGE })), ['fail:code_challenge.malformed']],
  ['base64 of the hex digest', build(withParams({ code_challenge: Buffer.from('13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3').toString('base64url') })), ['fail:code_challenge.malformed']],
  ['standard base64 with padding', build(withParams({ code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=' })), ['fail:code_challenge.not_base64url']],
  ['standard base64, encoded', build(withParams({ code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw%2FcM%3D' })), ['fail:code_challenge.not_base64url']],
  ['hex SHA-256', build(withParams({ code_challenge: '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3' })), ['fail:code_challenge.not_base64url']],
  ['the verifier itself (64 characters)', build(withParams({ code_challenge: 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag.abc~' })), ['fail:code_challenge.is_verifier']],
  ['the verifier itself, sent as both', build(withParams({ code_challenge: VERIFIER, code_verifier: VERIFIER })), ['fail:code_challenge.is_verifier', 'fail:code_verifier.in_url']],
  ['the verifier next to the challenge', build(withParams({ code_verifier: VERIFIER })), ['fail:code_verifier.in_url']],
  ['hash of an empty verifier', build(withParams({ code_challenge: '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU' })), ['fail:code_challenge.empty_verifier']],
  ['hash of "undefined"', build(withParams({ code_challenge: '6wRdeNJzEHNIsDAMAdKbdVLWIqu8b6-Bs-xVNZqplQw' })), ['fail:code_challenge.empty_verifier']],
  ['challenge placeholder', build(withParams({ code_challenge: '{CODE_CHALLENGE}' })), ['fail:param.placeholder']],
  ['method missing', build(withParams({ code_challenge_method: undefined })), ['fail:code_challenge_method.missing']],
  ['method plain', build(withParams({ code_challenge_method: 'plain' })), ['fail:code_challenge_method.plain']],
  ['method s256 (case)', build(withParams({ code_challenge_method: 's256' })), ['fail:code_challenge_method.invalid']],
  ['method SHA256', build(withParams({ code_challenge_method: 'SHA256' })), ['fail:code_challenge_method.invalid']],
  ['method sha-256', build(withParams({ code_challenge_method: 'sha-256' })), ['fail:code_challenge_method.invalid']],
];

describe.each([
  ['url', URL_CASES],
  ['params', PARAM_CASES],
  ['response_type', RESPONSE_TYPE_CASES],
  ['client_id', CLIENT_ID_CASES],
  ['state', STATE_CASES],
  ['redirect_uri', REDIRECT_URI_CASES],
  ['scope', SCOPE_CASES],
  ['pkce', PKCE_CASES],
])('checkAuthorizeUrl: %s', (_area, cases) => {
  it.each(cases)('%s', (_title, input, expected, expectations = OKTA) => {
    const report = run(input, expectations);
    expect(problems(report)).toEqual([...expected].sort());
    const fails = expected.some((e) => e.startsWith('fail:'));
    expect(report.status).toBe(fails ? 'fail' : 'pass');
    if (fails) expect(report.loginUrl).toBeUndefined();
    else expect(report.loginUrl).toBeTruthy();
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
    const report = run(build(withParams({ [junk]: junk, client_id: junk, redirect_uri: junk, scope: junk, state: junk, code_challenge: junk })));
    expect(problems(report)).toEqual(
      ['client_id.mismatch', 'code_challenge.malformed', 'param.unknown', 'redirect_uri.mismatch', 'scope.offline_access_missing', 'state.weak']
        .map((code) => `${code === 'param.unknown' || code === 'state.weak' ? 'warn' : 'fail'}:${code}`)
        .sort(),
    );
  });

  it('never quotes a client secret or code verifier', () => {
    const secret = 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t';
    const inputs = [
      build(withParams({ client_secret: secret, code_verifier: VERIFIER })),
      build(withParams({ client_id: secret })),
    ];
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

  it('normalizes the multi-line template to one line', () => {
    expect(normalizeUrlText(' https://a.example/x?\n  a=1\n  &b=2 \n')).toBe('https://a.example/x?a=1&b=2');
  });
});

afterAll(() => {
  // Every code this check can emit is exercised by at least one realistic input above.
  const emitted: DiagnosisCode[] = [
    'input.empty', 'url.invalid', 'url.not_https', 'url.host_mismatch', 'url.path_mismatch', 'url.no_query', 'url.fragment',
    'param.placeholder', 'param.unknown', 'param.duplicate', 'param.empty', 'response_type.missing', 'response_type.not_code',
    'client_id.missing', 'client_id.mismatch', 'client_id.secret_in_url', 'state.missing', 'state.weak', 'redirect_uri.missing',
    'redirect_uri.mismatch', 'redirect_uri.double_encoded', 'scope.missing', 'scope.offline_access_missing',
    'scope.offline_access_misspelled', 'scope.comma_separated', 'scope.literal_plus_encoded', 'scope.only_offline_access',
    'scope.unknown', 'code_challenge.missing', 'code_challenge.malformed', 'code_challenge.not_base64url',
    'code_challenge.is_verifier', 'code_challenge.empty_verifier', 'code_verifier.in_url', 'code_challenge_method.missing',
    'code_challenge_method.plain', 'code_challenge_method.invalid',
  ];
  expect(emitted.filter((code) => !seen.has(code))).toEqual([]);
});

// Issue 8, "Hostile input": a paste may be the worst case of its size. These guard that the
// work stays linear and the report stays readable, never how long it takes.
describe('checkAuthorizeUrl: hostile input', () => {
  const KIB = 1024;

  it('removes line breaks after 256 KiB of spaces and tabs in one pass (no regex backtracking over the run)', () => {
    expect(normalizeUrlText(`a${' \t'.repeat(128 * KIB)}b`)).toBe('ab');
    expect(normalizeUrlText(`a${' '.repeat(128 * KIB)}\n${'\t'.repeat(128 * KIB)}b`)).toBe('ab');
    // Still: line breaks vanish with their indentation; spaces inside a scope become %20.
    expect(normalizeUrlText('https://x.test/a?  \n  scope=a  b\r\n\t&state=s')).toBe('https://x.test/a?scope=a%20b&state=s');
  });

  it('reports a parameter repeated 8,000 times once, quoting a few of its values', () => {
    const report = checkAuthorizeUrl(build([...GOOD, ...Array.from({ length: 8000 }, (): [string, string] => ['state', STATE])], OKTA.authorizationEndpoint), OKTA);
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
    const report = checkAuthorizeUrl(build([...withParams({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect' }), ...junk]), OKTA);
    expect(report.results.find((r) => r.code === 'redirect_uri.missing')?.hint).toContain('redirect_url');
  });

  it('lists the first unknown scopes one by one and sums up the rest', () => {
    const scope = ['offline_access', ...Array.from({ length: 5000 }, (_, i) => `s${i}`)].join('+');
    const report = checkAuthorizeUrl(build(withParams({ scope }), PRACTICE.authorizationEndpoint), { ...PRACTICE, clientId: OKTA.clientId, redirectUri: OKTA.redirectUri });
    const unknown = report.results.filter((r) => r.code === 'scope.unknown');
    expect(unknown.length).toBeLessThanOrEqual(11);
    expect(unknown.at(-1)!.message).toMatch(/4990 more/);
  });

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
