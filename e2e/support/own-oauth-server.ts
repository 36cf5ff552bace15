/**
 * A second, independently configured authorization server for the "Your own server"
 * journey: a plain oidc-provider instance in the test process on a random loopback port,
 * with its own issuer, signing key, confidential client and a tiny sign-in page.
 *
 * It deliberately keeps oidc-provider's defaults where they differ from the practice
 * server, the way a learner's real server would: `offline_access` needs `openid` and
 * `prompt=consent` (OpenID Connect Core §11), the client authenticates with
 * `client_secret_post`, and access tokens are RFC 9068 JWTs for a default resource.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export interface OwnOAuthServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash, as in its metadata). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** The API the access tokens are for (their `aud`). */
  resource: string;
  close(): Promise<void>;
}

const RESOURCE = 'urn:oauth-lab:e2e-api';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function signInPage(action: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Test Identity Provider</title></head>
<body><main>
<h1>Test Identity Provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign In</button></p>
</form>
</main></body></html>`;
}

/** Starts the server; `redirectUri` is the site's `/redirect` page. */
export async function startOwnOAuthServer({ redirectUri }: { redirectUri: string }): Promise<OwnOAuthServer> {
  const clientId = `e2e-own-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const username = 'alice';
  const password = 'own-server-password';

  // The issuer names the port, so the server listens first and gets its handler after.
  const server = createServer();

  async function handle(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A browser asks for this on every page; answer it so no 404 lands in the console.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (!interaction) {
      provider.callback()(req, res);
      return;
    }
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      // Consent is implicit (a first-party app): grant what the request asked for and resume.
      const accountId = details.session?.accountId ?? username;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      return;
    }
    if (req.method !== 'POST') {
      sendHtml(res, 200, signInPage(url.pathname));
      return;
    }
    const form = await readForm(req);
    if (form.get('username') !== username || form.get('password') !== password) {
      sendHtml(res, 200, signInPage(url.pathname, 'Wrong username or password.'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `e2e-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, AuthorizationCode: 300, Grant: 3600, IdToken: 3600, Interaction: 600, RefreshToken: 86_400, Session: 3600 },
    scopes: ['openid', 'offline_access', 'api:read'],
    async findAccount(_ctx, accountId) {
      return { accountId, claims: async () => ({ sub: accountId }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'api:read',
          audience: RESOURCE,
          accessTokenTTL: 60 * 60,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(provider, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendHtml(res, 500, `<!doctype html><title>Error</title><p>${escapeHtml(String(error))}</p>`);
      else res.end();
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    username,
    password,
    resource: RESOURCE,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
