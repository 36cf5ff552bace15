/**
 * Okta-like wording for the token endpoint's errors. oidc-provider answers most grant
 * failures with a generic "grant request is invalid" and keeps the reason in
 * `error_detail`; learners need the specific reason, in the words Okta uses.
 * Pure: input is the provider's error, output the RFC 6749 §5.2 body.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */

export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

/** The parts of an oidc-provider error the mapping reads. */
export interface ProviderErrorLike {
  error: string;
  error_description?: string;
  error_detail?: string;
}

export interface TokenErrorContext {
  /** `grant_type` of the failed request, if any. */
  grantType?: string;
  /** The client's configured grant types, when the client is known. */
  configuredGrantTypes?: readonly string[];
}

export const OKTA_MESSAGES = {
  invalidCode: 'The authorization code is invalid or has expired.',
  pkceFailed: 'PKCE verification failed.',
  redirectUriMismatch: "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
  invalidRefreshToken: 'The refresh token is invalid or expired.',
  invalidClient: 'Client authentication failed. Either the client or the client credentials are invalid.',
  unsupportedGrantType: 'The authorization grant type is not supported by the authorization server.',
  scopeNotConfigured: 'One or more scopes are not configured for the authorization server resource.',
  scopeRequired: "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
  openidScopesWithClientCredentials: "Cannot request 'openid' scopes using client credentials.",
  // Two periods: Okta's own text.
  nonceRequired: "The 'nonce' parameter is required for authorize requests with either the 'id_token' or 'token' response types..",
  postLogoutRedirectUriNotRegistered: "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.",
} as const;

/** oidc-provider's descriptions that have an Okta wording, wherever they are shown. */
const PROVIDER_DESCRIPTIONS: Record<string, string> = {
  "missing required parameter 'nonce'": OKTA_MESSAGES.nonceRequired,
  'post_logout_redirect_uri not registered': OKTA_MESSAGES.postLogoutRedirectUriNotRegistered,
};

/** Okta's wording for a provider error description, or the description itself. */
export function oktaDescription(description: string): string {
  return PROVIDER_DESCRIPTIONS[description] ?? description;
}

/**
 * An authorization error redirect (the answer in the query or the fragment) with Okta's
 * wording for the description; any other Location is returned as it is.
 */
export function withOktaAuthorizationError(location: string): string {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return location;
  }
  const fragment = new URLSearchParams(url.hash.slice(1));
  for (const [params, write] of [
    [url.searchParams, () => url.toString()],
    [fragment, () => `${url.origin}${url.pathname}${url.search}#${fragment.toString()}`],
  ] as const) {
    const description = params.get('error_description');
    if (description === null || oktaDescription(description) === description) continue;
    params.set('error_description', oktaDescription(description));
    return write();
  }
  return location;
}

const CODE_DETAILS = new Set(['authorization code not found', 'authorization code already consumed', 'authorization code is expired']);
const REFRESH_DETAILS = new Set(['refresh token not found', 'refresh token already used', 'refresh token is expired']);
const PKCE_DETAILS = new Set([
  'code_verifier does not match code_challenge',
  'code_verifier must be provided',
  'unsupported code_challenge_method',
]);
// Failures that are about the code or refresh token as a whole (its grant is gone, or it
// belongs to another client): Okta reports them like an unknown code/token.
const SOURCE_DETAILS = new Set(['grant not found', 'grant is expired', 'client mismatch']);

/** Maps a token-endpoint error to the body Okta would send. Unknown errors pass through. */
export function toOktaTokenError(err: ProviderErrorLike, context: TokenErrorContext = {}): OAuthErrorBody {
  const detail = err.error_detail ?? '';
  const passThrough = { error: err.error, error_description: err.error_description ?? err.error };

  switch (err.error) {
    case 'invalid_grant': {
      if (PKCE_DETAILS.has(detail)) return { error: 'invalid_grant', error_description: OKTA_MESSAGES.pkceFailed };
      if (detail === 'authorization code redirect_uri mismatch') {
        return { error: 'invalid_grant', error_description: OKTA_MESSAGES.redirectUriMismatch };
      }
      if (CODE_DETAILS.has(detail) || (SOURCE_DETAILS.has(detail) && context.grantType === 'authorization_code')) {
        return { error: 'invalid_grant', error_description: OKTA_MESSAGES.invalidCode };
      }
      if (REFRESH_DETAILS.has(detail) || (SOURCE_DETAILS.has(detail) && context.grantType === 'refresh_token')) {
        return { error: 'invalid_grant', error_description: OKTA_MESSAGES.invalidRefreshToken };
      }
      return passThrough;
    }
    case 'invalid_client':
      return { error: 'invalid_client', error_description: OKTA_MESSAGES.invalidClient };
    case 'unsupported_grant_type':
      return { error: 'unsupported_grant_type', error_description: OKTA_MESSAGES.unsupportedGrantType };
    case 'invalid_request':
      // oidc-provider says invalid_request; Okta (and RFC 6749 §5.2) say unauthorized_client.
      if (err.error_description === 'requested grant type is not allowed for this client') {
        const configured = context.configuredGrantTypes ?? [];
        return {
          error: 'unauthorized_client',
          error_description: `The client is not authorized to use the provided grant type. Configured grant types: [${configured.join(', ')}].`,
        };
      }
      return passThrough;
    default:
      return passThrough;
  }
}

/**
 * A `WWW-Authenticate` challenge with its `error_description` replaced (or added), so the
 * header says what the body says (RFC 6750 §3 quoting: `"` and `\` escaped).
 */
export function withErrorDescription(challenge: string, description: string): string {
  const quoted = `error_description="${description.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  const existing = /error_description="(?:[^"\\]|\\.)*"/;
  if (existing.test(challenge)) return challenge.replace(existing, () => quoted);
  return `${challenge}, ${quoted}`;
}

/** Okta-like wording for errors shown on the practice server's own error page. */
export function describeBrowserError(err: ProviderErrorLike): string {
  const description = oktaDescription(err.error_description ?? err.error);
  if (/redirect_uri did not match/.test(description)) {
    return "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: open the practice console and compare it character by character.";
  }
  if (err.error === 'invalid_client' || /client is invalid|client not found/.test(description)) {
    return "The 'client_id' is not a practice app's client ID. Copy the Client ID from the practice console.";
  }
  return description;
}
