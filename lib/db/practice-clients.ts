import { randomBytes } from 'node:crypto';
import type { Selectable, Updateable } from 'kysely';
import type { DB } from './client';
import { ensureLearner } from './learners';
import {
  isPracticeAppType,
  PRACTICE_APP_TYPES,
  practiceAppTypeDefinition,
  type PracticeAppType,
  type PracticeAppTypeDefinition,
  type PracticeGrantType,
} from './practice-app-types';
import type { PracticeClientsTable, PracticeTokenOriginsTable } from './schema';

export {
  BUILT_PRACTICE_APP_TYPES,
  isPracticeAppType,
  PRACTICE_APP_TYPE_DEFINITIONS,
  PRACTICE_APP_TYPES,
  PRACTICE_GRANT_TYPES,
  practiceAppTypeDefinition,
  type PracticeAppType,
  type PracticeAppTypeDefinition,
  type PracticeGrantType,
} from './practice-app-types';
export type RefreshTokenRotation = 'persistent' | 'rotate';

/** A learner's practice app of one type ("My Web App", "My Service App"…), as the console and the provider see it. */
export interface PracticeApp {
  clientId: string;
  clientSecret: string;
  learnerId: string;
  /** One app per learner and type. */
  type: PracticeAppType;
  redirectUris: string[];
  /** "Sign-out redirect URIs": where /v1/logout may send the browser back (`post_logout_redirect_uri`). */
  postLogoutRedirectUris: string[];
  grantTypes: PracticeGrantType[];
  refreshTokenRotation: RefreshTokenRotation;
  /** "Require PKCE as additional verification" (Okta's setting; off by default). */
  requirePkce: boolean;
  createdAt: string;
  updatedAt: string;
}

export type PracticeAppPatch = Partial<
  Pick<PracticeApp, 'grantTypes' | 'redirectUris' | 'postLogoutRedirectUris' | 'refreshTokenRotation' | 'requirePkce'>
>;

/** The redirect URIs a new app starts with: the site's own page, and the seed's example. */
export function defaultRedirectUris(publicUrl: string): string[] {
  return [`${publicUrl}/redirect`, 'https://example-app.com/redirect'];
}

/** The sign-out redirect URI a new app starts with: the site's own URL, like Okta's default (the app's base URL). */
export function defaultPostLogoutRedirectUris(publicUrl: string): string[] {
  return [`${publicUrl}/`];
}

