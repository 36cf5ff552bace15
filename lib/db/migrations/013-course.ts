import { sql, type Kysely } from 'kysely';

// Issue 21: the course. State is keyed by exercise (docs/decisions/014-course-engine.md):
// - exercise_steps gains `exercise` (primary key learner, exercise, step) and `artifact`,
//   what a passed step keeps for the steps after it (JSON, never a secret);
// - exercise_runs: one row per learner and exercise (started, completed, the completion);
// - exercise_attempts gains `exercise`;
// - exercise_progress keeps only the learner's server (`provider`), shared by every exercise;
// - cohorts gain `exercises`, the chosen and ordered exercise ids (JSON; null = the whole course).
// Every row from before belongs to the Refresh Tokens exercise ('refresh'), carried over
// unchanged. Portable schema builder and plain SQL only (SQLite and Postgres).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exercise_steps_by_exercise')
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
    .addColumn('exercise', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('artifact', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exercise_steps_by_exercise_pk', ['learner_id', 'exercise', 'step'])
    .execute();

  // Each Refresh step's row, with the artefact its column kept (the redirect kept a fingerprint).
  await sql`
    INSERT INTO exercise_steps_by_exercise (learner_id, exercise, step, status, attempts, last_codes, artifact, updated_at)
    SELECT s.learner_id, 'refresh', s.step, s.status, s.attempts, s.last_codes,
      CASE s.step
        WHEN 'setup' THEN NULL
        WHEN 'authorize-url' THEN p.authorize_request
        WHEN 'redirect' THEN CASE WHEN p.code_fingerprint IS NULL THEN NULL
          ELSE '{"codeFingerprint":"' || p.code_fingerprint || '"}' END
        WHEN 'token-response' THEN p.first_response
        WHEN 'refresh-response' THEN p.refresh_response
      END,
      s.updated_at
    FROM exercise_steps s LEFT JOIN exercise_progress p ON p.learner_id = s.learner_id`.execute(db);
  await db.schema.dropTable('exercise_steps').execute();
  await db.schema.alterTable('exercise_steps_by_exercise').renameTo('exercise_steps').execute();

  await db.schema
    .createTable('exercise_runs')
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
    .addColumn('exercise', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completion', 'text')
    .addPrimaryKeyConstraint('exercise_runs_pk', ['learner_id', 'exercise'])
    .execute();
  await sql`
    INSERT INTO exercise_runs (learner_id, exercise, started_at, updated_at, completed_at, completion)
    SELECT learner_id, 'refresh', started_at, updated_at, completed_at, completion FROM exercise_progress`.execute(db);

  for (const column of ['authorize_request', 'code_fingerprint', 'first_response', 'refresh_response', 'completed_at', 'completion']) {
    await db.schema.alterTable('exercise_progress').dropColumn(column).execute();
  }

  await db.schema
    .alterTable('exercise_attempts')
    .addColumn('exercise', 'text', (c) => c.notNull().defaultTo('refresh'))
    .execute();
  await db.schema
    .createIndex('exercise_attempts_cohort_exercise')
    .on('exercise_attempts')
    .columns(['cohort_id', 'exercise', 'created_at'])
    .execute();

  await db.schema.alterTable('cohorts').addColumn('exercises', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cohorts').dropColumn('exercises').execute();
  await db.schema.dropIndex('exercise_attempts_cohort_exercise').execute();
  // The Refresh Tokens exercise's state goes back to its columns (but for the redirect's code
  // fingerprint, inside JSON: reading it is not portable); the other exercises' is lost.
  await sql`DELETE FROM exercise_attempts WHERE exercise <> 'refresh'`.execute(db);
  await db.schema.alterTable('exercise_attempts').dropColumn('exercise').execute();
  for (const column of ['authorize_request', 'code_fingerprint', 'first_response', 'refresh_response', 'completed_at', 'completion']) {
    await db.schema.alterTable('exercise_progress').addColumn(column, 'text').execute();
  }
  const artifact = (step: string) =>
    sql`(SELECT s.artifact FROM exercise_steps s WHERE s.learner_id = exercise_progress.learner_id AND s.exercise = 'refresh' AND s.step = ${step})`;
  await sql`
    UPDATE exercise_progress SET
      authorize_request = ${artifact('authorize-url')},
      first_response = ${artifact('token-response')},
      refresh_response = ${artifact('refresh-response')},
      completed_at = (SELECT r.completed_at FROM exercise_runs r WHERE r.learner_id = exercise_progress.learner_id AND r.exercise = 'refresh'),
      completion = (SELECT r.completion FROM exercise_runs r WHERE r.learner_id = exercise_progress.learner_id AND r.exercise = 'refresh')`.execute(
    db,
  );
  await db.schema.dropTable('exercise_runs').execute();
  await db.schema
    .createTable('exercise_steps_by_learner')
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exercise_steps_pk', ['learner_id', 'step'])
    .execute();
  await sql`
    INSERT INTO exercise_steps_by_learner (learner_id, step, status, attempts, last_codes, updated_at)
    SELECT learner_id, step, status, attempts, last_codes, updated_at FROM exercise_steps WHERE exercise = 'refresh'`.execute(db);
  await db.schema.dropTable('exercise_steps').execute();
  await db.schema.alterTable('exercise_steps_by_learner').renameTo('exercise_steps').execute();
}
