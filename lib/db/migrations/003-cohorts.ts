import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instructors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instructor_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('instructor_id', 'text', (c) => c.notNull().references('instructors.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instructor_id', 'text', (c) => c.notNull().references('instructors.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('join_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('cohorts_instructor').on('cohorts').column('instructor_id').execute();

  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'learner_id'])
    .execute();
  await db.schema.createIndex('cohort_members_learner').on('cohort_members').column('learner_id').execute();

  await db.schema.alterTable('exercise_attempts').addColumn('cohort_id', 'text').execute();
  await db.schema.createIndex('exercise_attempts_cohort').on('exercise_attempts').columns(['cohort_id', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('exercise_attempts_cohort').execute();
  await db.schema.alterTable('exercise_attempts').dropColumn('cohort_id').execute();
  for (const table of ['cohort_members', 'cohorts', 'instructor_sessions', 'instructors']) {
    await db.schema.dropTable(table).execute();
  }
}
