import { z } from 'zod';
import { findTokenOrigin } from '../../db/practice-clients';
import { findRecipeMistake } from '../../db/practice-recipe-mistakes';
import { checkClientCredentialsResponse } from '../../exercise/client-credentials/check';
import { getKeyResolver } from '../../issuer/jwks';
import { getPracticeKeyResolver } from '../../practice-server/keys';
import { PRACTICE_AUDIENCE } from '../../practice-server/mount';
import { toStoredClaims } from '../../progress/stored-claims';
import { exerciseApp } from '../app';
import { defineKind } from './types';

/** The client credentials grant's answer, for the exercise's service app (the web app's client id names the other credentials). */
export const clientCredentialsKind = defineKind({
  body: z.strictObject({ response: z.string() }),
  needsServer: true,
  async check(ctx, { response }) {
    const { db, env } = ctx;
    const provider = ctx.provider!;
    const practice = provider.mode === 'practice';
    const app = exerciseApp(ctx);
    const report = await checkClientCredentialsResponse(response, {
      issuer: provider.issuer,
      tokenEndpoint: provider.tokenEndpoint,
      clientId: app.clientId,
      otherClientIds: provider.clientId && provider.clientId !== app.clientId ? { web: provider.clientId } : undefined,
      audience: practice ? PRACTICE_AUDIENCE : undefined,
      now: ctx.now,
      getKey: practice ? await getPracticeKeyResolver(db) : getKeyResolver(provider.jwksUri, { allowPrivate: env.ALLOW_PRIVATE_ISSUERS }),
      practice,
      kind: practice ? undefined : provider.kind,
      lookupOrigin: practice ? async (jti) => (await findTokenOrigin(db, jti))?.grantType ?? null : undefined,
      lookupClientSecret: app.practiceApp ? async () => (await app.practiceApp!()).clientSecret : undefined,
      lookupRecipeMistake: practice
        ? async (kind) => {
            const row = await findRecipeMistake(db, app.clientId, kind);
            return row ? { label: row.label, recordedAt: new Date(row.recordedAt * 1000), sameCode: null } : null;
          }
        : undefined,
    });
    return {
      report,
      effects: {
        claims: toStoredClaims(report.claims?.payload),
        ...(report.status === 'pass' && report.summary ? { artifact: report.summary } : {}),
      },
    };
  },
});
