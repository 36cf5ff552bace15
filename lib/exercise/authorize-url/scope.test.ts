import { describe, expect, it } from 'vitest';

import { checkAuthorizeUrl } from './index';
import { build, type Case, describeCases, expectExercised, OKTA, PRACTICE, withParams } from './test-support';

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
  [
    'unknown scope on the practice server',
    build(
      withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri, scope: 'offline_access+api:reed' }),
      PRACTICE.authorizationEndpoint,
    ),
    // Issue 11: the server publishes its scopes and would refuse this one: a failure, with the suggestion.
    ['fail:scope.unknown'],
    PRACTICE,
  ],
  [
    'a misspelled standard scope on a server that publishes none',
    build(withParams({ scope: 'offline_access+opnid' })),
    ['warn:scope.unknown'],
  ],
  ['a custom scope on a server that publishes none', build(withParams({ scope: 'offline_access+calendar.read' })), []],
  [
    'several mistakes in one scope',
    build(withParams({ scope: 'Offline_Access,API:read' }), PRACTICE.authorizationEndpoint),
    ['fail:scope.comma_separated', 'fail:scope.offline_access_misspelled', 'fail:scope.unknown'],
    { ...PRACTICE, clientId: OKTA.clientId, redirectUri: OKTA.redirectUri },
  ],
];

describeCases('scope', SCOPE_CASES);

// Issue 8, "Hostile input": a paste may be the worst case of its size. These guard that the
// work stays linear and the report stays readable, never how long it takes.
describe('checkAuthorizeUrl: hostile input', () => {
  it('lists the first unknown scopes one by one and sums up the rest', () => {
    const scope = ['offline_access', ...Array.from({ length: 5000 }, (_, i) => `s${i}`)].join('+');
    const report = checkAuthorizeUrl(build(withParams({ scope }), PRACTICE.authorizationEndpoint), {
      ...PRACTICE,
      clientId: OKTA.clientId,
      redirectUri: OKTA.redirectUri,
    });
    const unknown = report.results.filter((r) => r.code === 'scope.unknown');
    expect(unknown.length).toBeLessThanOrEqual(11);
    expect(unknown.at(-1)!.message).toMatch(/4990 more/);
  });
});

expectExercised([
  'scope.missing',
  'scope.offline_access_missing',
  'scope.offline_access_misspelled',
  'scope.comma_separated',
  'scope.literal_plus_encoded',
  'scope.only_offline_access',
  'scope.unknown',
]);
