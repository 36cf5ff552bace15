import type { Kysely } from 'kysely';

// Issue 12: the practice server as an Okta org. Each app's "Require PKCE as additional
// verification" setting (off by default, as on Okta), and a record of each authorization
// code's exchange — so a later attempt with the same code can be told from an expired one.
// Portable schema builder only; booleans as integers (0/1) for SQLite and Postgres alike.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('practice_clients')
    .addColumn('require_pkce', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('practice_code_exchanges')
    // SHA-256 (hex) of the code, as the exercise fingerprints it: never the code itself.
    .addColumn('code_fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('practice_clients.client_id').onDelete('cascade'))
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('exchanged_at', 'bigint', (c) => c.notNull())
    .addColumn('reused_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('practice_code_exchanges_client').on('practice_code_exchanges').column('client_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_code_exchanges').execute();
  await db.schema.alterTable('practice_clients').dropColumn('require_pkce').execute();
}
