import 'server-only';
import { createRemoteJWKSet, customFetch, type FetchImplementation, type JWTVerifyGetKey } from 'jose';
import { safeFetch, type SafeFetch, type SafeFetchFailureReason } from './safe-fetch';

/** A JWKS fetch refused by the SSRF guard or failed on the network. */
export class GuardedFetchError extends Error {
  constructor(
    readonly reason: SafeFetchFailureReason,
    detail: string,
  ) {
    super(detail);
    // jose turns errors named TimeoutError into its JWKSTimeout.
    this.name = reason === 'timeout' ? 'TimeoutError' : 'GuardedFetchError';
  }
}

export interface KeyResolverOptions {
  /** ALLOW_PRIVATE_ISSUERS: lifts the SSRF rule. */
  allowPrivate: boolean;
  /** A stand-in for {@link safeFetch} (tests). */
  fetchImpl?: SafeFetch;
}

// Learners may enter many issuers over a server's life: keep the most recently created ones.
const MAX_CACHED = 200;
const resolvers = new Map<string, JWTVerifyGetKey>();

// Statuses whose Response may not carry a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Adapts {@link safeFetch} to the fetch jose expects, so every JWKS request is guarded. */
function guardedFetch(allowPrivate: boolean, fetchImpl: SafeFetch): FetchImplementation {
  return async (url, { headers, signal }) => {
    const result = await fetchImpl(url, { allowPrivate, signal, accept: headers.get('accept') ?? undefined });
    if (!result.ok) throw new GuardedFetchError(result.reason, result.detail);
    return new Response(NULL_BODY_STATUSES.has(result.status) ? null : result.body, {
      status: result.status,
      headers: result.headers,
    });
  };
}

/**
 * A key resolver for `jwtVerify`, cached per JWKS URI: keys are reused until they age out, and
 * an unknown `kid` triggers a refetch (jose's cooldown keeps that from hammering the server).
 * Every fetch goes through the SSRF guard.
 */
export function getKeyResolver(jwksUri: string, options: KeyResolverOptions): JWTVerifyGetKey {
  const cacheKey = `${options.allowPrivate ? 'private' : 'public'} ${jwksUri}`;
  const cached = resolvers.get(cacheKey);
  if (cached && !options.fetchImpl) return cached;

  const resolver = createRemoteJWKSet(new URL(jwksUri), {
    [customFetch]: guardedFetch(options.allowPrivate, options.fetchImpl ?? safeFetch),
  });
  if (options.fetchImpl) return resolver; // a stand-in fetch is never shared through the cache
  if (resolvers.size >= MAX_CACHED) {
    const oldest = resolvers.keys().next().value;
    if (oldest !== undefined) resolvers.delete(oldest);
  }
  resolvers.set(cacheKey, resolver);
  return resolver;
}

/** Forgets every cached key resolver (tests). */
export function clearKeyResolverCache(): void {
  resolvers.clear();
}
