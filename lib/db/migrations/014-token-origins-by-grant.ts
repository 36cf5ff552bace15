import type { Kysely } from 'kysely';

// Issue 19, class 7: a refused refresh is explained from the login's own record — when the
// practice server answered its earlier refreshes (a rotated token sent again). The access
// tokens of one login are found by their grant in practice_token_origins, which had no
// index on it. Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('practice_token_origins_grant_id').on('practice_token_origins').column('grant_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('practice_token_origins_grant_id').execute();
}
