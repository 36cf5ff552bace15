/**
 * Graceful shutdown (issue 10): on SIGTERM the server stops taking connections, reports
 * "draining", lets the request in flight finish (with its database work) and answers it,
 * then closes the database pool. A real HTTP server and a real database.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, databaseState, driverOf, getDb } from '@/lib/db/client';
import { getLogger } from '@/lib/logging/logger';
import { checkReadiness, currentPhase, setPhase } from '@/lib/server/readiness';
import { shutDownGracefully } from '@/lib/server/shutdown';
import { useTempDatabase } from './support/db';

/** GET over a fresh connection; resolves with the status and body, or the connection error's code. */
function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('graceful shutdown', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let server: Server;
  let base: string;
  let started = 0;
  beforeAll(async () => {
    temp = await useTempDatabase();
    // A slow request that works with the database after a while (a check on a busy site).
    server = createServer((req, res) => {
      started += 1;
      void (async () => {
        await sleep(800);
        const db = await getDb();
        const row = await db
          .selectFrom('settings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ settings: Number(row.n) }));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setPhase('serving');
  });
  afterAll(async () => {
    setPhase('starting');
    if (server.listening) server.close();
    await temp.cleanup();
  });

  it('finishes the request in flight, refuses new connections, then closes the pool', async () => {
    const driver = driverOf(temp.db);
    const inFlight = get(`${base}/slow`);
    while (started === 0) await sleep(10);

    let released = false;
    const shutdown = shutDownGracefully({
      server,
      logger: getLogger(),
      timeoutMs: 20_000,
      release: async () => {
        released = true;
        await closeDb();
      },
    });
    expect(currentPhase()).toBe('draining');
    expect(await checkReadiness()).toEqual({ ready: false, reason: 'draining' });
    expect(await get(`${base}/new`)).toEqual({ error: 'ECONNREFUSED' });
    expect(released).toBe(false);

    expect(await inFlight).toEqual({ status: 200, body: JSON.stringify({ settings: 0 }) });
    await shutdown;
    expect(released).toBe(true);
    expect(databaseState()).toBe('closed');
    if (driver.dialect === 'postgres') expect(driver.pool.ended).toBe(true);
    else expect(driver.sqlite.open).toBe(false);
  });
});
