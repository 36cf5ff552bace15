import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { closeDb, getDb, type DB, type DialectName } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { dumpDatabase, uniqueDatabaseName } from './postgres';

export interface TempDatabase {
  db: DB;
  /** Which database this run of the suite uses (the `sqlite` or `postgres` vitest project). */
  dialect: DialectName;
  /** DATABASE_URL of this database. */
  url: string;
  /** The SQLite file (its `-wal` sits next to it); on Postgres, a file that does not exist. */
  file: string;
  /** A temporary folder for the test's own files (removed by cleanup). */
  dir: string;
  /** A DATABASE_URL that cannot be opened (a folder as the SQLite file, or a closed port). */
  brokenUrl: string;
  /**
   * Everything a copy of the database would hold: the SQLite file and its WAL, or a
   * `pg_dump` of the Postgres database. Tests search it for secrets.
   */
  copyOfDatabase(): Promise<Buffer>;
  /** The URL of another, empty database of the same kind (removed by cleanup), for tests of a first start. */
  createEmptyDatabase(): Promise<string>;
  cleanup: () => Promise<void>;
}

/** The Postgres cluster of this run, when the suite runs on Postgres (vitest project `postgres`). */
export function testPostgresUrl(): string | undefined {
  return inject('postgresUrl');
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Points the process at a fresh database with a fixed session secret: a SQLite file in a
 * temporary folder, or — in the suite's Postgres run — a new database on the run's
 * cluster. Real database, real migrations. Returns the client and a cleanup function.
 */
export async function useTempDatabase(extraEnv: Record<string, string> = {}): Promise<TempDatabase> {
  await closeDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-lab-test-'));
  const file = path.join(dir, 'test.db');
  const postgresUrl = testPostgresUrl();
  const databaseName = uniqueDatabaseName();
  let url = `file:${file}`;
  if (postgresUrl) {
    await adminQuery(postgresUrl, `CREATE DATABASE "${databaseName}"`);
    url = new URL(`/${databaseName}`, postgresUrl).href;
  }
  const extraDatabases: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '5',
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-123',
    PUBLIC_URL: 'http://localhost:3999',
    ...extraEnv,
  });
  resetEnvCache();
  const db = await getDb();
  return {
    db,
    dialect: postgresUrl ? 'postgres' : 'sqlite',
    url,
    file,
    dir,
    brokenUrl: postgresUrl ? 'postgres://oauthlab@127.0.0.1:1/nothing_listens_here' : `file:${dir}`,
    async copyOfDatabase() {
      if (postgresUrl) return dumpDatabase(url);
      const files = [file, `${file}-wal`].filter((f) => fs.existsSync(f));
      if (!files.includes(file)) throw new Error(`no database file at ${file}`);
      return Buffer.concat(files.map((f) => fs.readFileSync(f)));
    },
    async createEmptyDatabase() {
      const name = uniqueDatabaseName('empty');
      if (!postgresUrl) return `file:${path.join(dir, `${name}.db`)}`;
      await adminQuery(postgresUrl, `CREATE DATABASE "${name}"`);
      extraDatabases.push(name);
      return new URL(`/${name}`, postgresUrl).href;
    },
    cleanup: async () => {
      await closeDb();
      process.env = saved;
      resetEnvCache();
      fs.rmSync(dir, { recursive: true, force: true });
      if (!postgresUrl) return;
      for (const name of [databaseName, ...extraDatabases]) await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
