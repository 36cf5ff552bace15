import { randomBytes } from 'node:crypto';
import type { Selectable, Updateable } from 'kysely';
import type { DB } from './client';
import { ensureLearner } from './learners';
import type { PracticeClientsTable } from './schema';

/** Grant types the practice console offers (labels: see components/practice-console). */
export const PRACTICE_GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token', 'implicit'] as const;
export type PracticeGrantType = (typeof PRACTICE_GRANT_TYPES)[number];
export type RefreshTokenRotation = 'persistent' | 'rotate';

/** A learner's practice app ("My Web App"), as the console and the provider see it. */
export interface PracticeApp {
  clientId: string;
  clientSecret: string;
  learnerId: string;
  redirectUris: string[];
  grantTypes: PracticeGrantType[];
  refreshTokenRotation: RefreshTokenRotation;
  /** "Require PKCE as additional verification" (Okta's setting; off by default). */
  requirePkce: boolean;
  createdAt: string;
  updatedAt: string;
}

export type PracticeAppPatch = Partial<Pick<PracticeApp, 'grantTypes' | 'redirectUris' | 'refreshTokenRotation' | 'requirePkce'>>;

/** The redirect URIs a new app starts with: the site's own page, and the seed's example. */
export function defaultRedirectUris(publicUrl: string): string[] {
  return [`${publicUrl}/redirect`, 'https://example-app.com/redirect'];
}

function toApp(row: Selectable<PracticeClientsTable>): PracticeApp {
  return {
    clientId: row.client_id,
    clientSecret: row.client_secret,
    learnerId: row.learner_id,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
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

export async function findPracticeAppByLearner(db: DB, learnerId: string): Promise<PracticeApp | null> {
  const row = await db.selectFrom('practice_clients').selectAll().where('learner_id', '=', learnerId).executeTakeFirst();
  return row ? toApp(row) : null;
}

export async function findPracticeAppByClientId(db: DB, clientId: string): Promise<PracticeApp | null> {
  const row = await db.selectFrom('practice_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row ? toApp(row) : null;
}

/**
 * The learner's practice app, created on first need with the Authorization Code grant
 * only — Refresh Token starts unticked, as in the seed, so the learner enables it.
 */
export async function getOrCreatePracticeApp(db: DB, learnerId: string, publicUrl: string, now: Date = new Date()): Promise<PracticeApp> {
  const existing = await findPracticeAppByLearner(db, learnerId);
  if (existing) return existing;
  await ensureLearner(db, learnerId, now);
  const iso = now.toISOString();
  await db
    .insertInto('practice_clients')
    .values({
      client_id: newClientId(),
      learner_id: learnerId,
      client_secret: randomBytes(30).toString('base64url'),
      grant_types: JSON.stringify(['authorization_code']),
      redirect_uris: JSON.stringify(defaultRedirectUris(publicUrl)),
      refresh_token_rotation: 'persistent',
      created_at: iso,
      updated_at: iso,
    })
    .onConflict((oc) => oc.column('learner_id').doNothing())
    .execute();
  const created = await findPracticeAppByLearner(db, learnerId);
  if (!created) throw new Error('practice app was not created');
  return created;
}

/** Applies a validated console edit; the provider sees it on its next request. */
export async function updatePracticeApp(
  db: DB,
  learnerId: string,
  patch: PracticeAppPatch,
  now: Date = new Date(),
): Promise<PracticeApp | null> {
  const values: Updateable<PracticeClientsTable> = { updated_at: now.toISOString() };
  if (patch.grantTypes) values.grant_types = JSON.stringify([...new Set(patch.grantTypes)]);
  if (patch.redirectUris) values.redirect_uris = JSON.stringify([...new Set(patch.redirectUris)]);
  if (patch.refreshTokenRotation) values.refresh_token_rotation = patch.refreshTokenRotation;
  if (patch.requirePkce !== undefined) values.require_pkce = patch.requirePkce ? 1 : 0;
  await db.updateTable('practice_clients').set(values).where('learner_id', '=', learnerId).execute();
  return findPracticeAppByLearner(db, learnerId);
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
  return row
    ? {
        jti: row.jti,
        grantType: row.grant_type,
        clientId: row.client_id,
        subject: row.subject,
        grantId: row.grant_id,
        issuedAt: Number(row.issued_at),
      }
    : null;
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
