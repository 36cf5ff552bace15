/**
 * The discovery check on correct answers from every provider kind, and its report's shape:
 * one result per field, every problem at once, the values kept when it passes.
 */
import { describe, expect, it } from 'vitest';
import { checkDiscovery, type DiscoveryContext } from './check';
import { answersFor, auth0Context, genericContext, keycloakContext, oktaContext, practiceContext, PRACTICE_SITE } from './fixtures';
import { metadataInstructions, METADATA_INSTRUCTIONS, practiceMetadataUrl } from './instructions';
import { practiceProviderConfig } from '../setup';

const statuses = (ctx: DiscoveryContext, scope: string, overrides = {}) =>
  checkDiscovery(answersFor(ctx, scope, overrides), ctx).results.map((r) => `${r.check}:${r.status}${r.code ? `:${r.code}` : ''}`);

const ALL_PASS = ['issuer:pass', 'authorization_endpoint:pass', 'token_endpoint:pass', 'jwks_uri:pass', 'scope:pass'];

describe('checkDiscovery: correct answers pass', () => {
  it.each<[string, DiscoveryContext, string]>([
    ['the practice server', practiceContext(), 'api:read'],
    ['the practice server, its other scope', practiceContext(), 'api:write'],
    ['an Okta custom authorization server', oktaContext(), 'photos:read'],
    ['an Okta custom authorization server other than default', oktaContext('aus8x9k2lmNOPq4r5d7'), 'photos:read'],
    ['a Keycloak realm', keycloakContext(), 'photos:read'],
    ['an RFC 8414 server', genericContext(), 'photos.read'],
  ])('%s', (_name, ctx, scope) => {
    const report = checkDiscovery(answersFor(ctx, scope), ctx);
    expect(report.status).toBe('pass');
    expect(statuses(ctx, scope)).toEqual(ALL_PASS);
    // Pass results name the value that matched.
    for (const result of report.results) expect(result.message).toMatch(/".+"/);
    expect(report.results[1]!.message).toContain(ctx.metadata.authorization_endpoint);
    expect(report.values).toEqual({
      issuer: ctx.metadata.issuer,
      authorizationEndpoint: ctx.metadata.authorization_endpoint,
      tokenEndpoint: ctx.metadata.token_endpoint,
      jwksUri: ctx.metadata.jwks_uri,
      scope,
    });
  });

  it('Auth0: passes, the scope an info (Auth0 never publishes API permissions)', () => {
    const ctx = auth0Context();
    const report = checkDiscovery(answersFor(ctx, 'read:photos'), ctx);
    expect(report.status).toBe('pass');
    expect(statuses(ctx, 'read:photos')).toEqual([...ALL_PASS.slice(0, 4), 'scope:info:discovery.scope_unverifiable']);
    expect(report.values?.scope).toBe('read:photos');
  });

  it('a server without scopes_supported: passes, the scope an info saying why', () => {
    const ctx = genericContext(null);
    const report = checkDiscovery(answersFor(ctx, 'photos.read'), ctx);
    expect(report.status).toBe('pass');
    const scope = report.results.at(-1)!;
    expect(scope).toMatchObject({ status: 'info', code: 'discovery.scope_unverifiable' });
    expect(scope.message).toMatch(/no scopes_supported/);
  });

  it('takes values with spaces around them, as typed in a form', () => {
    const ctx = oktaContext();
    const padded = answersFor(ctx, '  photos:read\n');
    const report = checkDiscovery({ ...padded, issuer: ` ${padded.issuer} `, jwksUri: `${padded.jwksUri}\n` }, ctx);
    expect(report.status).toBe('pass');
  });

  it('takes an endpoint that is the same URL written differently (host case, :443), but not such an issuer', () => {
    const ctx = oktaContext();
    expect(
      statuses(ctx, 'photos:read', {
        authorizationEndpoint: 'https://DEV-123456.okta.com:443/oauth2/default/v1/authorize',
        issuer: 'https://DEV-123456.okta.com/oauth2/default',
      }),
    ).toEqual(['issuer:fail:discovery.near_miss', ...ALL_PASS.slice(1)]);
  });

  it('warns, and passes, for several published custom scopes; the first one is kept', () => {
    const ctx = practiceContext();
    const report = checkDiscovery(answersFor(ctx, 'api:read api:write'), ctx);
    expect(report.status).toBe('pass');
    expect(report.results.at(-1)).toMatchObject({ status: 'warn', code: 'discovery.scope_several' });
    expect(report.values?.scope).toBe('api:read');
  });
});

