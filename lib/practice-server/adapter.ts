/**
 * oidc-provider storage over the app database (`oidc_payloads`), one adapter per model.
 *
 * "No usable token at rest" (docs/decisions/001): every id is stored as its SHA-256 and the raw
 * id is left out of the stored payload; `find` hashes the id it is given and re-attaches
 * it. Codes, refresh tokens, sessions and interactions are bearer artefacts; hashing the
 * other models too keeps one rule for all. Clients are not stored here: they are read
 * from `practice_clients` on each lookup so console edits apply to the next request.
 */
import { createHash } from 'node:crypto';
import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';
import type { DB } from '../db/client';

/** SHA-256 of an id, base64url (43 characters): the stored form of every id. */
export function hashId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

const epochSeconds = (now: number) => Math.floor(now / 1000);

/** How often (at most) an adapter write also sweeps expired rows. */
const CLEANUP_INTERVAL_MS = 5 * 60 * 1000;

export interface AdapterOptions {
  /** Client metadata for a client id, or undefined when there is no such client. */
  findClient(clientId: string): Promise<ClientMetadata | undefined>;
  /** Milliseconds since the epoch (tests freeze it). */
  now?: () => number;
}

/** Stands for the raw id inside stored URLs; {@link fromStoredPayload} puts the id back. */
const ID_MARK = '{id}';

/**
 * What the adapter keeps of a payload: no raw id — not as `jti`, not inside the
 * Interaction's `returnTo` (its resume URL ends with the interaction id) — and no copy of
 * the session cookie.
 */
export function toStoredPayload(model: string, id: string, payload: AdapterPayload): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...payload };
  delete rest.jti;
  if (typeof rest.returnTo === 'string' && id !== '') rest.returnTo = rest.returnTo.split(id).join(ID_MARK);
  // An Interaction remembers the session's id as `session.cookie` (informational: the
  // provider never reads it back) — it is the session cookie's value, a credential.
  if (model === 'Interaction' && rest.session && typeof rest.session === 'object') {
    const session: Record<string, unknown> = { ...rest.session };
    delete session.cookie;
    rest.session = session;
  }
  return rest;
}

/** The payload as the provider saved it, from its stored form and the raw id it was found by. */
export function fromStoredPayload(id: string, stored: AdapterPayload): AdapterPayload {
  const payload: AdapterPayload = { ...stored, jti: id };
  if (typeof payload.returnTo === 'string') payload.returnTo = payload.returnTo.split(ID_MARK).join(id);
  return payload;
}

/** Deletes every row expired before `nowSeconds`. Returns how many went. */
export async function deleteExpiredPayloads(db: DB, nowSeconds: number): Promise<number> {
  const result = await db.deleteFrom('oidc_payloads').where('expires_at', '<', nowSeconds).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Builds the adapter class oidc-provider instantiates once per model name.
 * @see https://github.com/panva/node-oidc-provider/blob/v9.x/example/my_adapter.js
 */
export function createAdapterClass(db: DB, options: AdapterOptions) {
  const now = options.now ?? Date.now;
  let lastCleanup = now();

  async function cleanupIfDue(): Promise<void> {
    if (now() - lastCleanup < CLEANUP_INTERVAL_MS) return;
    lastCleanup = now();
    await deleteExpiredPayloads(db, epochSeconds(now()));
  }

  return class KyselyAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      if (this.model === 'Client') throw new Error('Practice clients are managed in practice_clients, not by the provider');
      const values = {
        payload: JSON.stringify(toStoredPayload(this.model, id, payload)),
        grant_id: payload.grantId ?? null,
        // Only sessions are looked up by uid; an Interaction's uid is its (secret) id.
        uid: this.model === 'Session' ? (payload.uid ?? null) : null,
        user_code: payload.userCode ? hashId(payload.userCode) : null,
        expires_at: expiresIn ? epochSeconds(now()) + expiresIn : null,
      };
      await db
        .insertInto('oidc_payloads')
        .values({ model: this.model, id: hashId(id), consumed_at: null, ...values })
        // A consumed artefact stays consumed even if it is saved again.
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(values))
        .execute();
      await cleanupIfDue();
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return options.findClient(id) as Promise<AdapterPayload | undefined>;
      const row = await this.selectLive('id', hashId(id));
      return row ? fromStoredPayload(id, row) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      // The raw id is not stored, so it cannot be re-attached here (device flow is off).
      return this.selectLive('user_code', hashId(userCode));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      // Used for Session lookups that only read accountId and authorizations; the raw
      // session id is not stored, so it cannot be re-attached.
      return this.selectLive('uid', uid);
    }

    async consume(id: string): Promise<void> {
      await db
        .updateTable('oidc_payloads')
        .set({ consumed_at: epochSeconds(now()) })
        .where('model', '=', this.model)
        .where('id', '=', hashId(id))
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db.deleteFrom('oidc_payloads').where('model', '=', this.model).where('id', '=', hashId(id)).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom('oidc_payloads').where('model', '=', this.model).where('grant_id', '=', grantId).execute();
    }

    /** One unexpired row by a column, as a payload with `consumed` merged in. */
    private async selectLive(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
      const row = await db
        .selectFrom('oidc_payloads')
        .select(['payload', 'expires_at', 'consumed_at'])
        .where('model', '=', this.model)
        .where(column, '=', value)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.expires_at !== null && Number(row.expires_at) <= epochSeconds(now())) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      return row.consumed_at === null ? payload : { ...payload, consumed: Number(row.consumed_at) };
    }
  };
}
