import { describe, expect, it } from 'vitest';
import type { AuthorizationServerMetadata, DiscoveryOutcome, JwksOutcome } from '../issuer/discover';
import type { SafeFetchFailureReason } from '../issuer/safe-fetch';
import type { DiagnosisCode } from './report';
import { OKTA_ISSUER as ISSUER, OKTA_JWKS as okJwks, oktaMetadata as metadata } from './discovery-fixtures';
import { checkSetup, practiceProviderConfig, type SetupInput } from './setup';

const valid: SetupInput = { issuer: ISSUER, clientId: '0oa1b2c3d4e5f6g7h8i9', redirectUri: 'http://localhost:3000/redirect' };

const found = (meta: AuthorizationServerMetadata, jwks: JwksOutcome = okJwks): DiscoveryOutcome => ({
  status: 'found',
  metadataUrl: `${ISSUER}/.well-known/oauth-authorization-server`,
  metadata: meta,
  attempts: [],
  jwks,
});

const fetchFailed = (reason: SafeFetchFailureReason, detail = 'x'): DiscoveryOutcome => ({
  status: 'fetch_failed',
  failure: { ok: false, reason, detail, url: `${ISSUER}/.well-known/oauth-authorization-server` },
  attempts: [],
});

const problems = (report: ReturnType<typeof checkSetup>) => report.results.flatMap((r) => (r.code ? [`${r.status}:${r.code}`] : []));

describe('checkSetup: the input as typed', () => {
  it.each<[Partial<SetupInput>, string[]]>([
    // An empty field has its own code, not issuer.invalid_url (issue 20).
    [{ issuer: '' }, ['fail:issuer.missing']],
    [{ issuer: '   ' }, ['fail:issuer.missing']],
    [{ issuer: 'https://dev-123456.okta.com/oauth2/ default' }, ['fail:issuer.invalid_url']],
    [{ issuer: '/oauth2/default' }, ['fail:issuer.invalid_url']],
    [{ issuer: 'dev-123456.okta.com/oauth2/default' }, ['fail:issuer.invalid_url']],
    [{ issuer: 'dev-123456.okta.com:443' }, ['fail:issuer.invalid_url']],
    [{ issuer: 'https://{yourOktaDomain}/oauth2/default' }, ['fail:issuer.invalid_url']],
    [{ issuer: `${ISSUER}?client_id=abc` }, ['fail:issuer.invalid_url']],
    [{ issuer: `${ISSUER}#top` }, ['fail:issuer.invalid_url']],
    [{ issuer: 'https://admin:pw@dev-123456.okta.com/oauth2/default' }, ['fail:issuer.invalid_url']],
    [{ issuer: `${ISSUER}/.well-known/openid-configuration` }, ['fail:issuer.invalid_url']],
    [{ issuer: 'ftp://dev-123456.okta.com' }, ['fail:issuer.invalid_url']],
    [{ clientId: '' }, ['fail:client_id.missing']],
    [{ clientId: '  ' }, ['fail:client_id.missing']],
    [{ clientId: '{yourClientId}' }, ['fail:client_id.missing']],
    [{ clientId: 'YOUR_CLIENT_ID' }, ['fail:client_id.missing']],
    [{ redirectUri: '' }, ['fail:redirect_uri.invalid']],
    [{ redirectUri: '/redirect' }, ['fail:redirect_uri.invalid']],
    [{ redirectUri: 'javascript:alert(1)' }, ['fail:redirect_uri.invalid']],
    [{ redirectUri: 'https://example-app.com/redirect#done' }, ['fail:redirect_uri.invalid']],
    [{ redirectUri: 'https://example-app.com/ redirect' }, ['fail:redirect_uri.invalid']],
    // all problems at once
    [
      { issuer: 'nope', clientId: '', redirectUri: 'nope' },
      ['fail:issuer.invalid_url', 'fail:client_id.missing', 'fail:redirect_uri.invalid'],
    ],
    // accepted as typed (outer whitespace is forgiven)
    [{ issuer: `  ${ISSUER}  ` }, []],
    [{ issuer: 'https://acme.auth0.com/' }, []],
    [{ issuer: 'http://localhost:8080/realms/lab' }, []], // http is for the guard to judge
    [{ redirectUri: 'https://example-app.com/redirect?from=lab' }, []],
  ])('%j → %j', (overrides, expected) => {
    expect(problems(checkSetup({ ...valid, ...overrides }, null))).toEqual(expected);
  });

  it('passes no provider when discovery has not run', () => {
    expect(checkSetup(valid, null).provider).toBeUndefined();
  });
});

