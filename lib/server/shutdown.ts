/**
 * Graceful shutdown on SIGTERM (a deploy, a scale-in, `docker stop`): readiness turns to
 * "draining" so a load balancer stops sending new requests, the listening socket closes,
 * requests in flight finish and get their answers, idle keep-alive connections are closed
 * as they become idle, and only then are the timers stopped and the database pool closed.
 * Requests still running after `timeoutMs` have their connections cut.
 */
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { setPhase } from './readiness';

export interface ShutdownOptions {
  server: Server;
  logger: Logger;
  /** Runs after the last request: stop timers, close the practice server and the database pool. */
  release: () => Promise<void>;
  /** Longest wait for requests in flight, in milliseconds. */
  timeoutMs?: number;
}

/** Drains `server` and releases what the process holds; resolves when all is closed. */
export async function shutDownGracefully({ server, logger, release, timeoutMs = 10_000 }: ShutdownOptions): Promise<void> {
  setPhase('draining');
  logger.info({ timeoutMs }, 'shutting down: finishing requests in flight');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() drops the connections idle at that moment; a keep-alive connection whose
  // request is still running becomes idle later, and is dropped then.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => {
    logger.warn({ timeoutMs }, 'requests still running at the shutdown deadline: closing their connections');
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
  await release();
  logger.info('shut down: requests finished, database closed');
}
