import type { Kysely } from 'kysely';

// Issue 18: revocation as on Okta. The practice server's access tokens are JWTs that are
// never stored, so a revoked one is remembered by its id (`jti`, an identifier that is no
// credential — never the token) until the token would have expired anyway (`expires_at`,
// epoch seconds, swept by the retention job). One table in the shared database, so every
// instance sees a revocation made on any of them. The rows go with the practice app.
// Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice_revoked_access_tokens')
    .addColumn('jti', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('practice_clients.client_id').onDelete('cascade'))
    .addColumn('revoked_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_revoked_access_tokens_client').on('practice_revoked_access_tokens').column('client_id').execute();
  await db.schema
    .createIndex('practice_revoked_access_tokens_expires_at')
    .on('practice_revoked_access_tokens')
    .column('expires_at')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_revoked_access_tokens').execute();
}
