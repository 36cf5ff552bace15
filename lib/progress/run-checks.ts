import type { DB } from '../db/client';
import { findCodeExchange, findPracticeAppByLearner, findTokenOrigin, getOrCreatePracticeApp } from '../db/practice-clients';
import { findRecipeMistake } from '../db/practice-recipe-mistakes';
import type { Env } from '../env';
import { checkAuthorizeUrl, type AuthorizeUrlReport } from '../exercise/authorize-url';
import { checkRedirect, type RedirectInput, type RedirectReport } from '../exercise/redirect';
import { makeReport, pass } from '../exercise/report';
import { practiceProviderConfig, type ProviderConfig, type SetupReport } from '../exercise/setup';
import type { TokenCheckContext } from '../exercise/token/context';
import { fingerprint } from '../exercise/token/inspect';
import { checkRefreshResponse, type RefreshResponseReport } from '../exercise/token/refresh-step';
import { checkTokenResponse, type TokenResponseReport } from '../exercise/token/token-step';
import { runCustomSetup } from './custom-setup';
import { getKeyResolver } from '../issuer/jwks';
import { admitLearner, type LearnerRef } from '../learners/admission';
import { getPracticeKeyResolver } from '../practice-server/keys';
import { PRACTICE_AUDIENCE } from '../practice-server/mount';
import { practiceRefreshTokenExists } from '../practice-server/token-standing';
import { FeatureDisabled, PrerequisiteMissing } from './errors';
import { loadExerciseState, recordAttempt, type ExerciseState } from './store';
import { toStoredClaims } from './stored-claims';

/**
 * The exercise's use cases: each loads the learner's state, runs one pure check with
 * what it needs (expected values, a clock, keys), records the attempt and returns the
 * report. Route handlers call exactly one of these.
 */

export type SetupChoice = { mode: 'practice' } | { mode: 'custom'; issuer: string; clientId: string; redirectUri?: string };

export async function runSetupStep(db: DB, env: Env, learner: LearnerRef, input: SetupChoice): Promise<SetupReport> {
  const learnerId = learner.id;
  const state = await loadExerciseState(db, learnerId);
  // Setup is every learner's first write: the row is created now (rate-limited per address).
  // The later steps need a chosen provider, so they only ever write for admitted learners.
  if (state.startedAt === null) await admitLearner(db, learner);
  let report: SetupReport;
  if (input.mode === 'practice') {
    if (!env.PRACTICE_SERVER) {
      throw new FeatureDisabled('The practice server is turned off on this site; choose "custom" with your own server.');
    }
    const app = await getOrCreatePracticeApp(db, learnerId, env.PUBLIC_URL);
    const provider = practiceProviderConfig(env.PUBLIC_URL, { clientId: app.clientId });
    report = makeReport(
      'setup',
      [
        pass('server', `Using the practice authorization server at ${provider.issuer}.`),
        pass('client_id', `Your practice app "My Web App" has client ID ${app.clientId}.`),
      ],
      { provider },
    );
  } else {
    report = await runCustomSetup(
      { issuer: input.issuer, clientId: input.clientId, redirectUri: input.redirectUri ?? `${env.PUBLIC_URL}/redirect` },
      { allowPrivate: env.ALLOW_PRIVATE_ISSUERS },
    );
  }
  // A new server invalidates everything after it: a fresh start with the new provider.
  // Choosing the same server again keeps the learner's progress.
  const previous = state.provider;
  const fresh = report.status === 'pass' && report.provider && !sameProvider(previous, report.provider);
  // (The engine starts every exercise over from its server choice when the server is new.)
  await recordAttempt(db, learnerId, report, fresh ? { provider: report.provider } : {});
  return report;
}

function sameProvider(a: ProviderConfig | null, b: ProviderConfig): boolean {
  return !!a && a.mode === b.mode && a.issuer === b.issuer && a.clientId === b.clientId && a.redirectUri === b.redirectUri;
}

function requireProvider(state: ExerciseState): ProviderConfig {
  if (!state.provider) {
    throw new PrerequisiteMissing('Choose your authorization server first (POST /api/exercise/setup, or the Setup step).');
  }
  return state.provider;
}

export async function runAuthorizeUrlStep(db: DB, env: Env, learner: LearnerRef, url: string): Promise<AuthorizeUrlReport> {
  const learnerId = learner.id;
  const state = await loadExerciseState(db, learnerId);
  const provider = requireProvider(state);
  const registeredRedirectUris =
    provider.mode === 'practice' ? (await getOrCreatePracticeApp(db, learnerId, env.PUBLIC_URL)).redirectUris : undefined;
  const report = checkAuthorizeUrl(url, {
    issuer: provider.issuer,
    authorizationEndpoint: provider.authorizationEndpoint,
    tokenEndpoint: provider.tokenEndpoint,
    clientId: provider.clientId,
    redirectUri: provider.redirectUri,
    registeredRedirectUris,
    scopesSupported: provider.scopesSupported ?? undefined,
  });
  await recordAttempt(db, learnerId, report, {
    ...(report.status === 'pass' && report.request ? { artifact: report.request } : {}),
  });
  return report;
}

