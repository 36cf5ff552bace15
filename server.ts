/**
 * The one Node server: `/oauth2/default/*` goes to the practice authorization server
 * (oidc-provider needs raw Node req/res for its sign-in interactions), everything else to
 * Next.js. @see docs/decisions/001-practice-server-on-oidc-provider.md
 *
 * It listens before it is ready: while the database migrates and Next.js prepares,
 * `/api/ready` and `/api/health` answer 503 and say why (a load balancer keeps it out of
 * rotation). On SIGTERM it drains: requests in flight finish, then the pool is closed.
 * @see docs/decisions/008-postgres-and-several-instances.md
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { closeDb } from './lib/db/client';
import { bootstrap } from './lib/server/bootstrap';
import { EnvError, getEnv } from './lib/env';
import { getLogger } from './lib/logging/logger';
import { createPracticeServer, PRACTICE_MOUNT } from './lib/practice-server';
import { setPhase, startingListener } from './lib/server/readiness';
import { scheduleRetention } from './lib/server/retention';
import { createRequestListener } from './lib/server/request-listener';
import { createCheckApiFastPath } from './lib/server/api-fast-path';
import { allowServerOnlyModules } from './lib/server/server-only';
import { shutDownGracefully } from './lib/server/shutdown';

async function main() {
  const dev = process.argv.includes('--dev');
  const env = getEnv();
  const logger = getLogger();

  let listener: (req: IncomingMessage, res: ServerResponse) => void = startingListener;
  const server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOSTNAME, () => resolve());
  });

  let release = async () => closeDb();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    // In development, Next's hot-reload websockets stay open: do not make every reload wait.
    shutDownGracefully({ server, logger, release: () => release(), timeoutMs: dev ? 1000 : 10_000 }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const { env: started, db } = await bootstrap();
  const practice = started.PRACTICE_SERVER ? await createPracticeServer({ db, env: started }) : null;
  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: started.PORT });
  await app.prepare();

  // The check route's own handler, for the fast path (it imports server-only modules).
  allowServerOnlyModules();
  const { POST: checkRoute } = await import('./app/api/exercise/[step]/route');
  const { POST: courseCheckRoute } = await import('./app/api/exercises/[exercise]/[step]/route');
  const retention = scheduleRetention(db, started, logger);
  release = async () => {
    retention.stop();
    await practice?.close();
    await closeDb();
  };
  listener = createRequestListener({
    env: started,
    logger,
    practice: practice ? practice.handle : null,
    next: app.getRequestHandler(),
    // The check API is the hot path: the same route handler, without Next's pipeline (decision 008).
    fastPaths: [createCheckApiFastPath(checkRoute, courseCheckRoute)],
  });
  if (stopping) return;
  setPhase('serving');
  logger.info(
    {
      publicUrl: started.PUBLIC_URL,
      host: started.HOSTNAME,
      port: started.PORT,
      dev,
      practiceIssuer: practice ? `${started.PUBLIC_URL}${PRACTICE_MOUNT}` : null,
    },
    `OAuth Lab ready on ${started.PUBLIC_URL}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error('OAuth Lab failed to start:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