describe('checkSetup: what discovery found', () => {
  it.each<[string, DiscoveryOutcome, string[]]>([
    ['refused: http', fetchFailed('not_https'), ['fail:issuer.not_https']],
    ['refused: private address', fetchFailed('private_address'), ['fail:issuer.private_address']],
    ['redirected to an invalid URL', fetchFailed('invalid_url'), ['fail:issuer.invalid_url']],
    ['DNS failure', fetchFailed('dns_failed'), ['fail:issuer.unreachable']],
    ['timeout', fetchFailed('timeout'), ['fail:issuer.unreachable']],
    ['TLS error', fetchFailed('network', 'TLS error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)'), ['fail:issuer.unreachable']],
    ['redirect loop', fetchFailed('too_many_redirects'), ['fail:issuer.unreachable']],
    ['huge document', fetchFailed('too_large'), ['fail:issuer.metadata_invalid']],
    ['no metadata', { status: 'no_metadata', attempts: [] }, ['fail:issuer.no_metadata']],
    [
      'invalid metadata',
      { status: 'metadata_invalid', url: ISSUER, issues: ['issuer: required'], attempts: [] },
      ['fail:issuer.metadata_invalid'],
    ],
    [
      'no endpoints',
      found(metadata({ authorization_endpoint: undefined, token_endpoint: undefined })),
      ['fail:issuer.no_authorization_endpoint', 'fail:issuer.no_token_endpoint'],
    ],
    ['trailing slash mismatch', found(metadata({}, `${ISSUER}/`)), ['fail:issuer.mismatch']],
    ['no jwks_uri', found(metadata({ jwks_uri: undefined }), { status: 'missing' }), ['fail:issuer.no_jwks']],
    ['JWKS unreachable', found(metadata(), { status: 'fetch_failed', uri: 'u', reason: 'timeout', detail: 'x' }), ['fail:issuer.no_jwks']],
    ['JWKS not JSON', found(metadata(), { status: 'invalid', uri: 'u', detail: 'not JSON' }), ['fail:issuer.no_jwks']],
    ['JWKS without signing keys', found(metadata(), { status: 'no_signing_keys', uri: 'u', keyCount: 2 }), ['fail:issuer.no_jwks']],
    ['PKCE plain only', found(metadata({ code_challenge_methods_supported: ['plain'] })), ['warn:issuer.pkce_not_advertised']],
    ['PKCE not listed', found(metadata({ code_challenge_methods_supported: undefined })), ['warn:issuer.pkce_not_advertised']],
    [
      'no refresh_token grant',
      found(metadata({ grant_types_supported: ['authorization_code', 'implicit'] })),
      ['warn:issuer.refresh_grant_not_advertised'],
    ],
    ['grant types not listed', found(metadata({ grant_types_supported: undefined })), ['info:issuer.refresh_grant_not_advertised']],
    ['all good', found(metadata()), []],
  ])('%s → %j', (_name, discovery, expected) => {
    expect(problems(checkSetup(valid, discovery))).toEqual(expected);
  });

  it('explains the private-address refusal and how self-hosters lift it', () => {
    const report = checkSetup(valid, fetchFailed('private_address', '"intranet.example" resolves to a private network address'));
    const result = report.results.find((r) => r.code === 'issuer.private_address');
    expect(result?.message).toContain('"intranet.example" resolves to a private network address');
    expect(result?.hint).toContain('ALLOW_PRIVATE_ISSUERS=true');
  });

  it('says which reachability problem it was', () => {
    const report = checkSetup(valid, fetchFailed('network', 'TLS error: certificate has expired (CERT_HAS_EXPIRED)'));
    const result = report.results.find((r) => r.code === 'issuer.unreachable');
    expect(result?.message).toContain('CERT_HAS_EXPIRED');
    expect(result?.hint).toMatch(/certificate/);
  });

  it('names both issuers in a mismatch and recommends the Okta custom authorization server over the org server', () => {
    const org = 'https://dev-123456.okta.com';
    const report = checkSetup(valid, found(metadata({}, org)));
    const mismatch = report.results.find((r) => r.code === 'issuer.mismatch');
    expect(mismatch?.message).toContain(ISSUER);
    expect(mismatch?.message).toContain(org);
    expect(mismatch?.hint).toContain(`Use the custom one, "${ISSUER}"`);
  });

  it("warns when the issuer is Okta's org authorization server", () => {
    const org = 'https://dev-123456.okta.com';
    const report = checkSetup({ ...valid, issuer: org }, found(metadata({}, org)));
    expect(problems(report)).toEqual(['warn:issuer.okta_org_server']);
    expect(report.status).toBe('pass');
  });

  it('gives the provider configuration, without secrets, when everything passes', () => {
    const report = checkSetup({ ...valid, clientId: ' 0oa1b2c3d4e5f6g7h8i9 ' }, found(metadata()));
    expect(report.status).toBe('pass');
    expect(report.results.map((r) => r.check)).toEqual([
      'issuer',
      'metadata',
      'issuer_match',
      'jwks',
      'pkce',
      'refresh_grant',
      'client_id',
      'redirect_uri',
    ]);
    expect(report.provider).toEqual({
      mode: 'custom',
      kind: 'okta',
      issuer: ISSUER,
      authorizationEndpoint: `${ISSUER}/v1/authorize`,
      tokenEndpoint: `${ISSUER}/v1/token`,
      jwksUri: `${ISSUER}/v1/keys`,
      scopesSupported: ['openid', 'offline_access', 'api:read'],
      clientId: '0oa1b2c3d4e5f6g7h8i9',
      redirectUri: 'http://localhost:3000/redirect',
    });
  });

  it('gives no provider when the report fails', () => {
    expect(checkSetup(valid, found(metadata({}, `${ISSUER}/`))).provider).toBeUndefined();
  });
});

