import { z } from 'zod';
import { checkAuthorizeUrl } from '../../exercise/authorize-url';
import { withCheckHistory } from '../../exercise/checked-urls';
import { exerciseApp } from '../app';
import type { ArtifactOfKind } from '../artifacts';
import { defineKind, type KindContext } from './types';

/** This step's own artefact: the URL that passed last. */
const ownArtifact = (ctx: KindContext) => (ctx.run.steps[ctx.step.id]?.artifact ?? null) as ArtifactOfKind['authorize-url'] | null;

/** Parameters: `requiredScopes` (default offline_access, the Refresh Tokens exercise's). */
export const authorizeUrlKind = defineKind({
  body: z.strictObject({ url: z.string().max(16_000, 'must be at most 16000 characters') }),
  needsServer: true,
  async check(ctx, { url }) {
    const provider = ctx.provider!;
    const app = exerciseApp(ctx);
    const requiredScopes = ctx.step.params?.requiredScopes as string[] | undefined;
    const report = checkAuthorizeUrl(url, {
      issuer: provider.issuer,
      authorizationEndpoint: provider.authorizationEndpoint,
      tokenEndpoint: provider.tokenEndpoint,
      clientId: app.clientId,
      redirectUri: provider.redirectUri,
      registeredRedirectUris: app.practiceApp ? (await app.practiceApp()).redirectUris : undefined,
      scopesSupported: provider.scopesSupported ?? undefined,
      requiredScopes,
    });
    // The URLs checked before it stay beside it, so later steps can name the one a redirect or verifier came from.
    const artifact = report.status === 'pass' && report.request ? withCheckHistory(report.request, ownArtifact(ctx), ctx.now) : null;
    return { report, effects: artifact ? { artifact } : {} };
  },
});