function toApp(row: Selectable<PracticeClientsTable>): PracticeApp {
  return {
    clientId: row.client_id,
    clientSecret: row.client_secret,
    learnerId: row.learner_id,
    // Written only by this module from PRACTICE_APP_TYPES; anything else would be the web app's of 001.
    type: isPracticeAppType(row.app_type) ? row.app_type : 'web',
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    postLogoutRedirectUris: JSON.parse(row.post_logout_redirect_uris) as string[],
    grantTypes: JSON.parse(row.grant_types) as PracticeGrantType[],
    refreshTokenRotation: row.refresh_token_rotation,
    requirePkce: Number(row.require_pkce) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Okta-style ids: "0oa" + 17 random characters; secrets: 40 url-safe characters. */
function newClientId(): string {
  return `0oa${randomBytes(13).toString('base64url').replace(/[-_]/g, 'x').slice(0, 17)}`;
}

/** The learner's app of one type, or null when they have not needed one yet. */
export async function findPracticeApp(db: DB, learnerId: string, type: PracticeAppType): Promise<PracticeApp | null> {
  const row = await db
    .selectFrom('practice_clients')
    .selectAll()
    .where('learner_id', '=', learnerId)
    .where('app_type', '=', type)
    .executeTakeFirst();
  return row ? toApp(row) : null;
}

/** The learner's web app ("My Web App"), or null. */
export async function findPracticeAppByLearner(db: DB, learnerId: string): Promise<PracticeApp | null> {
  return findPracticeApp(db, learnerId, 'web');
}

export async function findPracticeAppByClientId(db: DB, clientId: string): Promise<PracticeApp | null> {
  const row = await db.selectFrom('practice_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row ? toApp(row) : null;
}

/** Every app the learner has, in the console's order of types (web first). */
export async function listPracticeApps(db: DB, learnerId: string): Promise<PracticeApp[]> {
  const rows = await db.selectFrom('practice_clients').selectAll().where('learner_id', '=', learnerId).execute();
  const order = (app: PracticeApp) => PRACTICE_APP_TYPES.indexOf(app.type);
  return rows.map(toApp).sort((a, b) => order(a) - order(b));
}

function definitionOf(type: PracticeAppType): PracticeAppTypeDefinition {
  const definition = practiceAppTypeDefinition(type);
  if (!definition) throw new Error(`practice app type "${type}" is not built yet`);
  return definition;
}

/**
 * The learner's app of a built type, created on first need with the type's defaults (see
 * lib/db/practice-app-types.ts); `created` says whether this call created it. Throws for a
 * type that is not built yet.
 */
export async function ensurePracticeAppOfType(
  db: DB,
  learnerId: string,
  type: PracticeAppType,
  publicUrl: string,
  now: Date = new Date(),
): Promise<{ app: PracticeApp; created: boolean }> {
  const definition = definitionOf(type);
  const existing = await findPracticeApp(db, learnerId, type);
  if (existing) return { app: existing, created: false };
  await ensureLearner(db, learnerId, now);
  const iso = now.toISOString();
  const inserted = await db
    .insertInto('practice_clients')
    .values({
      client_id: newClientId(),
      learner_id: learnerId,
      app_type: type,
      client_secret: randomBytes(30).toString('base64url'),
      grant_types: JSON.stringify(definition.initialGrantTypes),
      redirect_uris: JSON.stringify(definition.redirectUris ? defaultRedirectUris(publicUrl) : []),
      post_logout_redirect_uris: JSON.stringify(definition.redirectUris ? defaultPostLogoutRedirectUris(publicUrl) : []),
      refresh_token_rotation: 'persistent',
      created_at: iso,
      updated_at: iso,
    })
    .onConflict((oc) => oc.columns(['learner_id', 'app_type']).doNothing())
    .executeTakeFirst();
  const app = await findPracticeApp(db, learnerId, type);
  if (!app) throw new Error('practice app was not created');
  return { app, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/** The learner's app of a built type, created on first need. */
export async function getOrCreatePracticeAppOfType(
  db: DB,
  learnerId: string,
  type: PracticeAppType,
  publicUrl: string,
  now: Date = new Date(),
): Promise<PracticeApp> {
  return (await ensurePracticeAppOfType(db, learnerId, type, publicUrl, now)).app;
}

/**
 * The learner's web app, created on first need with the Authorization Code grant only —
 * Refresh Token starts unticked, as in the seed, so the learner enables it.
 */
export async function getOrCreatePracticeApp(db: DB, learnerId: string, publicUrl: string, now: Date = new Date()): Promise<PracticeApp> {
  return getOrCreatePracticeAppOfType(db, learnerId, 'web', publicUrl, now);
}

/**
 * Applies a validated console edit to the learner's app of one type (the caller checks the
 * patch against the type); the provider sees it on its next request.
 */
export async function updatePracticeAppOfType(
  db: DB,
  learnerId: string,
  type: PracticeAppType,
  patch: PracticeAppPatch,
  now: Date = new Date(),
): Promise<PracticeApp | null> {
  const values: Updateable<PracticeClientsTable> = { updated_at: now.toISOString() };
  if (patch.grantTypes) values.grant_types = JSON.stringify([...new Set(patch.grantTypes)]);
  if (patch.redirectUris) values.redirect_uris = JSON.stringify([...new Set(patch.redirectUris)]);
  if (patch.postLogoutRedirectUris) values.post_logout_redirect_uris = JSON.stringify([...new Set(patch.postLogoutRedirectUris)]);
  if (patch.refreshTokenRotation) values.refresh_token_rotation = patch.refreshTokenRotation;
  if (patch.requirePkce !== undefined) values.require_pkce = patch.requirePkce ? 1 : 0;
  await db.updateTable('practice_clients').set(values).where('learner_id', '=', learnerId).where('app_type', '=', type).execute();
  return findPracticeApp(db, learnerId, type);
}

/** Applies a validated console edit to the learner's web app. */
export async function updatePracticeApp(
  db: DB,
  learnerId: string,
  patch: PracticeAppPatch,
  now: Date = new Date(),
): Promise<PracticeApp | null> {
  return updatePracticeAppOfType(db, learnerId, 'web', patch, now);
}

export interface TokenOriginRecord {
  jti: string;
  grantType: 'authorization_code' | 'refresh_token' | 'client_credentials';
  clientId: string;
  subject: string | null;
  grantId: string | null;
  issuedAt: number;
}

/** Records where a practice access token came from (called by the provider on issue). */
export async function recordTokenOrigin(db: DB, origin: TokenOriginRecord): Promise<void> {
  await db
    .insertInto('practice_token_origins')
    .values({
      jti: origin.jti,
      grant_type: origin.grantType,
      client_id: origin.clientId,
      subject: origin.subject,
      grant_id: origin.grantId,
      issued_at: origin.issuedAt,
    })
    .onConflict((oc) => oc.column('jti').doNothing())
    .execute();
}

/** Where a practice access token (by its `jti`) came from, or null if not issued here. */
export async function findTokenOrigin(db: DB, jti: string): Promise<TokenOriginRecord | null> {
  const row = await db.selectFrom('practice_token_origins').selectAll().where('jti', '=', jti).executeTakeFirst();
  return row ? toTokenOrigin(row) : null;
}

/** The access tokens issued for one login (its grant), oldest first: its code exchange, then its refreshes. */
export async function listTokenOriginsOfGrant(db: DB, grantId: string): Promise<TokenOriginRecord[]> {
  const rows = await db
    .selectFrom('practice_token_origins')
    .selectAll()
    .where('grant_id', '=', grantId)
    .orderBy('issued_at')
    .limit(100)
    .execute();
  return rows.map(toTokenOrigin);
}

function toTokenOrigin(row: Selectable<PracticeTokenOriginsTable>): TokenOriginRecord {
  return {
    jti: row.jti,
    grantType: row.grant_type,
    clientId: row.client_id,
    subject: row.subject,
    grantId: row.grant_id,
    issuedAt: Number(row.issued_at),
  };
}

/** An authorization code's exchange, and what a later attempt with the same code did. */
export interface CodeExchangeRecord {
  /** SHA-256 (hex) of the code: `fingerprint()` of lib/exercise/token/inspect.ts. */
  codeFingerprint: string;
  clientId: string;
  /** The login's grant: what a reuse revokes, and the `grantId` of its token origins. */
  grantId: string;
  /** Epoch seconds of the successful exchange. */
  exchangedAt: number;
  /** Epoch seconds of the first later attempt with the same code, or null. */
  reusedAt: number | null;
  /** Epoch seconds at which a reuse revoked that login's refresh tokens, or null. */
  revokedAt: number | null;
}

/** Records a code's successful exchange (called by the practice server). */
export async function recordCodeExchange(
  db: DB,
  exchange: Pick<CodeExchangeRecord, 'codeFingerprint' | 'clientId' | 'grantId' | 'exchangedAt'>,
): Promise<void> {
  await db
    .insertInto('practice_code_exchanges')
    .values({
      code_fingerprint: exchange.codeFingerprint,
      client_id: exchange.clientId,
      grant_id: exchange.grantId,
      exchanged_at: exchange.exchangedAt,
      reused_at: null,
      revoked_at: null,
    })
    .onConflict((oc) => oc.column('code_fingerprint').doNothing())
    .execute();
}

/**
 * Records a refused attempt with an already exchanged code (a no-op for codes never
 * exchanged): the first reuse's time, and whether it revoked that login's tokens.
 */
export async function recordCodeReuse(db: DB, codeFingerprint: string, at: number, revoked: boolean): Promise<void> {
  await db
    .updateTable('practice_code_exchanges')
    .set((eb) => ({
      reused_at: eb.fn.coalesce('reused_at', eb.val(at)),
      ...(revoked ? { revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) } : {}),
    }))
    .where('code_fingerprint', '=', codeFingerprint)
    .execute();
}

/** A code's exchange by its fingerprint, or null when it was never exchanged here. */
export async function findCodeExchange(db: DB, codeFingerprint: string): Promise<CodeExchangeRecord | null> {
  const row = await db.selectFrom('practice_code_exchanges').selectAll().where('code_fingerprint', '=', codeFingerprint).executeTakeFirst();
  if (!row) return null;
  const seconds = (value: number | string | null) => (value === null ? null : Number(value));
  return {
    codeFingerprint: row.code_fingerprint,
    clientId: row.client_id,
    grantId: row.grant_id,
    exchangedAt: Number(row.exchanged_at),
    reusedAt: seconds(row.reused_at),
    revokedAt: seconds(row.revoked_at),
  };
}
