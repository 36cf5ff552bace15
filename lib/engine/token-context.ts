/**
 * What a token response check compares with: the learner's server and app, the artefacts of
 * the exercise's earlier steps, and — on the practice server — lookups the checks make only
 * when they need them (a missing refresh token, a rotation to describe), so a passing paste
 * costs no extra database work on the check API's hot path.
 */
import { findCodeExchange, findTokenOrigin } from '../db/practice-clients';
import { findRecipeMistake } from '../db/practice-recipe-mistakes';
import type { TokenCheckContext } from '../exercise/token/context';
import { getKeyResolver } from '../issuer/jwks';
import { getPracticeKeyResolver } from '../practice-server/keys';
import { PRACTICE_AUDIENCE } from '../practice-server/mount';
import { practiceRefreshTokenExists } from '../practice-server/token-standing';
import type { ExerciseApp } from './app';
import { artifactOf } from './artifacts';
import type { KindContext } from './kinds/types';

export async function tokenContext(ctx: KindContext, app: ExerciseApp): Promise<TokenCheckContext> {
  const { db, env } = ctx;
  const provider = ctx.provider!;
  const practice = provider.mode === 'practice';
  const request = artifactOf(ctx, 'authorize-url');
  const codeFingerprint = artifactOf(ctx, 'redirect')?.codeFingerprint ?? null;
  const clientId = app.clientId;
  return {
    issuer: provider.issuer,
    tokenEndpoint: provider.tokenEndpoint,
    redirectUri: request?.redirectUri ?? undefined,
    clientId,
    audience: practice ? PRACTICE_AUDIENCE : undefined,
    now: ctx.now,
    getKey: practice ? await getPracticeKeyResolver(db) : getKeyResolver(provider.jwksUri, { allowPrivate: env.ALLOW_PRIVATE_ISSUERS }),
    practice,
    kind: practice ? undefined : provider.kind,
    refreshToken: ctx.step.params?.refreshToken === 'optional' ? 'optional' : 'required',
    lookupRefreshGrant: app.practiceApp ? async () => (await app.practiceApp!()).grantTypes.includes('refresh_token') : undefined,
    offlineAccessRequested: request ? request.scopes.includes('offline_access') : null,
    refreshTokenExists: practice ? (token) => practiceRefreshTokenExists(db, token) : undefined,
    lookupOrigin: practice ? async (jti) => (await findTokenOrigin(db, jti))?.grantType ?? null : undefined,
    lookupCodeExchange:
      practice && codeFingerprint
        ? async () => {
            const exchange = await findCodeExchange(db, codeFingerprint);
            if (!exchange) return null;
            const at = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000));
            return { exchangedAt: at(exchange.exchangedAt)!, reusedAt: at(exchange.reusedAt), revokedAt: at(exchange.revokedAt) };
          }
        : undefined,
    codeChallenge: request?.codeChallenge ?? null,
    // Asked only when a refused client authentication's paste shows a Basic header: compared, never kept.
    lookupClientSecret: app.practiceApp ? async () => (await app.practiceApp!()).clientSecret : undefined,
    lookupRecipeMistake: practice
      ? async (kind) => {
          const row = await findRecipeMistake(db, clientId, kind);
          if (!row) return null;
          const sameCode = row.codeFingerprint === null || codeFingerprint === null ? null : row.codeFingerprint === codeFingerprint;
          return { label: row.label, recordedAt: new Date(row.recordedAt * 1000), sameCode };
        }
      : undefined,
  };
}
