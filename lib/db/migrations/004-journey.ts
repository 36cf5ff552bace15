import type { Kysely } from 'kysely';

// Issue 11: the completed pair of responses kept as it was (extra credit never changes
// it), resume links, and shareable completion records. Portable schema builder only.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('exercise_progress').addColumn('completion', 'text').execute();

  await db.schema
    .createTable('resume_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resume_links_learner').on('resume_links').column('learner_id').execute();

  await db.schema
    .createTable('completion_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('learner_id', 'text', (c) => c.references('learners.id').onDelete('set null'))
    .addColumn('display_name', 'text')
    .addColumn('exercise', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('completion_records').execute();
  await db.schema.dropTable('resume_links').execute();
  await db.schema.alterTable('exercise_progress').dropColumn('completion').execute();
}
