import 'server-only';
import { importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { trimTrailingSlashes } from './text';
import { safeFetch, type HostResolver, type SafeFetch, type SafeFetchFailure, type SafeFetchFailureReason } from './safe-fetch';

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' });
const stringList = z.array(z.string());

/**
 * The authorization server metadata fields the exercise uses. Endpoints are optional here so a
 * missing one is reported by name (issuer.no_token_endpoint…) rather than as invalid metadata.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export const authorizationServerMetadataSchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: httpUrl.optional(),
  token_endpoint: httpUrl.optional(),
  jwks_uri: httpUrl.optional(),
  scopes_supported: stringList.optional(),
  response_types_supported: stringList.optional(),
  grant_types_supported: stringList.optional(),
  code_challenge_methods_supported: stringList.optional(),
});

export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadataSchema>;

/** What one well-known URL gave. */
export interface MetadataAttempt {
  url: string;
  result: 'found' | 'http_status' | 'not_json' | 'invalid' | 'fetch_failed';
  /** HTTP status, when the server answered. */
  status?: number;
  contentType?: string;
  /** Set when result is fetch_failed. */
  reason?: SafeFetchFailureReason;
  /** The `issuer` the document claims, when it was valid metadata. */
  issuer?: string;
  /** A short description, e.g. "HTTP 404 (text/html)". */
  detail: string;
}

export type JwksOutcome =
  | { status: 'missing' }
  | { status: 'fetch_failed'; uri: string; reason: SafeFetchFailureReason; detail: string }
  | { status: 'invalid'; uri: string; detail: string }
  | { status: 'no_signing_keys'; uri: string; keyCount: number }
  | { status: 'ok'; uri: string; keyCount: number; signingKeyCount: number; algorithms: string[] };

export type DiscoveryOutcome =
  /** Every attempt failed before an HTTP answer (refused by the guard, DNS, timeout, TLS…). */
  | { status: 'fetch_failed'; failure: SafeFetchFailure; attempts: MetadataAttempt[] }
  /** The server answered, but no well-known URL held JSON metadata. */
  | { status: 'no_metadata'; attempts: MetadataAttempt[] }
  /** JSON came back, but not valid metadata. */
  | { status: 'metadata_invalid'; url: string; issues: string[]; attempts: MetadataAttempt[] }
  /** Metadata found (its `issuer` may still differ from the one entered) and its JWKS checked. */
  | {
      status: 'found';
      metadataUrl: string;
      metadata: AuthorizationServerMetadata;
      attempts: MetadataAttempt[];
      jwks: JwksOutcome;
    };

export interface DiscoveryOptions {
  /** ALLOW_PRIVATE_ISSUERS: lifts the SSRF rule. */
  allowPrivate: boolean;
  /** A stand-in for {@link safeFetch} (tests). */
  fetchImpl?: SafeFetch;
  timeoutMs?: number;
  resolve?: HostResolver;
}

/**
 * The metadata URLs for an issuer, in the order tried: `<issuer>/.well-known/oauth-authorization-server`
 * (how Okta and Keycloak publish it), the RFC 8414 form with the well-known segment inserted
 * before the issuer's path, then OpenID Connect Discovery's `<issuer>/.well-known/openid-configuration`.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationRequest
 */
export function wellKnownUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = trimTrailingSlashes(url.pathname);
  const base = `${url.origin}${path}`;
  const urls = [`${base}/.well-known/oauth-authorization-server`];
  if (path) urls.push(`${url.origin}/.well-known/oauth-authorization-server${path}`);
  urls.push(`${base}/.well-known/openid-configuration`);
  return urls;
}

// Failures that would repeat for every URL on the same host: stop at the first one.
const HOST_WIDE_FAILURES = new Set<SafeFetchFailureReason>([
  'invalid_url',
  'not_https',
  'private_address',
  'dns_failed',
  'timeout',
  'network',
]);

/**
 * Finds an issuer's metadata at its well-known URLs (all fetched through the SSRF guard),
 * preferring a document whose `issuer` matches the one entered, then loads its JWKS.
 */
