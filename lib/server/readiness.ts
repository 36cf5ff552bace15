/**
 * Readiness, for a load balancer or an orchestrator: may this instance take traffic now?
 * Not while it starts (migrations run, Next.js prepares), not while it drains after SIGTERM,
 * not when its database does not answer. `GET /api/ready` is answered here, by the Node
 * server itself, from the moment it listens — before Next.js can answer anything — so the
 * answer exists in every phase. `GET /api/health` (liveness and database reachability) is
 * a route handler once the site runs; while it starts, it is answered here too.
 * @see docs/api.md ("Health and readiness")
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { databaseState, pingDatabase, type DialectName } from '../db/client';

export const READY_PATH = '/api/ready';
export const HEALTH_PATH = '/api/health';

export type Phase = 'starting' | 'serving' | 'draining';

// The phase lives on globalThis: the custom server sets it, and Next's module graph (the
// health route) reads it, in one process.
const PHASE = Symbol.for('oauth-lab.phase');
type GlobalWithPhase = typeof globalThis & { [PHASE]?: Phase };

/** Where this process is in its life: starting, serving, or draining after SIGTERM. */
export function currentPhase(): Phase {
  return (globalThis as GlobalWithPhase)[PHASE] ?? 'starting';
}

export function setPhase(phase: Phase): void {
  (globalThis as GlobalWithPhase)[PHASE] = phase;
}

export interface Readiness {
  ready: boolean;
  /** Why not: the database migrates, the site is still starting or is draining, or the database does not answer. */
  reason?: 'migrating' | 'starting' | 'draining' | 'database_unavailable' | 'migration_failed';
}

function readinessOf(phase: Phase, database: ReturnType<typeof databaseState>, reachable: boolean | null): Readiness {
  if (phase === 'draining') return { ready: false, reason: 'draining' };
  if (database === 'migrating') return { ready: false, reason: 'migrating' };
  if (database === 'failed') return { ready: false, reason: 'migration_failed' };
  if (phase === 'starting' || database === 'closed') return { ready: false, reason: 'starting' };
  return reachable ? { ready: true } : { ready: false, reason: 'database_unavailable' };
}

/** Whether this instance should take traffic now (asks the database only when it is serving). */
export async function checkReadiness(): Promise<Readiness> {
  const phase = currentPhase();
  const database = databaseState();
  const needsPing = phase === 'serving' && database === 'ready';
  return readinessOf(phase, database, needsPing ? (await pingDatabase()).reachable : null);
}

export interface HealthReport {
  /** 200 when the database answers, else 503. */
  httpStatus: 200 | 503;
  body: {
    status: 'ok' | 'error';
    database: { reachable: boolean; dialect: DialectName; ms: number };
    error?: { code: 'database_unavailable'; message: string };
  } & Readiness;
}

/**
 * `GET /api/health`: liveness and database reachability (`{ status: "ok" }` when the
 * database answers — SPEC's contract), with the dialect, the round trip, and readiness.
 */
export async function healthReport(): Promise<HealthReport> {
  const ping = await pingDatabase();
  const readiness = readinessOf(currentPhase(), databaseState(), ping.reachable);
  const database = { reachable: ping.reachable, dialect: ping.dialect, ms: Math.round(ping.ms * 100) / 100 };
  return ping.reachable
    ? { httpStatus: 200, body: { status: 'ok', database, ...readiness } }
    : {
        httpStatus: 503,
        body: {
          status: 'error',
          database,
          ...readiness,
          error: { code: 'database_unavailable', message: 'The database did not answer.' },
        },
      };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0];

/** Answers `GET /api/ready`: 200 `{ ready: true }`, or 503 `{ ready: false, reason }`. Returns false for other requests. */
export function handleReadiness(req: IncomingMessage, res: ServerResponse): boolean {
  if (pathOf(req) !== READY_PATH) return false;
  checkReadiness().then(
    (readiness) => sendJson(res, readiness.ready ? 200 : 503, readiness),
    () => sendJson(res, 503, { ready: false, reason: 'database_unavailable' }),
  );
  return true;
}

/**
 * The request listener while the site starts: readiness and health say why it cannot
 * serve yet (503), every other request is asked to come back shortly.
 */
export function startingListener(req: IncomingMessage, res: ServerResponse): void {
  if (handleReadiness(req, res)) return;
  if (pathOf(req) === HEALTH_PATH) {
    void checkReadiness().then((readiness) => sendJson(res, 503, { status: 'starting', ...readiness }));
    return;
  }
  res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' });
  res.end('OAuth Lab is starting. Try again in a few seconds.');
}
