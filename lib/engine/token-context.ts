/**
 * What a token response check compares with: the learner's server and app, the artefacts of
 * the exercise's earlier steps, and — on the practice server — lookups the checks make only
 * when they need them (a missing refresh token, a rotation to describe), so a passing paste
 * costs no extra database work on the check API's hot path.
 */
import { findCodeExchange, findTokenOrigin, listTokenOriginsOfGrant } from '../db/practice-clients';
import { findRecipeMistake } from '../db/practice-recipe-mistakes';
import { checkedUrlsOf } from '../exercise/checked-urls';
import type { CodeIssueRecord, LoginRefreshes, TokenCheckContext } from '../exercise/token/context';
import type { TokenSummary } from '../exercise/token/inspect';
import { getKeyResolver } from '../issuer/jwks';
import { getPracticeKeyResolver } from '../practice-server/keys';
import { PRACTICE_AUDIENCE } from '../practice-server/mount';
import { practiceCodeIssue, practiceRefreshTokenExists } from '../practice-server/token-standing';
import type { ExerciseApp } from './app';
import { artifactOf, type ArtifactOfKind } from './artifacts';
import type { KindContext } from './kinds/types';

export async function tokenContext(ctx: KindContext, app: ExerciseApp): Promise<TokenCheckContext> {
  const { db, env } = ctx;
  const provider = ctx.provider!;
  const practice = provider.mode === 'practice';
  const request = artifactOf(ctx, 'authorize-url');
  const captured = artifactOf(ctx, 'redirect');
  const codeFingerprint = captured?.codeFingerprint ?? null;
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
    checkedUrls: checkedUrlsOf(request),
    lookupCodeIssue: practice && captured ? () => codeIssue(ctx, captured) : undefined,
    lookupAppChangedAt: app.practiceApp ? async () => new Date((await app.practiceApp!()).updatedAt) : undefined,
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

const at = (seconds: number) => new Date(seconds * 1000);

/**
 * The captured code's issue: as the redirect step recorded it while the code was fresh, else
 * the server's row if it is still there (an artefact from before the redirect step kept it).
 */
async function codeIssue(ctx: KindContext, captured: ArtifactOfKind['redirect']): Promise<CodeIssueRecord | null> {
  const { codeFingerprint } = captured;
  const kept =
    captured.issuedAt !== undefined && captured.expiresAt !== undefined
      ? {
          issuedAt: captured.issuedAt,
          expiresAt: captured.expiresAt,
          scopes: captured.scopes ?? null,
          codeChallenge: captured.codeChallenge ?? null,
        }
      : await practiceCodeIssue(ctx.db, codeFingerprint);
  if (!kept) return null;
  return {
    codeFingerprint,
    issuedAt: at(kept.issuedAt),
    expiresAt: at(kept.expiresAt),
    scopes: kept.scopes,
    codeChallenge: kept.codeChallenge,
  };
}

/**
 * Practice server only, at the refresh step: the refreshes the server answered for the login
 * the checked code exchange came from (found by its access token's recorded grant).
 */
export function loginRefreshesLookup(
  ctx: KindContext,
  first: TokenSummary | null,
  rotation: () => Promise<'persistent' | 'rotate' | null>,
): (() => Promise<LoginRefreshes | null>) | undefined {
  if (ctx.provider?.mode !== 'practice' || !first?.jti) return undefined;
  const jti = first.jti;
  return async () => {
    const grantId = (await findTokenOrigin(ctx.db, jti))?.grantId;
    if (!grantId) return null;
    const refreshes = (await listTokenOriginsOfGrant(ctx.db, grantId)).filter((origin) => origin.grantType === 'refresh_token');
    return {
      rotation: await rotation(),
      refreshTokenFingerprint: first.refreshTokenFingerprint,
      refreshedAt: refreshes.map((origin) => at(origin.issuedAt)),
    };
  };
}
