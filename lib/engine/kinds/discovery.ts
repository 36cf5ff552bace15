import { z } from 'zod';
import { checkDiscovery } from '../../exercise/discovery/check';
import { practiceMetadataUrl } from '../../exercise/discovery/instructions';
import type { DiscoveryContext, DiscoveryMetadata } from '../../exercise/discovery/types';
import type { ProviderConfig } from '../../exercise/setup';
import { discoverIssuer } from '../../issuer/discover';
import { defineKind } from './types';
import type { Env } from '../../env';

const field = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/**
 * The metadata the learner reads: the practice server's own (known here, no fetch), or the own
 * server's discovered again through the SSRF guard — the whole document, so a userinfo or
 * revocation endpoint entered in the wrong field is named — falling back to what setup found.
 */
async function metadataOf(provider: ProviderConfig, env: Env): Promise<Pick<DiscoveryContext, 'metadata' | 'metadataUrl'>> {
  const known: DiscoveryMetadata = {
    issuer: provider.issuer,
    authorization_endpoint: provider.authorizationEndpoint,
    token_endpoint: provider.tokenEndpoint,
    jwks_uri: provider.jwksUri,
    scopes_supported: provider.scopesSupported,
  };
  if (provider.mode === 'practice') {
    const v1 = `${provider.issuer}/v1`;
    return {
      metadata: {
        ...known,
        userinfo_endpoint: `${v1}/userinfo`,
        revocation_endpoint: `${v1}/revoke`,
        introspection_endpoint: `${v1}/introspect`,
      },
      metadataUrl: practiceMetadataUrl(provider.issuer),
    };
  }
  const discovered = await discoverIssuer(provider.issuer, { allowPrivate: env.ALLOW_PRIVATE_ISSUERS });
  if (discovered.status === 'found') {
    return {
      metadata: { ...known, ...(discovered.metadata as Record<string, unknown>) } as DiscoveryMetadata,
      metadataUrl: discovered.metadataUrl,
    };
  }
  return { metadata: known, metadataUrl: `${provider.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration` };
}

/** Getting Started: the issuer, endpoints, key set and a custom scope, compared with the server's metadata. */
export const discoveryKind = defineKind({
  body: z.strictObject({
    issuer: field(2000),
    authorizationEndpoint: field(2000),
    tokenEndpoint: field(2000),
    jwksUri: field(2000),
    scope: field(500),
  }),
  needsServer: true,
  async check(ctx, answers) {
    const provider = ctx.provider!;
    const report = checkDiscovery(answers, {
      ...(await metadataOf(provider, ctx.env)),
      kind: provider.kind,
      practice: provider.mode === 'practice',
    });
    return { report, effects: report.status === 'pass' && report.values ? { artifact: report.values } : {} };
  },
});