describe('checkDiscovery: every problem at once', () => {
  it('gives one result per field, each with its own code', () => {
    const ctx = oktaContext();
    const issuer = ctx.metadata.issuer;
    const report = checkDiscovery(
      {
        issuer: `${issuer}/`,
        authorizationEndpoint: issuer,
        tokenEndpoint: 'https://dev-123456.okta.com/oauth2/v1/token',
        jwksUri: '',
        scope: 'openid',
      },
      ctx,
    );
    expect(report.status).toBe('fail');
    expect(report.step).toBe('discovery');
    expect(report.results.map((r) => `${r.check}:${r.code}`)).toEqual([
      'issuer:discovery.trailing_slash',
      'authorization_endpoint:discovery.wrong_field',
      'token_endpoint:discovery.okta_org_server',
      'jwks_uri:discovery.missing',
      'scope:discovery.scope_standard',
    ]);
    expect(report.values).toBeUndefined();
    for (const result of report.results) expect(result.hint).toBeTruthy();
  });

  it('names the two swapped endpoints in both results', () => {
    const ctx = keycloakContext();
    const report = checkDiscovery(
      answersFor(ctx, 'photos:read', {
        authorizationEndpoint: ctx.metadata.token_endpoint,
        tokenEndpoint: ctx.metadata.authorization_endpoint,
      }),
      ctx,
    );
    const [, authorize, token] = report.results;
    expect(authorize!.message).toMatch(/swapped/);
    expect(token!.message).toMatch(/swapped/);
  });
});

describe('where the metadata document is (instructions)', () => {
  it('gives the practice server its metadata URL from the issuer', () => {
    const issuer = practiceProviderConfig(PRACTICE_SITE).issuer;
    expect(practiceMetadataUrl(issuer)).toBe('https://lab.example.edu/oauth2/default/.well-known/oauth-authorization-server');
    expect(practiceMetadataUrl(`${issuer}/`)).toBe(practiceMetadataUrl(issuer));
    expect(metadataInstructions('okta', { practice: true, issuer })).toContain(practiceMetadataUrl(issuer));
  });

  it('names each provider’s own console', () => {
    expect(METADATA_INSTRUCTIONS.okta).toMatch(/Security → API → Authorization Servers.*Metadata URI/);
    expect(METADATA_INSTRUCTIONS.auth0).toMatch(/Advanced Settings → Endpoints.*OpenID Configuration/);
    expect(METADATA_INSTRUCTIONS.keycloak).toMatch(/Realm settings.*OpenID Endpoint Configuration/);
    expect(METADATA_INSTRUCTIONS.generic).toMatch(/oauth-authorization-server.*openid-configuration/);
    for (const text of Object.values(METADATA_INSTRUCTIONS)) expect(text.split(/[.;] /).length).toBeLessThanOrEqual(3);
  });
});

describe('checkDiscovery: metadata it was not promised', () => {
  it('does not throw when a caller passes metadata without an endpoint', () => {
    const ctx = oktaContext();
    const partial = { ...ctx, metadata: { ...ctx.metadata, jwks_uri: undefined as unknown as string, scopes_supported: null } };
    const report = checkDiscovery(answersFor(ctx, 'photos:read'), partial);
    expect(report.results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'fail', 'info']);
  });
});
