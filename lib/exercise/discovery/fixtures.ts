/**
 * Test fixtures (imported only by tests and code examples): metadata documents in the shapes
 * each provider publishes, with the context the discovery check receives.
 * - Okta: a custom authorization server's /.well-known/oauth-authorization-server (org-level
 *   registration endpoint, device_sso among the scopes, one custom scope marked public).
 * - Auth0: a tenant's /.well-known/openid-configuration (issuer with a trailing slash, user
 *   claims among scopes_supported, no API permissions).
 * - Keycloak 26: a realm's openid-configuration (every client scope of the realm listed).
 * - Generic: RFC 8414 §3.2's example document, and one without scopes_supported.
 */
import { practiceProviderConfig } from '../setup';
import type { DiscoveryAnswers, DiscoveryContext, DiscoveryMetadata } from './types';

export const PRACTICE_SITE = 'https://lab.example.edu';

/** The practice server's document, as lib/practice-server publishes it. */
export function practiceContext(): DiscoveryContext {
  const config = practiceProviderConfig(PRACTICE_SITE);
  const issuer = config.issuer;
  return {
    practice: true,
    kind: 'okta',
    metadataUrl: `${issuer}/.well-known/oauth-authorization-server`,
    metadata: {
      issuer,
      authorization_endpoint: config.authorizationEndpoint,
      token_endpoint: config.tokenEndpoint,
      jwks_uri: config.jwksUri,
      userinfo_endpoint: `${issuer}/v1/userinfo`,
      introspection_endpoint: `${issuer}/v1/introspect`,
      revocation_endpoint: `${issuer}/v1/revoke`,
      end_session_endpoint: `${issuer}/v1/logout`,
      scopes_supported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
    },
  };
}

export const OKTA_ORG = 'https://dev-123456.okta.com';

/** An Okta custom authorization server (`default`) with one public custom scope. */
export function oktaContext(serverId = 'default'): DiscoveryContext {
  const issuer = `${OKTA_ORG}/oauth2/${serverId}`;
  return {
    practice: false,
    kind: 'okta',
    metadataUrl: `${issuer}/.well-known/oauth-authorization-server`,
    metadata: {
      issuer,
      authorization_endpoint: `${issuer}/v1/authorize`,
      token_endpoint: `${issuer}/v1/token`,
      registration_endpoint: `${OKTA_ORG}/oauth2/v1/clients`,
      jwks_uri: `${issuer}/v1/keys`,
      response_types_supported: ['code', 'token', 'id_token', 'code id_token', 'code token', 'id_token token', 'code id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post', 'okta_post_message'],
      grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'password', 'client_credentials'],
      subject_types_supported: ['public'],
      scopes_supported: ['photos:read', 'openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
      claims_supported: ['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'uid', 'scp', 'sub'],
      code_challenge_methods_supported: ['S256'],
      introspection_endpoint: `${issuer}/v1/introspect`,
      introspection_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'client_secret_jwt',
        'private_key_jwt',
        'none',
      ],
      revocation_endpoint: `${issuer}/v1/revoke`,
      revocation_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'client_secret_jwt',
        'private_key_jwt',
        'none',
      ],
      end_session_endpoint: `${issuer}/v1/logout`,
      request_parameter_supported: true,
      request_object_signing_alg_values_supported: ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'],
      device_authorization_endpoint: `${issuer}/v1/device/authorize`,
    },
  };
}

/** An Okta org authorization server's document (issuer without a path, endpoints under /oauth2/v1). */
export function oktaOrgContext(): DiscoveryContext {
  const custom = oktaContext();
  return {
    ...custom,
    metadataUrl: `${OKTA_ORG}/.well-known/oauth-authorization-server`,
    metadata: {
      ...custom.metadata,
      issuer: OKTA_ORG,
      authorization_endpoint: `${OKTA_ORG}/oauth2/v1/authorize`,
      token_endpoint: `${OKTA_ORG}/oauth2/v1/token`,
      jwks_uri: `${OKTA_ORG}/oauth2/v1/keys`,
      introspection_endpoint: `${OKTA_ORG}/oauth2/v1/introspect`,
      revocation_endpoint: `${OKTA_ORG}/oauth2/v1/revoke`,
      end_session_endpoint: `${OKTA_ORG}/oauth2/v1/logout`,
      device_authorization_endpoint: `${OKTA_ORG}/oauth2/v1/device/authorize`,
      scopes_supported: ['openid', 'email', 'profile', 'address', 'phone', 'offline_access', 'groups', 'okta.users.read', 'okta.apps.read'],
    },
  };
}

export const AUTH0_TENANT = 'https://dev-abc123xyz.us.auth0.com';

