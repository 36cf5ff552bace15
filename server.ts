/**
 * The one Node server: `/oauth2/default/*` goes to the practice authorization server
 * (oidc-provider needs raw Node req/res for its sign-in interactions), everything else to
 * Next.js. @see docs/decisions/001-practice-server-on-oidc-provider.md
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { bootstrap } from './lib/bootstrap';
import { EnvError } from './lib/env';
import { createPracticeServer, PRACTICE_MOUNT } from './lib/practice-server';

async function main() {
  const dev = process.argv.includes('--dev');
  const { env, db } = await bootstrap();

  const practice = env.PRACTICE_SERVER ? await createPracticeServer({ db, env }) : null;

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Rate limits key on the peer address; never trust a client-sent header for it.
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    const path = req.url ?? '/';
    if (practice && (path === PRACTICE_MOUNT || path.startsWith(`${PRACTICE_MOUNT}/`))) {
      practice.handle(req, res);
      return;
    }
    handleNext(req, res).catch((error: unknown) => {
      console.error('Request failed:', error instanceof Error ? error.stack : error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
  });

  server.listen(env.PORT, env.HOSTNAME, () => {
    console.log(`OAuth Lab ready on ${env.PUBLIC_URL} (listening on ${env.HOSTNAME}:${env.PORT}${dev ? ', dev' : ''})`);
    if (practice) console.log(`Practice authorization server: ${env.PUBLIC_URL}${PRACTICE_MOUNT}`);
  });

  const shutdown = () => {
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
