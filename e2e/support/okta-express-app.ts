/**
 * A learner's real web app, as Okta's Express quickstart builds it: `@okta/oidc-middleware`
 * as shipped (its router, `ensureAuthenticated`, sessions with express-session), on the
 * express 4 it bundles and was made for, listening on a random loopback port in the test
 * process. Its sign-in redirect URI is on loopback, which the practice server accepts.
 *
 *   const app = await startOktaExpressApp();             // the port is known first…
 *   await app.configure({ issuer, clientId, clientSecret }); // …then the middleware
 *   … browse to app.baseUrl + '/profile' …
 *   await app.stop();
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';

const require = createRequire(import.meta.url);
// CommonJS without static named exports: loaded with require, typed from its declarations.
const { ExpressOIDC } = require('@okta/oidc-middleware') as typeof import('@okta/oidc-middleware');
// The express the middleware depends on (4.x, in its own node_modules), not the project's 5.
const express = createRequire(require.resolve('@okta/oidc-middleware'))('express') as () => ExpressApp;

interface ExpressApp {
  (req: unknown, res: unknown): void;
  use(...handlers: unknown[]): void;
  get(path: string, ...handlers: unknown[]): void;
}

/** What the app's session held after sign-in, as its /profile page saw it. */
export interface SignedInContext {
  tokens: { access_token?: string; id_token?: string; refresh_token?: string; token_type?: string; scope?: string };
  userinfo?: Record<string, unknown>;
}

export interface OktaExpressApp {
  baseUrl: string;
  /** The middleware's default sign-in redirect URI, `{appBaseUrl}/authorization-code/callback`. */
  redirectUri: string;
  /** Installs the middleware for the practice app; resolves once it has read discovery. */
  configure(options: { issuer: string; clientId: string; clientSecret: string; scope: string }): Promise<void>;
  /** The user context of the last request to /profile. */
  readonly lastContext: SignedInContext | undefined;
  stop(): Promise<void>;
}

/** Starts the app (not yet configured: every request answers 503 until `configure`). */
export async function startOktaExpressApp(): Promise<OktaExpressApp> {
  const app = express();
  let configured = false;
  let lastContext: SignedInContext | undefined;
  // No icon (and no 404 for the browser's request, which the e2e fixture counts as an error).
  app.get('/favicon.ico', (_req: unknown, res: { status(code: number): { end(): void } }) => res.status(204).end());
  app.use((_req: unknown, res: { status(code: number): { send(body: string): void } }, next: () => void) => {
    if (configured) next();
    else res.status(503).send('Not configured yet');
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    redirectUri: `${baseUrl}/authorization-code/callback`,
    get lastContext() {
      return lastContext;
    },
    async configure({ issuer, clientId, clientSecret, scope }) {
      const oidc = new ExpressOIDC({
        issuer,
        client_id: clientId,
        client_secret: clientSecret,
        appBaseUrl: baseUrl,
        scope,
        // The practice issuer is http on loopback; Okta's documented switch for that.
        testing: { disableHttpsCheck: true },
        routes: { loginCallback: { afterCallback: '/profile' } },
      });
      await new Promise<void>((resolve, reject) => {
        oidc.on('ready', () => resolve());
        oidc.on('error', reject);
      });
      app.use(session({ secret: randomBytes(32).toString('hex'), resave: false, saveUninitialized: false }));
      app.use(oidc.router);
      const profile: RequestHandler = (req, res) => {
        const context = req.userContext as SignedInContext | undefined;
        lastContext = context;
        res
          .type('text/plain')
          .send(
            context ? `Signed in as ${String(context.userinfo?.preferred_username)} (${String(context.userinfo?.sub)})` : 'Not signed in',
          );
      };
      app.get('/profile', oidc.ensureAuthenticated(), profile);
      configured = true;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
