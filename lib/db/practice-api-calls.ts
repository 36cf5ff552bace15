/**
 * The practice API's record of the calls it received (issue 21), for the `api-call` check:
 * one row per call whose token names an existing practice app, the latest 50 per app.
 * Labels and identifiers only (`jti`, scopes): never the token.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from './client';
import { isApiCallOutcome, type ApiCallOutcome, type ObservedApiCall } from '../exercise/api-call/observed';

/** How many calls each app keeps: the check reads the latest few, a learner makes a handful. */
export const API_CALLS_KEPT_PER_APP = 50;

/** A call as the API observed it: `outcome` 'ok' is stored as 'revoked_but_accepted' when the token's `jti` is on the deny-list. */
export type ApiCallToRecord = Omit<ObservedApiCall, 'calledAt'> & { calledAt?: number };

let lastMs = 0;
let sequence = 0;

/**
 * A time-ordered id: milliseconds, a per-process sequence within the millisecond, and
 * random digits against collisions between instances. Digits only and of fixed length, so
 * it sorts the same under SQLite's binary and any Postgres collation.
 */
function newCallId(nowMs: number): string {
  sequence = nowMs === lastMs ? sequence + 1 : 0;
  lastMs = nowMs;
  return `${String(nowMs).padStart(15, '0')}${String(sequence % 1_000_000).padStart(6, '0')}${String(randomInt(1_000_000)).padStart(6, '0')}`;
}

/**
 * Records a call, in one INSERT … SELECT that writes nothing when no practice app has the
 * token's client id (a made-up `cid` costs no row), and that turns an accepted revoked
 * token's 'ok' into 'revoked_but_accepted' from the deny-list without a round trip of its
 * own. Then, in the same transaction, deletes the app's calls older than its latest 50.
 *
 * A count, not an age: an age bound (the retention job) would let one app's token — even
 * a forged one naming a real app — fill the table at the rate limit's pace for as long as
 * the age allows; a count bounds the table by the number of apps, whatever a caller does,
 * and the delete is an index range that usually removes one row. (Two concurrent calls
 * on Postgres may each miss the other's row and leave one extra for a moment; the next call
 * trims it.)
 * Returns what was recorded, or null when the call names no practice app.
 */
export async function recordApiCall(db: DB, call: ApiCallToRecord): Promise<ObservedApiCall | null> {
  const calledAt = call.calledAt ?? Math.floor(Date.now() / 1000);
  const outcome =
    call.outcome === 'ok' && call.tokenJti !== null
      ? sql<string>`case when exists (select 1 from practice_revoked_access_tokens where jti = ${call.tokenJti}) then 'revoked_but_accepted' else 'ok' end`
      : sql<string>`cast(${call.outcome} as text)`;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('practice_api_calls')
      .columns(['id', 'client_id', 'token_jti', 'status', 'outcome', 'sent_via', 'scopes', 'called_at'])
      .expression((eb) =>
        eb
          .selectFrom('practice_clients')
          .select([
            // Casts: Postgres types a bare parameter in a select list as text.
            sql<string>`cast(${newCallId(Date.now())} as text)`.as('id'),
            'practice_clients.client_id',
            sql<string | null>`cast(${call.tokenJti} as text)`.as('token_jti'),
            sql<number>`cast(${call.status} as integer)`.as('status'),
            outcome.as('outcome'),
            sql<string>`cast(${call.sentVia} as text)`.as('sent_via'),
            sql<string>`cast(${call.scopes.join(' ')} as text)`.as('scopes'),
            sql<number>`cast(${calledAt} as bigint)`.as('called_at'),
          ])
          .where('practice_clients.client_id', '=', call.clientId),
      )
      .returning(['outcome'])
      .executeTakeFirst();
    if (!inserted) return null;
    await trx
      .deleteFrom('practice_api_calls')
      .where('client_id', '=', call.clientId)
      .where('id', '<=', (eb) =>
        eb
          .selectFrom('practice_api_calls')
          .select('id')
          .where('client_id', '=', call.clientId)
          .orderBy('id', 'desc')
          .limit(1)
          .offset(API_CALLS_KEPT_PER_APP),
      )
      .execute();
    return { ...call, outcome: toOutcome(inserted.outcome), calledAt };
  });
}

function toOutcome(value: string): ApiCallOutcome {
  // Labels come from API_CALL_OUTCOMES; a row from a later release with a new label reads as malformed.
  return isApiCallOutcome(value) ? value : 'malformed';
}

/** The latest calls of one app (or several: a learner's apps), newest first; at most `limit` (50). */
export async function latestApiCalls(
  db: DB,
  clientId: string | readonly string[],
  options: { since?: Date; limit?: number } = {},
): Promise<ObservedApiCall[]> {
  const clientIds = typeof clientId === 'string' ? [clientId] : [...clientId];
  if (clientIds.length === 0) return [];
  const limit = Math.max(1, Math.min(options.limit ?? API_CALLS_KEPT_PER_APP, API_CALLS_KEPT_PER_APP * clientIds.length));
  let query = db.selectFrom('practice_api_calls').selectAll().where('client_id', 'in', clientIds);
  if (options.since) query = query.where('called_at', '>=', Math.floor(options.since.getTime() / 1000));
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    clientId: row.client_id,
    tokenJti: row.token_jti,
    status: Number(row.status),
    outcome: toOutcome(row.outcome),
    sentVia: row.sent_via,
    scopes: row.scopes === '' ? [] : row.scopes.split(' '),
    calledAt: Number(row.called_at),
  }));
}
