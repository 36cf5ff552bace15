/**
 * Recognises well-known authorization server products from their issuer and metadata, so the
 * exercise can show that product's own steps (the "Enable refresh tokens" step). Pure: no network.
 */

export type ProviderKind = 'okta' | 'auth0' | 'keycloak' | 'generic';

/** The metadata fields recognition looks at (all optional: works on partial metadata too). */
export interface ProviderHints {
  authorization_endpoint?: string;
  token_endpoint?: string;
  jwks_uri?: string;
  [key: string]: unknown;
}

export interface ProviderInfo {
  label: string;
  /** What this product's issuer looks like, for hints. */
  issuerExample: string;
  /** Where to tick "Refresh Token" (or its equivalent) for the learner's app. */
  enableRefreshToken: readonly string[];
  /** Where the app's settings are, for hints ("… in {appSettings}"). */
  appSettings: string;
  /** One sentence: how to allow refresh tokens for the app. */
  enableRefreshTokenShort: string;
}

export const PROVIDERS: Record<ProviderKind, ProviderInfo> = {
  okta: {
    label: 'Okta',
    issuerExample: 'https://{yourOktaDomain}/oauth2/default',
    enableRefreshToken: [
      'In the Okta Admin Console, open Applications → Applications and select your app.',
      'On the General tab, under General Settings, click Edit.',
      'Under Grant type, tick Refresh Token, then click Save.',
    ],
    appSettings: "the app's General Settings in the Okta Admin Console (Applications → your app → Edit)",
    enableRefreshTokenShort:
      'enable the Refresh Token grant on the app (Okta Admin Console: Applications → your app → General Settings → Edit → tick Refresh Token → Save)',
  },
  auth0: {
    label: 'Auth0',
    issuerExample: 'https://{tenant}.auth0.com/',
    enableRefreshToken: [
      'In the Auth0 Dashboard, open Applications → Applications and select your app.',
      'Open Settings → Advanced Settings → Grant Types, tick Refresh Token, then Save Changes.',
      'Under Applications → APIs, select your API and turn on Allow Offline Access.',
    ],
    appSettings: "the application's settings in the Auth0 Dashboard (Applications → your app → Settings)",
    enableRefreshTokenShort:
      "tick Refresh Token under the application's Advanced Settings → Grant Types, and turn on Allow Offline Access for your API (Auth0 Dashboard → Applications → APIs)",
  },
  keycloak: {
    label: 'Keycloak',
    issuerExample: 'https://{host}/realms/{realm}',
    enableRefreshToken: [
      'In the Keycloak admin console, select your realm, then Clients and your client.',
      'Under Client scopes, make sure offline_access is assigned (it is a default optional scope).',
      'Under Advanced → OpenID Connect Compatibility Modes, leave "Use refresh tokens" on.',
    ],
    appSettings: "the client's settings in the Keycloak admin console (your realm → Clients → your client)",
    enableRefreshTokenShort:
      'make sure the client has the offline_access client scope and "Use refresh tokens" on (Keycloak admin console → your realm → Clients → your client)',
  },
  generic: {
    label: 'your authorization server',
    issuerExample: 'https://{host}/{path}',
    enableRefreshToken: [
      'Open your client (application) registration in your authorization server.',
      'Allow the refresh_token grant type for it, and allow the offline_access scope if your server uses one.',
    ],
    appSettings: "your app's registration on the authorization server",
    enableRefreshTokenShort:
      "allow the refresh_token grant type in your app's registration on the authorization server (and the offline_access scope, if it has one)",
  },
};

const OKTA_HOST = /(^|\.)((okta|oktapreview|okta-emea|okta-gov|trexcloud)\.com|okta\.mil)$/i;
const AUTH0_HOST = /(^|\.)auth0\.com$/i;

function parse(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Which product an issuer belongs to: by host first (okta.com, auth0.com), then by the shape of
 * its paths, which also holds on custom domains (Okta `/oauth2/…/v1/authorize`, Keycloak
 * `/realms/{realm}/protocol/openid-connect/auth`, Auth0 `/authorize` + `/oauth/token`).
 */
export function detectProviderKind(issuer: string, metadata?: ProviderHints | null): ProviderKind {
  const issuerUrl = parse(issuer);
  const authorize = parse(metadata?.authorization_endpoint);
  const token = parse(metadata?.token_endpoint);
  const hosts = [issuerUrl, authorize].flatMap((u) => (u ? [u.hostname] : []));

  if (hosts.some((h) => OKTA_HOST.test(h))) return 'okta';
  if (hosts.some((h) => AUTH0_HOST.test(h))) return 'auth0';

  const issuerPath = issuerUrl?.pathname ?? '';
  if (/^(\/auth)?\/realms\/[^/]+\/?$/.test(issuerPath) || /\/protocol\/openid-connect\/auth$/.test(authorize?.pathname ?? '')) {
    return 'keycloak';
  }
  if (/^\/oauth2(\/[^/]+)?\/v1\/authorize$/.test(authorize?.pathname ?? '')) return 'okta';
  if (authorize?.pathname === '/authorize' && token?.pathname === '/oauth/token') return 'auth0';
  return 'generic';
}