export async function runRedirectStep(db: DB, learner: LearnerRef, input: RedirectInput): Promise<RedirectReport> {
  const learnerId = learner.id;
  const state = await loadExerciseState(db, learnerId);
  requireProvider(state);
  const report = checkRedirect(input, {
    expectedState: state.authorizeRequest?.state ?? null,
    redirectUri: state.authorizeRequest?.redirectUri ?? null,
    issuer: state.provider!.issuer,
  });
  await recordAttempt(db, learnerId, report, {
    ...(report.status === 'pass' && report.code ? { artifact: { codeFingerprint: fingerprint(report.code) } } : {}),
  });
  return report;
}

export async function runTokenResponseStep(db: DB, env: Env, learner: LearnerRef, text: string): Promise<TokenResponseReport> {
  const learnerId = learner.id;
  const state = await loadExerciseState(db, learnerId);
  const provider = requireProvider(state);
  const report = await checkTokenResponse(text, await tokenContext(db, env, provider, state, learnerId));
  // A new first response is what the next refresh is compared with. A finished exercise
  // stays finished (its completion record keeps the pair that finished it).
  const passed = report.status === 'pass' && report.summary;
  await recordAttempt(db, learnerId, report, {
    claims: toStoredClaims(report.claims?.payload),
    ...(passed ? { artifact: report.summary, clearArtifacts: ['refresh-response'] } : {}),
  });
  return report;
}

export async function runRefreshResponseStep(
  db: DB,
  env: Env,
  learner: LearnerRef,
  text: string,
  options: { expectRevoked?: boolean } = {},
): Promise<RefreshResponseReport> {
  const learnerId = learner.id;
  const state = await loadExerciseState(db, learnerId);
  const provider = requireProvider(state);
  const report = await checkRefreshResponse(text, {
    ...(await tokenContext(db, env, provider, state, learnerId)),
    first: state.firstResponse,
    expectRevoked: options.expectRevoked,
    lookupRotation:
      provider.mode === 'practice' ? async () => (await findPracticeAppByLearner(db, learnerId))?.refreshTokenRotation ?? null : undefined,
  });
  const passed = report.status === 'pass' && report.summary && state.firstResponse;
  const completedAt = state.completedAt ?? new Date().toISOString();
  await recordAttempt(db, learnerId, report, {
    claims: toStoredClaims(report.claims?.payload),
    ...(passed
      ? {
          artifact: report.summary,
          ...(state.completedAt
            ? {}
            : { completion: { completedAt, completion: { first: state.firstResponse!, refresh: report.summary!, completedAt } } }),
        }
      : {}),
  });
  return report;
}

/**
 * What both response checks compare with. The practice app's settings are looked up only
 * when a check needs them (a missing refresh token, a rotation to describe): the check
 * API's hot path does no extra database work for a passing paste.
 */
async function tokenContext(
  db: DB,
  env: Env,
  provider: ProviderConfig,
  state: ExerciseState,
  learnerId: string,
): Promise<TokenCheckContext> {
  const practice = provider.mode === 'practice';
  return {
    issuer: provider.issuer,
    tokenEndpoint: provider.tokenEndpoint,
    redirectUri: state.authorizeRequest?.redirectUri ?? undefined,
    clientId: provider.clientId,
    audience: practice ? PRACTICE_AUDIENCE : undefined,
    now: new Date(),
    getKey: practice ? await getPracticeKeyResolver(db) : getKeyResolver(provider.jwksUri, { allowPrivate: env.ALLOW_PRIVATE_ISSUERS }),
    practice,
    kind: practice ? undefined : provider.kind,
    lookupRefreshGrant: practice
      ? async () => (await findPracticeAppByLearner(db, learnerId))?.grantTypes.includes('refresh_token') ?? null
      : undefined,
    offlineAccessRequested: state.authorizeRequest ? state.authorizeRequest.scopes.includes('offline_access') : null,
    refreshTokenExists: practice ? (token) => practiceRefreshTokenExists(db, token) : undefined,
    lookupOrigin: practice ? async (jti) => (await findTokenOrigin(db, jti))?.grantType ?? null : undefined,
    lookupCodeExchange:
      practice && state.codeFingerprint
        ? async () => {
            const exchange = await findCodeExchange(db, state.codeFingerprint!);
            if (!exchange) return null;
            const at = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000));
            return { exchangedAt: at(exchange.exchangedAt)!, reusedAt: at(exchange.reusedAt), revokedAt: at(exchange.revokedAt) };
          }
        : undefined,
    codeChallenge: state.authorizeRequest?.codeChallenge ?? null,
    // Asked only when a refused client authentication's paste shows a Basic header: compared, never kept.
    lookupClientSecret: practice ? async () => (await findPracticeAppByLearner(db, learnerId))?.clientSecret ?? null : undefined,
    lookupRecipeMistake: practice
      ? async (kind) => {
          const row = await findRecipeMistake(db, provider.clientId, kind);
          if (!row) return null;
          const sameCode =
            row.codeFingerprint === null || state.codeFingerprint === null ? null : row.codeFingerprint === state.codeFingerprint;
          return { label: row.label, recordedAt: new Date(row.recordedAt * 1000), sameCode };
        }
      : undefined,
  };
}
