/**
 * Maps a learner's practice app ("My Web App", "My Service App"…) to oidc-provider client
 * metadata. Pure: no provider, no database.
 */
import type { ClientMetadata, ResponseType } from 'oidc-provider';
import { practiceAppTypeDefinition, type PracticeApp } from '../db/practice-clients';

/** The web app's name, shown on the sign-in page and in the console. */
export const PRACTICE_APP_NAME = 'My Web App';

/** Response types the provider is configured with (and a client may register). */
export const SUPPORTED_RESPONSE_TYPES: ResponseType[] = [
  'code',
  'id_token',
  'id_token token',
  'code id_token',
  'code token',
  'code id_token token',
];

/**
 * Response types consistent with the app's grants. oidc-provider derives grants from
 * response types (a `code` response type silently re-adds the authorization_code grant),
 * so `code` is registered only while Authorization Code is ticked, and the implicit/hybrid
 * types only while "Implicit (Hybrid)" is ticked.
 */
export function responseTypesFor(grantTypes: readonly string[]): ResponseType[] {
  const code = grantTypes.includes('authorization_code');
  const implicit = grantTypes.includes('implicit');
  return SUPPORTED_RESPONSE_TYPES.filter((type) => {
    const parts = type.split(' ');
    const needsImplicit = parts.includes('id_token') || parts.includes('token');
    return (parts.includes('code') ? code : true) && (needsImplicit ? implicit : code);
  });
}

/**
 * The provider's view of a practice app: a client of its type (lib/db/practice-app-types.ts)
 * — the web and service apps are confidential, authenticated with their secret (Basic or
 * POST: both are accepted for any secret-based client by oidc-provider 9.13) — with exact
 * redirect URIs (none for a service app), the app's grants, its refresh-token behaviour
 * (read by `rotateRefreshToken`) and whether it requires PKCE (`pkce.required`).
 */
export function toClientMetadata(app: PracticeApp): ClientMetadata {
  const definition = practiceAppTypeDefinition(app.type);
  // A row of a type this version does not build is no client (its grants are unknown).
  const allowed: readonly string[] = definition?.grantTypesAllowed ?? [];
  const grantTypes = [...new Set(app.grantTypes)].filter((grant) => allowed.includes(grant));
  return {
    client_id: app.clientId,
    client_secret: app.clientSecret,
    client_name: definition?.name ?? PRACTICE_APP_NAME,
    application_type: definition?.applicationType ?? 'web',
    token_endpoint_auth_method: definition?.authMethod ?? 'client_secret_basic',
    redirect_uris: definition?.redirectUris ? [...app.redirectUris] : [],
    // "Sign-out redirect URIs": /v1/logout's post_logout_redirect_uri must be one of them.
    post_logout_redirect_uris: definition?.redirectUris ? [...app.postLogoutRedirectUris] : [],
    grant_types: grantTypes,
    response_types: responseTypesFor(grantTypes),
    refresh_token_rotation: app.refreshTokenRotation,
    require_pkce: app.requirePkce,
  };
}
