import type { Kysely } from 'kysely';

// Issue 18: a cohort admits its own learners (a lecture hall shares one public address, so
// the anonymous per-address allowance must not cap a class). `capacity` is how many
// learners the cohort admits; existing cohorts get the default, 500. NOT NULL with a
// default is portable for an added column (SQLite and Postgres alike). The number is
// repeated from lib/cohorts/capacity.ts so this migration never changes with that module.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cohorts')
    .addColumn('capacity', 'integer', (column) => column.notNull().defaultTo(500))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cohorts').dropColumn('capacity').execute();
}
