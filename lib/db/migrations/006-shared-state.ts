import type { Kysely } from 'kysely';

// Issue 10: rate-limit counters shared by every instance. The table has the columns and
// types rate-limiter-flexible's SQLite and Postgres stores read and write (key, points,
// expire in epoch milliseconds, in this order: the Postgres store inserts without a
// column list); the stores are told it exists and never create tables at run time.
// Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
  await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
