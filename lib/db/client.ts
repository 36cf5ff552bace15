import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { getEnv } from '../env';
import { migrations } from './migrations';
import type { Database } from './schema';

export type DB = Kysely<Database>;

/** Resolves `file:<path>` to a filesystem path (relative paths are from the working dir). */
export function sqlitePathFromUrl(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) {
    throw new Error(`Unsupported DATABASE_URL "${databaseUrl.split(':')[0]}:…": only file:<path> is supported`);
  }
  const rest = databaseUrl.slice('file:'.length);
  return rest === ':memory:' ? rest : path.resolve(rest);
}

/** Opens a database (creating the SQLite file and its folder) without migrating it. */
export function openDatabase(databaseUrl: string): DB {
  const file = sqlitePathFromUrl(databaseUrl);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the custom server and route handlers read while the provider writes;
  // busy_timeout rides out short write locks instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Deleted rows (consumed codes, revoked grants, removed learners) are overwritten with
  // zeros instead of lingering in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  cachePreparedStatements(sqlite);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Kysely prepares every query anew; preparing is a large share of a check's database
 * time. The SQL of our queries comes from a small set of shapes (values are bound
 * parameters), so statements are reused by their text. Bounded, in case of many shapes.
 */
function cachePreparedStatements(sqlite: SQLite.Database, max = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration "${failed}" failed: ${String(error)}`, { cause: error });
  }
}

// One client per process. The custom server (loaded by tsx) and Next's server bundle are
// two module graphs in one process, so the instance lives on globalThis to be shared.
const GLOBAL_KEY = Symbol.for('oauth-lab.db');
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: { db: DB; ready: Promise<void> } };

/** The process's database client, migrated before first use. */
export async function getDb(): Promise<DB> {
  const g = globalThis as GlobalWithDb;
  if (!g[GLOBAL_KEY]) {
    const db = openDatabase(getEnv().DATABASE_URL);
    g[GLOBAL_KEY] = { db, ready: migrateToLatest(db) };
  }
  const entry = g[GLOBAL_KEY];
  await entry.ready;
  return entry.db;
}

/** Closes and forgets the process's client (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const entry = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  if (entry) await entry.db.destroy();
}
