import type { Kysely } from 'kysely';

// Issue 21: the Web App exercise's "use the token" step passes on what the practice API
// observed, not on a paste. Each call to `GET /api/practice/photos` whose token names an
// existing practice app (`cid`) is recorded: how the token came, what the API made of it,
// the token's `jti` and scopes — identifiers and labels, never the token (SPEC §7).
//
// `id` is time-ordered text (lib/db/practice-api-calls.ts), so "the latest calls" is an
// index range on (client_id, id) on both databases without a dialect-specific serial.
// Each app keeps its latest 50 calls: the insert deletes older ones in its transaction
// (see recordApiCall for why a count, not an age). The rows go with the practice app.
// Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice_api_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('practice_clients.client_id').onDelete('cascade'))
    .addColumn('token_jti', 'text')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    // 'header' | 'body' | 'query'
    .addColumn('sent_via', 'text', (c) => c.notNull())
    // space-separated, as an OAuth scope parameter
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('called_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_api_calls_client_id').on('practice_api_calls').columns(['client_id', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_api_calls').execute();
}
