import type { Kysely } from 'kysely';

// Issue 22: each practice app's "Sign-out redirect URIs" (Okta's field, read by the
// practice server's /v1/logout as `post_logout_redirect_uris`). A JSON array like
// `redirect_uris`. Apps created before this migration start with none (the site's URL is
// not known here); new apps get the site's own URL, as Okta's default is the app's origin.
// Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('practice_clients')
    .addColumn('post_logout_redirect_uris', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('practice_clients').dropColumn('post_logout_redirect_uris').execute();
}
