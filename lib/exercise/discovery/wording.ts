/**
 * The discovery check's words for each provider: where a value is found in its console, what
 * the other endpoints of a metadata document are for, and where custom scopes are defined.
 * Pure and browser-safe.
 */
import { quote as quoteText } from '../report';
import type { DiscoveryContext, UrlField } from './types';

/** URLs are quoted whole: a truncated URL is no help. */
export const quote = (value: string) => quoteText(value, 200);

/** Where the Okta Admin Console shows a custom authorization server's settings. */
export const OKTA_SERVER_PATH = 'Okta Admin Console: Security → API → Authorization Servers → your server (default)';
const AUTH0_ENDPOINTS = 'Auth0 Dashboard: Applications → Applications → your app → Settings → Advanced Settings → Endpoints';
const KEYCLOAK_ENDPOINTS = 'Keycloak admin console: your realm → Realm settings → General → Endpoints → OpenID Endpoint Configuration';

/** Auth0 lists the endpoints under these names on the Endpoints tab (the issuer only in the document). */
const AUTH0_LABELS: Partial<Record<UrlField, string>> = {
  authorizationEndpoint: 'OAuth Authorization URL',
  tokenEndpoint: 'OAuth Token URL',
  jwksUri: 'JSON Web Key Set',
};

/** Where the learner finds a metadata value, in the provider's words: "from … (console path)". */
export function whereToCopy(ctx: DiscoveryContext, field?: UrlField): string {
  const document = `from the metadata at ${quote(ctx.metadataUrl)}`;
  if (ctx.practice) return `${document}, the practice server's`;
  switch (ctx.kind) {
    case 'okta':
      return `${document} (${OKTA_SERVER_PATH} → Settings → Metadata URI)`;
    case 'auth0': {
      const label = field ? AUTH0_LABELS[field] : undefined;
      return label ? `${document}, or as “${label}” (${AUTH0_ENDPOINTS})` : `${document} (${AUTH0_ENDPOINTS} → OpenID Configuration)`;
    }
    case 'keycloak':
      return `${document} (${KEYCLOAK_ENDPOINTS})`;
    case 'generic':
      return document;
  }
}

/** The metadata fields that hold a URL, named for a sentence, with what each is for. */
const METADATA_FIELDS: Record<string, { label: string; purpose?: string }> = {
  issuer: { label: 'issuer' },
  authorization_endpoint: { label: 'authorization endpoint' },
  token_endpoint: { label: 'token endpoint' },
  jwks_uri: { label: 'JWKS URI' },
  userinfo_endpoint: { label: 'userinfo endpoint', purpose: 'it returns the signed-in user’s claims to an access token' },
  introspection_endpoint: { label: 'introspection endpoint', purpose: 'it tells an API whether a token is still active' },
  revocation_endpoint: { label: 'revocation endpoint', purpose: 'it revokes a token' },
  end_session_endpoint: { label: 'logout (end-session) endpoint', purpose: 'it signs the user out' },
  registration_endpoint: { label: 'client registration endpoint', purpose: 'it registers new client apps' },
  device_authorization_endpoint: { label: 'device authorization endpoint', purpose: 'it starts the device flow (RFC 8628)' },
  pushed_authorization_request_endpoint: {
    label: 'pushed authorization request endpoint',
    purpose: 'it takes an authorization request by POST (RFC 9126)',
  },
  backchannel_authentication_endpoint: { label: 'CIBA endpoint', purpose: 'it starts a backchannel login' },
  check_session_iframe: { label: 'session-check iframe' },
  mfa_challenge_endpoint: { label: 'MFA challenge endpoint' },
};

export function fieldLabel(key: string): string {
  return METADATA_FIELDS[key]?.label ?? key.replaceAll('_', ' ');
}

export function fieldPurpose(key: string): string | undefined {
  return METADATA_FIELDS[key]?.purpose;
}

/** Where custom scopes are defined and published, per provider: the next action for a scope problem. */
export function whereScopesLive(ctx: DiscoveryContext): string {
  if (ctx.practice) return 'The practice server’s API defines its scopes; its metadata lists them in scopes_supported.';
  switch (ctx.kind) {
    case 'okta':
      return `Custom scopes are under ${OKTA_SERVER_PATH} → Scopes; a scope appears in scopes_supported only when “Include in public metadata” is ticked for it.`;
    case 'auth0':
      return 'Your API’s permissions are its scopes: Auth0 Dashboard → Applications → APIs → your API → Permissions.';
    case 'keycloak':
      return 'Custom scopes are client scopes: Keycloak admin console → your realm → Client scopes (protocol OpenID Connect); Keycloak lists every one of them in scopes_supported.';
    case 'generic':
      return 'Your server’s admin console or configuration defines its scopes.';
  }
}
