import { describe, expect, it } from 'vitest';
import { detectProviderKind, type ProviderHints, type ProviderKind } from './providers';

describe('detectProviderKind', () => {
  it.each<[string, ProviderHints | null, ProviderKind]>([
    // Okta: by host, and by path shape on a custom domain
    ['https://dev-123456.okta.com/oauth2/default', null, 'okta'],
    ['https://dev-123456.okta.com', null, 'okta'],
    ['https://acme.oktapreview.com/oauth2/aus1abcd', null, 'okta'],
    ['https://acme.okta-emea.com/oauth2/default', null, 'okta'],
    ['https://login.acme.com/oauth2/default', { authorization_endpoint: 'https://login.acme.com/oauth2/default/v1/authorize' }, 'okta'],
    ['https://login.acme.com', { authorization_endpoint: 'https://login.acme.com/oauth2/v1/authorize' }, 'okta'],
    // Auth0: by host (regional too), and by endpoint shape on a custom domain
    ['https://acme.auth0.com/', null, 'auth0'],
    ['https://acme.eu.auth0.com/', null, 'auth0'],
    [
      'https://id.acme.com/',
      { authorization_endpoint: 'https://id.acme.com/authorize', token_endpoint: 'https://id.acme.com/oauth/token' },
      'auth0',
    ],
    // Keycloak: the realm path (current and legacy /auth prefix), or its endpoint shape
    ['https://sso.acme.com/realms/lab', null, 'keycloak'],
    ['https://sso.acme.com/auth/realms/lab', null, 'keycloak'],
    ['https://sso.acme.com/custom', { authorization_endpoint: 'https://sso.acme.com/custom/protocol/openid-connect/auth' }, 'keycloak'],
    // everything else
    ['https://accounts.google.com', { authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth' }, 'generic'],
    ['https://login.example.org/oidc', { authorization_endpoint: 'https://login.example.org/oidc/auth' }, 'generic'],
    ['https://notokta.com/oauth2/default', null, 'generic'],
    ['https://auth0.com.evil.example/', null, 'generic'],
    ['not a url', null, 'generic'],
  ])('%s %j → %s', (issuer, metadata, expected) => {
    expect(detectProviderKind(issuer, metadata)).toBe(expected);
  });
});
