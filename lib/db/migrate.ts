/**
 * Migrations at start, safe when several processes start on one database at once.
 *
 * - Postgres: Kysely's Migrator already serialises runs. Its PostgresAdapter takes a
 *   session-level advisory lock (`pg_advisory_lock`, one hour's lock_timeout) and runs all
 *   pending migrations in one transaction (Postgres has transactional DDL); the creation of
 *   its own bookkeeping tables before the lock tolerates a concurrent creator. A second
 *   instance waits for the lock, then finds nothing left to do. Nothing is added here.
 * - SQLite: Kysely's SqliteAdapter takes no lock ("one connection"), and runs migrations
 *   outside a transaction, so two processes on one file (a restart overlapping the old
 *   process, `npm run instructor` while the server starts) could both create a table. Here
 *   the whole run is one `BEGIN IMMEDIATE` transaction: SQLite's write lock is held across
 *   processes, a failed migration is rolled back whole, and a waiting process polls for the
 *   lock without blocking its event loop.
 * @see docs/decisions/008-postgres-and-several-instances.md
 */
import type SQLite from 'better-sqlite3';
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { driverOf } from './driver';
import { migrations } from './migrations';
import type { Database } from './schema';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** How long a process waits for another one's migrations on SQLite before giving up. */
const SQLITE_LOCK_WAIT_MS = 10 * 60 * 1000;
const SQLITE_LOCK_POLL_MS = 100;

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const driver = driverOf(db);
  if (driver.dialect === 'sqlite') {
    await withSqliteWriteLock(driver.sqlite, () => runMigrator(db));
  } else {
    await runMigrator(db);
  }
}

async function runMigrator(db: Kysely<Database>): Promise<void> {
  // Migration numbers are handed out to parallel branches (005 and 006 were written side by
  // side): a database that ran 006 before 005 was merged must still take 005 later, so the
  // order of names is not enforced. Each migration touches only its own tables.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration "${failed}" failed: ${String(error)}`, { cause: error });
  }
}

const isBusy = (error: unknown) => error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');

/**
 * Runs `work` inside `BEGIN IMMEDIATE … COMMIT` on the one connection (ROLLBACK when it
 * throws). Kysely's SQLite driver issues no BEGIN of its own for migrations, so every
 * statement of the run lands in this transaction.
 */
async function withSqliteWriteLock(sqlite: SQLite.Database, work: () => Promise<void>): Promise<void> {
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  // better-sqlite3 waits for a lock synchronously: poll instead, so the process keeps
  // answering (its readiness says "migrating") while another process migrates.
  sqlite.pragma('busy_timeout = 0');
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  try {
    for (;;) {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
        await sleep(SQLITE_LOCK_POLL_MS);
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
  try {
    await work();
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
