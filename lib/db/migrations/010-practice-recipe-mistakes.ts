import type { Kysely } from 'kysely';

// Issue 19, class 4: when the practice server refuses a PKCE check or a Basic header, it
// records which shell recipe mistake explains it — a label such as
// `verifier.hex_newline.base64url` or `newline+wrapped`, never the verifier, the secret or
// the header (nothing secret at rest) — so the token step can name the mistake when the
// learner pastes only the error. One row per app and kind (the latest refusal), keyed by
// the app; a PKCE row also names the code by its SHA-256, as practice_code_exchanges does.
// The rows go with the practice app. Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice_recipe_mistakes')
    .addColumn('client_id', 'text', (c) => c.notNull().references('practice_clients.client_id').onDelete('cascade'))
    // 'pkce' or 'basic'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('code_fingerprint', 'text')
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_recipe_mistakes_pkey', ['client_id', 'kind'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_recipe_mistakes').execute();
}
