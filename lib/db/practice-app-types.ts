/**
 * The practice server's app types (SPEC §9), one entry each: what a new app of that type
 * is called and allows, as Okta's app integration of the same kind. A type without an
 * entry is not built yet; adding one is one entry here (and its console panel).
 * @see /docs/api.md (the practice apps API)
 */

/** Grant types the practice console offers (labels: see components/practice-console). */
export const PRACTICE_GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token', 'implicit'] as const;
export type PracticeGrantType = (typeof PRACTICE_GRANT_TYPES)[number];

/** Every app type of the course, in the console's order. */
export const PRACTICE_APP_TYPES = ['web', 'spa', 'native', 'service', 'device'] as const;
export type PracticeAppType = (typeof PRACTICE_APP_TYPES)[number];

export interface PracticeAppTypeDefinition {
  /** The app's name, as Okta names a new app of this kind. */
  name: string;
  /** "Application type" on the app's page. */
  label: string;
  /** Okta's `application_type` of such an app (`web`, `browser`, `native`, `service`). */
  oktaApplicationType: 'web' | 'browser' | 'native' | 'service';
  /** oidc-provider's `application_type` (RFC 7591): `native` for apps on a device. */
  applicationType: 'web' | 'native';
  /** Grant types the app may have (the console's checkboxes). */
  grantTypesAllowed: readonly PracticeGrantType[];
  /** Grant types the app always has (a checkbox Okta does not let you untick). */
  grantTypesRequired: readonly PracticeGrantType[];
  /** Grant types a new app starts with. */
  initialGrantTypes: readonly PracticeGrantType[];
  /** Whether the app has sign-in redirect URIs (apps that sign users in). */
  redirectUris: boolean;
  /** How the app authenticates at the token endpoint (`none`: a public client). */
  authMethod: 'client_secret_basic' | 'none';
}

export const PRACTICE_APP_TYPE_DEFINITIONS: { readonly [T in PracticeAppType]?: PracticeAppTypeDefinition } = {
  // Okta "OIDC - Web Application": confidential; Refresh Token starts unticked, as in the
  // seed, so the learner enables it.
  web: {
    name: 'My Web App',
    label: 'Web',
    oktaApplicationType: 'web',
    applicationType: 'web',
    grantTypesAllowed: PRACTICE_GRANT_TYPES,
    grantTypesRequired: [],
    initialGrantTypes: ['authorization_code'],
    redirectUris: true,
    authMethod: 'client_secret_basic',
  },
  // Okta "API Services": machine to machine, Client Credentials only (the grant cannot be
  // unticked), no redirect URIs, so no refresh tokens and no ID tokens.
  service: {
    name: 'My Service App',
    label: 'Service',
    oktaApplicationType: 'service',
    applicationType: 'web',
    grantTypesAllowed: ['client_credentials'],
    grantTypesRequired: ['client_credentials'],
    initialGrantTypes: ['client_credentials'],
    redirectUris: false,
    authMethod: 'client_secret_basic',
  },
};

export function isPracticeAppType(value: unknown): value is PracticeAppType {
  return typeof value === 'string' && (PRACTICE_APP_TYPES as readonly string[]).includes(value);
}

/** The types that exist today (have a definition), in the console's order. */
export const BUILT_PRACTICE_APP_TYPES: readonly PracticeAppType[] = PRACTICE_APP_TYPES.filter(
  (type) => PRACTICE_APP_TYPE_DEFINITIONS[type] !== undefined,
);

/** A built type's definition, or undefined for a type that is not built yet (or unknown). */
export function practiceAppTypeDefinition(type: string): PracticeAppTypeDefinition | undefined {
  return isPracticeAppType(type) ? PRACTICE_APP_TYPE_DEFINITIONS[type] : undefined;
}
