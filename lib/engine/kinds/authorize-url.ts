import { z } from 'zod';
import { checkAuthorizeUrl } from '../../exercise/authorize-url';
import { exerciseApp } from '../app';
import { defineKind } from './types';

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
    return { report, effects: report.status === 'pass' && report.request ? { artifact: report.request } : {} };
  },
});