describe('practiceProviderConfig', () => {
  it('describes the practice server like an Okta default authorization server', () => {
    expect(practiceProviderConfig('http://localhost:3000/', { clientId: 'practice-client' })).toEqual({
      mode: 'practice',
      kind: 'okta',
      issuer: 'http://localhost:3000/oauth2/default',
      authorizationEndpoint: 'http://localhost:3000/oauth2/default/v1/authorize',
      tokenEndpoint: 'http://localhost:3000/oauth2/default/v1/token',
      jwksUri: 'http://localhost:3000/oauth2/default/v1/keys',
      scopesSupported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
      clientId: 'practice-client',
      redirectUri: 'http://localhost:3000/redirect',
    });
  });
});

// Every setup code is emitted by a test in this file or in lib/issuer/discover.test.ts.
const SETUP_CODES: DiagnosisCode[] = [
  'issuer.missing',
  'issuer.invalid_url',
  'issuer.not_https',
  'issuer.private_address',
  'issuer.unreachable',
  'issuer.no_metadata',
  'issuer.metadata_invalid',
  'issuer.mismatch',
  'issuer.no_jwks',
  'issuer.pkce_not_advertised',
  'issuer.refresh_grant_not_advertised',
  'issuer.no_authorization_endpoint',
  'issuer.no_token_endpoint',
  'issuer.okta_org_server',
  'client_id.missing',
  'redirect_uri.invalid',
];
it('the setup codes are all declared diagnosis codes', async () => {
  const { DIAGNOSIS_CODES } = await import('./codes');
  expect(DIAGNOSIS_CODES).toEqual(expect.arrayContaining(SETUP_CODES));
});

describe('checkSetup: hostile input', () => {
  // `/\/+$/` retries from every slash of a run that does not reach the end: quadratic.
  const slashes = `https://dev-123456.okta.com${'/'.repeat(256 * 1024)}x`;

  it('trims trailing slashes of an issuer with 256 KiB of slashes inside it in linear time', () => {
    const report = checkSetup({ ...valid, issuer: slashes }, fetchFailed('timeout'));
    expect(problems(report)).toEqual(['fail:issuer.unreachable']);
  });

  it('explains an issuer mismatch whose issuers are mostly slashes in linear time', () => {
    const report = checkSetup({ ...valid, issuer: slashes }, found(metadata({}, `${slashes}y`)));
    expect(problems(report)).toContain('fail:issuer.mismatch');
  });
});
