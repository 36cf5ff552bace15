/**
 * Operations (issue 10): `GET /api/health` reports whether the database answers, and
 * `GET /api/ready` fails while migrations run (held up here by another process's lock:
 * SQLite's write lock, or the advisory lock Kysely's migrator takes on Postgres) and
 * while the site starts or drains. Several instances starting on one fresh database at
 * once migrate it exactly once. Real database (SQLite or Postgres, per the suite's run).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { GET } from '@/app/api/health/route';
import { closeDb, databaseState, getDb, migrateToLatest, openDatabase, sqlitePathFromUrl } from '@/lib/db/client';
import { migrations } from '@/lib/db/migrations';
import { resetEnvCache } from '@/lib/env';
import { getLogger } from '@/lib/logging/logger';
import { checkReadiness, setPhase, startingListener } from '@/lib/server/readiness';
import { useTempDatabase } from './support/db';

/** Kysely's Postgres migration lock (PostgresAdapter's advisory lock id). */
const KYSELY_PG_LOCK_ID = '3853314791062309107';

describe('GET /api/health', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());
  afterEach(() => setPhase('starting'));

  it('answers ok with the database dialect and round trip, and ready once the site serves', async () => {
    setPhase('serving');
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', ready: true, database: { reachable: true, dialect: temp.dialect } });
    expect(body.database.ms).toBeGreaterThanOrEqual(0);
  });

  it('stays ok (alive) but not ready while the site drains', async () => {
    setPhase('draining');
    const body = await (await GET()).json();
    expect(body).toMatchObject({ status: 'ok', ready: false, reason: 'draining' });
  });

  it('answers 503 when the database does not answer', async () => {
    const errors = vi.spyOn(getLogger(), 'error').mockImplementation(() => {});
    const saved = process.env.DATABASE_URL;
    try {
      await closeDb();
      process.env.DATABASE_URL = temp.brokenUrl;
      resetEnvCache();
      setPhase('serving');
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'error', ready: false, error: { code: 'database_unavailable' } });
    } finally {
      await closeDb().catch(() => undefined);
      process.env.DATABASE_URL = saved;
      resetEnvCache();
      errors.mockRestore();
    }
  });
});

/** Holds the migration lock another instance would hold while it migrates; returns its release. */
async function holdMigrationLock(url: string): Promise<() => Promise<void>> {
  if (url.startsWith('file:')) {
    const other = new SQLite(sqlitePathFromUrl(url));
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query(`select pg_advisory_lock(${KYSELY_PG_LOCK_ID})`);
  return async () => {
    await other.query(`select pg_advisory_unlock(${KYSELY_PG_LOCK_ID})`);
    await other.end();
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('readiness while migrations run', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    temp = await useTempDatabase();
    server = createServer(startingListener);
    base = await listen(server);
  });
  afterAll(async () => {
    setPhase('starting');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await temp.cleanup();
  });

  it('answers 503 "migrating" until the other instance releases the lock, then the site can serve', async () => {
    // A restart while another instance holds the migration lock (it takes it on every start).
    await closeDb();
    const release = await holdMigrationLock(temp.url);
    const pending = getDb();
    try {
      await vi.waitFor(() => expect(databaseState()).toBe('migrating'), { timeout: 10_000 });
      const ready = await fetch(`${base}/api/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, reason: 'migrating' });
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'starting', ready: false, reason: 'migrating' });
      expect((await fetch(`${base}/exercise/refresh`)).status).toBe(503);
    } finally {
      await release();
    }
    await pending;
    expect(databaseState()).toBe('ready');
    expect(await checkReadiness()).toEqual({ ready: false, reason: 'starting' });
    setPhase('serving');
    expect(await checkReadiness()).toEqual({ ready: true });
  });
});

describe('several instances starting at once on a fresh database', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it('migrate it once, without a race', async () => {
    const url = await temp.createEmptyDatabase();
    const instances = Array.from({ length: 4 }, () => openDatabase(url, { poolSize: 2 }));
    try {
      const outcomes = await Promise.allSettled(instances.map((db) => migrateToLatest(db)));
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const applied = await instances[0]!
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(applied.map((row) => (row as { name: string }).name).sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      for (const db of instances) await db.destroy();
    }
  });
});
