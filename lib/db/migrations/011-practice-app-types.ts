import { sql, SqliteAdapter, type Kysely } from 'kysely';

// The course (SPEC §9): one practice app per learner *and app type* (My Web App, My SPA,
// My Native App, My Service App, My Device App). `app_type` is added (existing apps are
// web apps) and the uniqueness moves from `learner_id` to (`learner_id`, `app_type`).
//
// 001 declared `learner_id` UNIQUE inline. Postgres named that constraint
// `practice_clients_learner_id_key` and drops it. SQLite cannot drop a constraint: the
// table is rebuilt (create, copy, drop, rename) with every column, default, key and
// reference as before. The migration runs inside one transaction with foreign keys ON
// (lib/db/migrate.ts; the pragma cannot be changed inside a transaction), so dropping the
// old table would cascade to the rows that reference it (code exchanges, revoked access
// tokens, recipe mistakes): those rows are kept in temporary tables and put back. The
// referencing tables are found in the schema, not listed, so none is forgotten.
// Self-contained: nothing here changes with lib/db/practice-clients.ts.

const UNIQUE_PER_TYPE = 'practice_clients_learner_app_type';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The columns of practice_clients as 001 and 005 made them, in their order. */
const COLUMNS = [
  'client_id',
  'learner_id',
  'client_secret',
  'grant_types',
  'redirect_uris',
  'refresh_token_rotation',
  'created_at',
  'updated_at',
  'require_pkce',
] as const;

/** The SQLite table as 001 + 005 define it, under another name, with or without app types. */
async function createPracticeClients(db: AnyDb, name: string, withTypes: boolean): Promise<void> {
  let table = db.schema
    .createTable(name)
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('learner_id', 'text', (c) => {
      const column = c.notNull().references('learners.id').onDelete('cascade');
      return withTypes ? column : column.unique();
    })
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('grant_types', 'text', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('refresh_token_rotation', 'text', (c) => c.notNull().defaultTo('persistent'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('require_pkce', 'integer', (c) => c.notNull().defaultTo(0));
  if (withTypes) {
    table = table
      .addColumn('app_type', 'text', (c) => c.notNull().defaultTo('web'))
      .addUniqueConstraint(UNIQUE_PER_TYPE, ['learner_id', 'app_type']);
  }
  await table.execute();
}

/** Tables with a foreign key to practice_clients (their rows would go with a DROP). */
async function referencingTables(db: AnyDb): Promise<{ name: string; column: string }[]> {
  const { rows } = await sql<{ name: string; column: string }>`
    SELECT DISTINCT m.name AS name, f."from" AS "column" FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
    WHERE m.type = 'table' AND f."table" = 'practice_clients'`.execute(db);
  return rows;
}

/** Rebuilds practice_clients on SQLite, keeping its rows and the rows that reference them. */
async function rebuildOnSqlite(db: AnyDb, withTypes: boolean): Promise<void> {
  const children = await referencingTables(db);
  for (const { name } of children) {
    await sql`CREATE TEMP TABLE ${sql.id(`keep_${name}`)} AS SELECT * FROM ${sql.id(name)}`.execute(db);
  }
  await createPracticeClients(db, 'practice_clients_rebuilt', withTypes);
  const columns = sql.join(COLUMNS.map((column) => sql.id(column)));
  const typeColumn = withTypes ? sql`, app_type` : sql``;
  const typeValue = withTypes ? sql`, 'web'` : sql``;
  // Going down, only the web apps can stay (one app per learner).
  const which = withTypes ? sql`` : sql`WHERE app_type = 'web'`;
  await sql`INSERT INTO practice_clients_rebuilt (${columns}${typeColumn}) SELECT ${columns}${typeValue} FROM practice_clients ${which}`.execute(
    db,
  );
  await db.schema.dropTable('practice_clients').execute();
  await db.schema.alterTable('practice_clients_rebuilt').renameTo('practice_clients').execute();
  for (const { name, column } of children) {
    const kept = sql.id(`keep_${name}`);
    // Rows of apps that did not survive (going down) stay gone, as a cascade would have it.
    await sql`INSERT INTO ${sql.id(name)} SELECT * FROM temp.${kept} WHERE ${sql.id(column)} IN (SELECT client_id FROM practice_clients)`.execute(
      db,
    );
    await sql`DROP TABLE temp.${kept}`.execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await rebuildOnSqlite(db, true);
    return;
  }
  await db.schema
    .alterTable('practice_clients')
    .addColumn('app_type', 'text', (c) => c.notNull().defaultTo('web'))
    .execute();
  await db.schema.alterTable('practice_clients').dropConstraint('practice_clients_learner_id_key').execute();
  await db.schema.alterTable('practice_clients').addUniqueConstraint(UNIQUE_PER_TYPE, ['learner_id', 'app_type']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await rebuildOnSqlite(db, false);
    return;
  }
  await db.deleteFrom('practice_clients').where('app_type', '<>', 'web').execute();
  await db.schema.alterTable('practice_clients').dropConstraint(UNIQUE_PER_TYPE).execute();
  await db.schema.alterTable('practice_clients').addUniqueConstraint('practice_clients_learner_id_key', ['learner_id']).execute();
  await db.schema.alterTable('practice_clients').dropColumn('app_type').execute();
}