export async function discoverIssuer(issuer: string, options: DiscoveryOptions): Promise<DiscoveryOutcome> {
  const fetchImpl = options.fetchImpl ?? safeFetch;
  const fetchOptions = { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, resolve: options.resolve };
  let urls: string[];
  try {
    urls = wellKnownUrls(issuer);
  } catch {
    const failure: SafeFetchFailure = { ok: false, reason: 'invalid_url', detail: 'not an absolute URL', url: issuer };
    return { status: 'fetch_failed', failure, attempts: [] };
  }
  const origin = new URL(issuer).origin;

  const attempts: MetadataAttempt[] = [];
  const found: { url: string; metadata: AuthorizationServerMetadata }[] = [];
  let invalid: { url: string; issues: string[] } | undefined;
  let firstFailure: SafeFetchFailure | undefined;

  for (const url of urls) {
    const response = await fetchImpl(url, { ...fetchOptions, accept: 'application/json' });
    if (!response.ok) {
      attempts.push({ url, result: 'fetch_failed', reason: response.reason, detail: response.detail });
      firstFailure ??= response;
      if (HOST_WIDE_FAILURES.has(response.reason) && originOf(response.url) === origin) break;
      continue;
    }
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
    const seen = `HTTP ${response.status}${contentType ? ` (${contentType})` : ''}`;
    if (response.status !== 200) {
      attempts.push({ url, result: 'http_status', status: response.status, contentType, detail: seen });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      const what = /^\s*</.test(response.body) ? 'an HTML page' : 'not JSON';
      attempts.push({ url, result: 'not_json', status: 200, contentType, detail: `${seen}, ${what}` });
      continue;
    }
    const parsed = authorizationServerMetadataSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`);
      attempts.push({ url, result: 'invalid', status: 200, contentType, detail: `${seen}, invalid metadata` });
      invalid ??= { url, issues };
      continue;
    }
    attempts.push({ url, result: 'found', status: 200, contentType, issuer: parsed.data.issuer, detail: seen });
    found.push({ url, metadata: parsed.data });
    if (parsed.data.issuer === issuer) break;
  }

  // RFC 8414 §3.3: the metadata must name the issuer it was fetched for. Prefer the document
  // that does; otherwise keep the first one so the mismatch can be explained.
  const chosen = found.find((f) => f.metadata.issuer === issuer) ?? found[0];
  if (chosen) {
    const jwks = await loadJwks(chosen.metadata.jwks_uri, options);
    return { status: 'found', metadataUrl: chosen.url, metadata: chosen.metadata, attempts, jwks };
  }
  if (invalid) return { status: 'metadata_invalid', url: invalid.url, issues: invalid.issues, attempts };
  if (firstFailure && attempts.every((a) => a.result === 'fetch_failed')) {
    return { status: 'fetch_failed', failure: firstFailure, attempts };
  }
  return { status: 'no_metadata', attempts };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

/** Loads a JWKS through the SSRF guard and counts the keys usable to verify signatures. */
export async function loadJwks(uri: string | undefined, options: DiscoveryOptions): Promise<JwksOutcome> {
  if (!uri) return { status: 'missing' };
  const fetchImpl = options.fetchImpl ?? safeFetch;
  const response = await fetchImpl(uri, {
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs,
    resolve: options.resolve,
    accept: 'application/json, application/jwk-set+json',
  });
  if (!response.ok) return { status: 'fetch_failed', uri, reason: response.reason, detail: response.detail };
  if (response.status !== 200) return { status: 'invalid', uri, detail: `HTTP ${response.status}` };
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    return { status: 'invalid', uri, detail: 'the response is not JSON' };
  }
  const parsed = jwksSchema.safeParse(json);
  if (!parsed.success) return { status: 'invalid', uri, detail: 'the JSON has no "keys" array' };

  const keys = parsed.data.keys as JWK[];
  const algorithms: string[] = [];
  for (const key of keys) {
    const alg = await usableSigningAlgorithm(key);
    if (alg) algorithms.push(alg);
  }
  if (algorithms.length === 0) return { status: 'no_signing_keys', uri, keyCount: keys.length };
  return {
    status: 'ok',
    uri,
    keyCount: keys.length,
    signingKeyCount: algorithms.length,
    algorithms: [...new Set(algorithms)],
  };
}

/** The algorithm a public key verifies with, or null when it cannot verify signatures. */
async function usableSigningAlgorithm(key: JWK): Promise<string | null> {
  if (key.use !== undefined && key.use !== 'sig') return null;
  if (Array.isArray(key.key_ops) && !key.key_ops.includes('verify')) return null;
  if ('d' in key || key.kty === 'oct') return null; // private or symmetric material has no place in a JWKS
  const alg = key.alg ?? defaultAlgorithm(key);
  if (!alg || /^(RSA-OAEP|RSA1_5|ECDH|A\d+|dir)/.test(alg)) return null;
  try {
    await importJWK(key, alg);
    return alg;
  } catch {
    return null;
  }
}

function defaultAlgorithm(key: JWK): string | undefined {
  if (key.kty === 'RSA') return 'RS256';
  if (key.kty === 'EC') return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[key.crv ?? ''];
  if (key.kty === 'OKP' && key.crv === 'Ed25519') return 'EdDSA';
  return undefined;
}
