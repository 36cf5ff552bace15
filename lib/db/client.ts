import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { getEnv, isPostgresUrl } from '../env';
import { getLogger } from '../logging/logger';
import { dialectOf, driverOf, registerDriver, type DialectName, type Driver } from './driver';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export { migrateToLatest };

export type DB = Kysely<Database>;
export { dialectOf, driverOf, type DialectName, type Driver };

/** Resolves `file:<path>` to a filesystem path (relative paths are from the working dir). */
export function sqlitePathFromUrl(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) {
    throw new Error(`Unsupported DATABASE_URL "${databaseUrl.split(':')[0]}:…": expected file:<path> or postgres://…`);
  }
  const rest = databaseUrl.slice('file:'.length);
  return rest === ':memory:' ? rest : path.resolve(rest);
}

export interface OpenOptions {
  /** Connections in the Postgres pool (DATABASE_POOL_SIZE). SQLite has one connection. */
  poolSize?: number;
}

/**
 * Opens a database without migrating it: `file:<path>` is SQLite (the file and its folder
 * are created), `postgres://…` is a pool of `poolSize` connections to Postgres.
 */
export function openDatabase(databaseUrl: string, options: OpenOptions = {}): DB {
  return isPostgresUrl(databaseUrl) ? openPostgres(databaseUrl, options.poolSize ?? 10) : openSqlite(databaseUrl);
}

function openSqlite(databaseUrl: string): DB {
  const file = sqlitePathFromUrl(databaseUrl);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the custom server and route handlers read while the provider writes;
  // busy_timeout rides out short write locks instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Deleted rows (consumed codes, revoked grants, removed learners) are overwritten with
  // zeros instead of lingering in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerDriver(db, { dialect: 'sqlite', sqlite });
  return db;
}

/** How long a SQLite statement waits for another process's write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Kysely prepares every query anew; preparing is a large share of a check's database
 * time. The SQL of our queries comes from a small set of shapes (values are bound
 * parameters), so statements are reused by their text. Bounded, in case of many shapes.
 * SQLite only: pg prepares on the server, per connection.
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

/**
 * pg hands `bigint` (int8) columns and `count(*)` back as strings, because an int8 may not
 * fit a JavaScript number. Ours are epoch seconds or milliseconds and row counts — far below
 * 2^53 — so they are parsed to numbers, as SQLite returns them.
 */
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value out of JavaScript's safe range: ${value}`);
  return n;
}

function openPostgres(databaseUrl: string, poolSize: number): DB {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    types: PG_TYPES,
    application_name: 'oauth-lab',
    // A database that cannot be reached fails a request (and /api/health) instead of hanging it.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that breaks (Postgres restarted, network cut) is dropped by the pool;
  // without a listener its error would crash the process.
  pool.on('error', (error) => getLogger().warn({ err: error }, 'an idle Postgres connection failed; the pool replaces it'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  registerDriver(db, { dialect: 'postgres', pool });
  return db;
}

/** Where the process's database is: opening and migrating, ready, or failed to migrate. */
export type DatabaseState = 'closed' | 'migrating' | 'ready' | 'failed';

// One client per process. The custom server (loaded by tsx) and Next's server bundle are
// two module graphs in one process, so the instance lives on globalThis to be shared.
const GLOBAL_KEY = Symbol.for('oauth-lab.db');
interface Entry {
  db: DB;
  ready: Promise<void>;
  state: DatabaseState;
}
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Entry };

function currentEntry(): Entry {
  const g = globalThis as GlobalWithDb;
  if (!g[GLOBAL_KEY]) {
    const env = getEnv();
    const db = openDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
    const entry: Entry = { db, state: 'migrating', ready: Promise.resolve() };
    entry.ready = migrateToLatest(db).then(
      () => {
        entry.state = 'ready';
      },
      (error: unknown) => {
        entry.state = 'failed';
        throw error;
      },
    );
    // Marked as handled: getDb() callers see the failure; a ping alone must not crash the process.
    entry.ready.catch(() => undefined);
    g[GLOBAL_KEY] = entry;
  }
  return g[GLOBAL_KEY];
}

/** The process's database client, migrated before first use. */
export async function getDb(): Promise<DB> {
  const entry = currentEntry();
  await entry.ready;
  return entry.db;
}

/** The state of the process's database (readiness: `ready` only once migrations are done). */
export function databaseState(): DatabaseState {
  return (globalThis as GlobalWithDb)[GLOBAL_KEY]?.state ?? 'closed';
}

/**
 * Whether the database answers a trivial query, and how long it took. Does not wait for
 * migrations: it asks the database, whatever the schema's state.
 */
export async function pingDatabase(): Promise<{ reachable: boolean; dialect: DialectName; ms: number }> {
  const dialect: DialectName = isPostgresUrl(getEnv().DATABASE_URL) ? 'postgres' : 'sqlite';
  const started = performance.now();
  try {
    await sql`select 1`.execute(currentEntry().db);
    return { reachable: true, dialect, ms: performance.now() - started };
  } catch (error) {
    getLogger().error({ err: error }, 'the database did not answer');
    return { reachable: false, dialect, ms: performance.now() - started };
  }
}

/** Closes and forgets the process's client (tests, shutdown): Postgres connections are ended. */
export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const entry = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
  if (entry) {
    // A client still migrating is closed once the migration ends (it holds the connection).
    await entry.ready.catch(() => undefined);
    await entry.db.destroy();
  }
}
