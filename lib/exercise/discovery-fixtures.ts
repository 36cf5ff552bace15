/**
 * Test fixtures (imported only by tests): an Okta developer org's discovery answer as the
 * setup check receives it, for the setup tests and the every-code catalogue.
 */
import type { AuthorizationServerMetadata, JwksOutcome } from '../issuer/discover';

export const OKTA_ISSUER = 'https://dev-123456.okta.com/oauth2/default';

/** The org's key set, loaded: one RS256 signing key. */
export const OKTA_JWKS: JwksOutcome = {
  status: 'ok',
  uri: `${OKTA_ISSUER}/v1/keys`,
  keyCount: 1,
  signingKeyCount: 1,
  algorithms: ['RS256'],
};

/** The org's authorization server metadata, with overrides (`undefined` removes a field). */
export function oktaMetadata(overrides: Partial<AuthorizationServerMetadata> = {}, issuer = OKTA_ISSUER): AuthorizationServerMetadata {
  return {
    issuer,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    jwks_uri: `${issuer}/v1/keys`,
    scopes_supported: ['openid', 'offline_access', 'api:read'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    response_types_supported: ['code'],
    ...overrides,
  };
}
