import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The driver under a Kysely client. Only code that must talk to the driver itself uses it:
 * the migration lock on SQLite, and the rate limiter's stores (rate-limiter-flexible takes
 * a better-sqlite3 database or a pg pool). Queries go through Kysely.
 */
export type Driver = { dialect: 'sqlite'; sqlite: SQLite.Database } | { dialect: 'postgres'; pool: pg.Pool };

// On globalThis: the client is opened in the custom server's module graph and used from
// Next's server bundle too (two copies of this module in one process).
const DRIVERS = Symbol.for('oauth-lab.db-drivers');
type GlobalWithDrivers = typeof globalThis & { [DRIVERS]?: WeakMap<Kysely<Database>, Driver> };
const drivers = ((globalThis as GlobalWithDrivers)[DRIVERS] ??= new WeakMap());

/** Remembers the driver a client was opened with (lib/db/client.ts). */
export function registerDriver(db: Kysely<Database>, driver: Driver): void {
  drivers.set(db, driver);
}

/** The driver a client was opened with. */
export function driverOf(db: Kysely<Database>): Driver {
  const driver = drivers.get(db);
  if (!driver) throw new Error('not a client opened by openDatabase()');
  return driver;
}

/** Which database a client talks to. */
export function dialectOf(db: Kysely<Database>): DialectName {
  return driverOf(db).dialect;
}
