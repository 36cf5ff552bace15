import type { ProviderKind } from '../../issuer/providers';
import type { Report } from '../report';

/** What the learner entered, as typed. */
export interface DiscoveryAnswers {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  scope: string;
}

/** The server's metadata document (RFC 8414 / OpenID Connect Discovery), as fetched: every field kept. */
export interface DiscoveryMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  scopes_supported?: string[] | null;
  [key: string]: unknown;
}

export interface DiscoveryContext {
  metadata: DiscoveryMetadata;
  /** Where the metadata was read (the learner opens the same document). */
  metadataUrl: string;
  kind: ProviderKind;
  /** The site's practice server (kind "okta"): hints name its console, not Okta's. */
  practice: boolean;
}

export interface DiscoveryReport extends Report<'discovery'> {
  /** When the report passes: the metadata's values, and the scope entered (the first, if several). */
  values?: DiscoveryAnswers;
}

/** The four URL fields, and the metadata field each is compared with. */
export type UrlField = 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint' | 'jwksUri';

export interface UrlFieldInfo {
  /** The result's `check` id. */
  check: string;
  /** The metadata field. */
  key: 'issuer' | 'authorization_endpoint' | 'token_endpoint' | 'jwks_uri';
  /** How the field is named in a sentence. */
  label: string;
}

export const URL_FIELDS: Record<UrlField, UrlFieldInfo> = {
  issuer: { check: 'issuer', key: 'issuer', label: 'issuer' },
  authorizationEndpoint: { check: 'authorization_endpoint', key: 'authorization_endpoint', label: 'authorization endpoint' },
  tokenEndpoint: { check: 'token_endpoint', key: 'token_endpoint', label: 'token endpoint' },
  jwksUri: { check: 'jwks_uri', key: 'jwks_uri', label: 'JWKS URI' },
};

export const URL_FIELD_ORDER: UrlField[] = ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'jwksUri'];
