import { build, type Case, describeCases, expectExercised, GOOD, OKTA, PRACTICE, withParams } from './test-support';

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
  [
    '127.0.0.1 instead of localhost',
    build(
      withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri }),
      'http://127.0.0.1:3000/oauth2/default/v1/authorize',
    ),
    ['fail:url.host_mismatch'],
    PRACTICE,
  ],
  [
    'https on the http practice server',
    build(
      withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri }),
      'https://localhost:3000/oauth2/default/v1/authorize',
    ),
    ['fail:url.host_mismatch'],
    PRACTICE,
  ],
  [
    'wrong port on the practice server',
    build(
      withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri }),
      'http://localhost:3001/oauth2/default/v1/authorize',
    ),
    ['fail:url.host_mismatch'],
    PRACTICE,
  ],
  ['token endpoint', build(GOOD, OKTA.tokenEndpoint), ['fail:url.path_mismatch']],
  ['Okta org authorization server', build(GOOD, 'https://dev-123456.okta.com/oauth2/v1/authorize'), ['fail:url.path_mismatch']],
  ['missing /v1/', build(GOOD, 'https://dev-123456.okta.com/oauth2/default/authorize'), ['fail:url.path_mismatch']],
  ['trailing slash', build(GOOD, 'https://dev-123456.okta.com/oauth2/default/v1/authorize/'), ['fail:url.path_mismatch']],
  ['the issuer only', build(GOOD, OKTA.issuer), ['fail:url.path_mismatch']],
  ['the discovery document', build(GOOD, `${OKTA.issuer}/.well-known/openid-configuration`), ['fail:url.path_mismatch']],
  [
    'wrong host and path at once',
    build(GOOD, 'https://dev-654321.okta.com/oauth2/v1/token'),
    ['fail:url.host_mismatch', 'fail:url.path_mismatch'],
  ],
  ['no query at all', OKTA.authorizationEndpoint, ['fail:url.no_query']],
  ['a bare "?"', `${OKTA.authorizationEndpoint}?`, ['fail:url.no_query']],
  ['parameters after "#"', build(GOOD).replace('?', '#'), ['fail:url.fragment']],
  ['a fragment after the query', `${build(GOOD)}#state=abc`, ['fail:url.fragment']],
  ['an empty trailing "#"', `${build(GOOD)}#`, ['warn:url.fragment']],
];

describeCases('url', URL_CASES);

expectExercised(['input.empty', 'url.invalid', 'url.not_https', 'url.host_mismatch', 'url.path_mismatch', 'url.no_query', 'url.fragment']);