/** An Auth0 tenant's OpenID configuration. */
export function auth0Context(): DiscoveryContext {
  const base = AUTH0_TENANT;
  return {
    practice: false,
    kind: 'auth0',
    metadataUrl: `${base}/.well-known/openid-configuration`,
    metadata: {
      issuer: `${base}/`,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/oauth/token`,
      device_authorization_endpoint: `${base}/oauth/device/code`,
      userinfo_endpoint: `${base}/userinfo`,
      mfa_challenge_endpoint: `${base}/mfa/challenge`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      registration_endpoint: `${base}/oidc/register`,
      revocation_endpoint: `${base}/oauth/revoke`,
      scopes_supported: [
        'openid',
        'profile',
        'offline_access',
        'name',
        'given_name',
        'family_name',
        'nickname',
        'email',
        'email_verified',
        'picture',
        'created_at',
        'identities',
        'phone',
        'address',
      ],
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token'],
      code_challenge_methods_supported: ['S256', 'plain'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      claims_supported: [
        'aud',
        'auth_time',
        'created_at',
        'email',
        'email_verified',
        'exp',
        'family_name',
        'given_name',
        'iat',
        'identities',
        'iss',
        'name',
        'nickname',
        'phone_number',
        'picture',
        'sub',
      ],
      request_uri_parameter_supported: false,
      request_parameter_supported: false,
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'PS256'],
      end_session_endpoint: `${base}/oidc/logout`,
    },
  };
}

export const KEYCLOAK_HOST = 'https://sso.example.org';

/** A Keycloak 26 realm `photos` with a custom client scope `photos:read`. */
export function keycloakContext(realm = 'photos'): DiscoveryContext {
  const issuer = `${KEYCLOAK_HOST}/realms/${realm}`;
  const oidc = `${issuer}/protocol/openid-connect`;
  return {
    practice: false,
    kind: 'keycloak',
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    metadata: {
      issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      introspection_endpoint: `${oidc}/token/introspect`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
      frontchannel_logout_session_supported: true,
      frontchannel_logout_supported: true,
      jwks_uri: `${oidc}/certs`,
      check_session_iframe: `${oidc}/login-status-iframe.html`,
      grant_types_supported: [
        'authorization_code',
        'client_credentials',
        'implicit',
        'password',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
        'urn:ietf:params:oauth:grant-type:token-exchange',
        'urn:openid:params:grant-type:ciba',
      ],
      response_types_supported: [
        'code',
        'none',
        'id_token',
        'token',
        'id_token token',
        'code id_token',
        'code token',
        'code id_token token',
      ],
      registration_endpoint: `${issuer}/clients-registrations/openid-connect`,
      token_endpoint_auth_methods_supported: [
        'private_key_jwt',
        'client_secret_basic',
        'client_secret_post',
        'tls_client_auth',
        'client_secret_jwt',
      ],
      scopes_supported: [
        'openid',
        'photos:read',
        'acr',
        'address',
        'basic',
        'email',
        'microprofile-jwt',
        'offline_access',
        'organization',
        'phone',
        'profile',
        'roles',
        'service_account',
        'web-origins',
      ],
      code_challenge_methods_supported: ['plain', 'S256'],
      revocation_endpoint: `${oidc}/revoke`,
      device_authorization_endpoint: `${oidc}/auth/device`,
      backchannel_authentication_endpoint: `${oidc}/ext/ciba/auth`,
      pushed_authorization_request_endpoint: `${oidc}/ext/par/request`,
    },
  };
}

/** RFC 8414 §3.2's example metadata, with one custom scope of its API. */
export function genericContext(scopes: string[] | null = ['openid', 'profile', 'email', 'photos.read', 'photos.write']): DiscoveryContext {
  const base = 'https://server.example.com';
  const metadata: DiscoveryMetadata = {
    issuer: base,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
    userinfo_endpoint: `${base}/userinfo`,
    jwks_uri: `${base}/jwks.json`,
    registration_endpoint: `${base}/register`,
    response_types_supported: ['code', 'code token'],
    service_documentation: 'http://server.example.com/service_documentation.html',
    ui_locales_supported: ['en-US', 'en-GB', 'en-CA', 'fr-FR', 'fr-CA'],
  };
  if (scopes) metadata.scopes_supported = scopes;
  return { practice: false, kind: 'generic', metadataUrl: `${base}/.well-known/oauth-authorization-server`, metadata };
}

/** The right answers for a context: its metadata's values and a custom scope. */
export function answersFor(ctx: DiscoveryContext, scope: string, overrides: Partial<DiscoveryAnswers> = {}): DiscoveryAnswers {
  return {
    issuer: ctx.metadata.issuer,
    authorizationEndpoint: ctx.metadata.authorization_endpoint,
    tokenEndpoint: ctx.metadata.token_endpoint,
    jwksUri: ctx.metadata.jwks_uri,
    scope,
    ...overrides,
  };
}
