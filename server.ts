/**
 * The one Node server: `/oauth2/default/*` goes to the practice authorization server
 * (oidc-provider needs raw Node req/res for its sign-in interactions), everything else to
 * Next.js. @see docs/decisions/001-practice-server-on-oidc-provider.md
 */
import { createServer } from 'node:http';
import next from 'next';
import { bootstrap } from './lib/server/bootstrap';
import { EnvError } from './lib/env';
import { getLogger } from './lib/logging/logger';
import { createPracticeServer, PRACTICE_MOUNT } from './lib/practice-server';
import { scheduleRetention } from './lib/server/retention';
import { createRequestListener } from './lib/server/request-listener';

async function main() {
  const dev = process.argv.includes('--dev');
  const { env, db } = await bootstrap();
  const logger = getLogger();

  const practice = env.PRACTICE_SERVER ? await createPracticeServer({ db, env }) : null;

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  await app.prepare();

  const server = createServer(
    createRequestListener({ env, logger, practice: practice ? practice.handle : null, next: app.getRequestHandler() }),
  );
  const retention = scheduleRetention(db, env, logger);

  server.listen(env.PORT, env.HOSTNAME, () => {
    logger.info(
      {
        publicUrl: env.PUBLIC_URL,
        host: env.HOSTNAME,
        port: env.PORT,
        dev,
        practiceIssuer: practice ? `${env.PUBLIC_URL}${PRACTICE_MOUNT}` : null,
      },
      `OAuth Lab ready on ${env.PUBLIC_URL}`,
    );
  });

  const shutdown = () => {
    retention.stop();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error('OAuth Lab failed to start:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
