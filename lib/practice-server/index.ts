/**
 * The practice authorization server: oidc-provider configured as a look-alike of an Okta
 * developer org's default authorization server, mounted at `/oauth2/default` on the
 * site's own Node server. @see docs/decisions/001-practice-server-on-oidc-provider.md
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { importJWK, type CryptoKey, type KeyObject } from 'jose';
import Provider from 'oidc-provider';
import type { DB } from '../db/client';
import { getOrCreateSetting } from '../db/settings';
import { practiceIssuer, type Env } from '../env';
import { getLogger } from '../logging/logger';
import { requestIdentity } from '../server/client-address';
import { buildConfiguration, PRACTICE_AUDIENCE, PRACTICE_MOUNT } from './configuration';
import { loginForAccountId } from './account';
import { BodyTooLargeError, readForm, sendHtml, sendJson } from './http';
import { handleInteraction } from './interactions';
import { installOktaCompatibility } from './okta-compat';
import { handleIntrospection } from './introspection';
import { handleUserinfo } from './userinfo';
import { getOrCreateSigningKey, toPublicJwk } from './keys';
import { isPracticePath } from './mount';
import { redirectPolicyOf } from './redirect-policy';
import { createAccessTokenRevocation } from './revocation';
import { addConsentPromptForOfflineAccess } from './shims';
import { pageHeaders, renderErrorPage } from './views';

export { PRACTICE_MOUNT, PRACTICE_AUDIENCE, PRACTICE_API_SCOPES } from './configuration';

export interface PracticeServer {
  /** Handles a request whose path starts with PRACTICE_MOUNT (raw Node req/res). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  provider: Provider;
  close(): Promise<void>;
}

type MountedRequest = IncomingMessage & { originalUrl?: string };

/**
 * Cookie-signing keys for oidc-provider, derived from the session secret (HKDF, so the
 * app's own cookie key is never reused as is), or a stored random key without one.
 */
async function cookieKeysFor(db: DB, env: Env): Promise<string[]> {
  if (env.SESSION_SECRET) {
    const key = hkdfSync('sha256', env.SESSION_SECRET, 'oauth-lab', 'practice-server cookie keys', 32);
    return [Buffer.from(key).toString('base64url')];
  }
  return [await getOrCreateSetting(db, 'practice_cookie_key', () => randomBytes(32).toString('base64url'))];
}

/**
 * oidc-provider forbids http:// and localhost redirect URIs for web clients that use the
 * implicit flow. The site's own redirect page is http://localhost in development, and the
 * console lets learners tick "Implicit (Hybrid)" — so those two checks are skipped.
 * @see https://github.com/panva/node-oidc-provider/blob/v9.x/docs/README.md (Client Schema invalidate)
 */
function allowLocalhostImplicitRedirects(provider: Provider): void {
  const schema = (provider.Client as unknown as { Schema: { prototype: { invalidate(message: string, code?: string): void } } }).Schema;
  const invalidate = schema.prototype.invalidate;
  schema.prototype.invalidate = function invalidateExceptLocalhostImplicit(message: string, code?: string) {
    if (code === 'implicit-force-https' || code === 'implicit-forbid-localhost') return;
    invalidate.call(this, message, code);
  };
}

/**
 * POST /v1/logout (Okta accepts it) answered by a 303 to the same request as a GET.
 * oidc-provider serves POST here only with `enableHttpPostMethods`, which needs
 * `SameSite=None` session cookies: a POST from the app's site would not carry the Lax
 * session cookie anyway. The browser's GET that follows is a top-level navigation, which does.
 */
async function redirectLogoutPost(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let form: URLSearchParams;
  try {
    form = await readForm(req, 16 * 1024);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendJson(res, 413, { error: 'invalid_request', error_description: 'The request body is too large.' });
    return;
  }
  res.writeHead(303, { Location: `${PRACTICE_MOUNT}/v1/logout?${form.toString()}`, 'Cache-Control': 'no-store', 'Content-Length': '0' });
  res.end();
}

/** Builds the practice server over the app database. The issuer comes from PUBLIC_URL. */
export async function createPracticeServer({ db, env }: { db: DB; env: Env }): Promise<PracticeServer> {
  const issuer = practiceIssuer(env);
  const signingKey = await getOrCreateSigningKey(db);
  const publicKey = (await importJWK(toPublicJwk(signingKey), 'RS256')) as CryptoKey | KeyObject;
  const provider = new Provider(
    issuer,
    buildConfiguration({
      db,
      issuer,
      demoUser: env.PRACTICE_DEMO_USER,
      signingKey,
      cookieKeys: await cookieKeysFor(db, env),
      redirectPolicy: redirectPolicyOf(env),
    }),
  );
  // Every URL the provider builds (discovery, redirects) must derive from PUBLIC_URL, never
  // from a Host or X-Forwarded-Host a client chose: dispatch() pins both headers, and
  // `proxy` lets Koa read the pinned X-Forwarded-Proto (and the client address the Node
  // server put in X-Forwarded-For).
  provider.proxy = true;
  const publicUrl = new URL(env.PUBLIC_URL);
  allowLocalhostImplicitRedirects(provider);
  const revocation = createAccessTokenRevocation({ db, provider, issuer, audience: PRACTICE_AUDIENCE, publicKey });
  installOktaCompatibility(provider, { db, revocation });
  const { isRevoked } = revocation;

  const callback = provider.callback();
  const interactionPath = (uid: string) => `${PRACTICE_MOUNT}/interaction/${encodeURIComponent(uid)}`;

  async function dispatch(req: MountedRequest, res: ServerResponse): Promise<void> {
    let url = req.url ?? '/';
    if (!isPracticePath(url)) {
      sendJson(res, 404, { error: 'not_found', error_description: 'Not a practice server path.' });
      return;
    }
    req.headers.host = publicUrl.host;
    req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    delete req.headers['x-forwarded-host'];
    delete req.headers.forwarded;
    const q = url.indexOf('?');
    const path = (q < 0 ? url : url.slice(0, q)).slice(PRACTICE_MOUNT.length) || '/';

    if (path.startsWith('/interaction/')) {
      await handleInteraction({ provider, env, interactionPath }, req, res);
      return;
    }
    if (path === '/v1/introspect') {
      const loginFor = (accountId: string) => loginForAccountId(accountId, env.PRACTICE_DEMO_USER);
      await handleIntrospection({ provider, issuer, audience: PRACTICE_AUDIENCE, publicKey, loginFor, isRevoked }, req, res);
      return;
    }
    if (path === '/v1/userinfo') {
      await handleUserinfo({ issuer, audience: PRACTICE_AUDIENCE, publicKey, isRevoked }, req, res);
      return;
    }
    if (path === '/v1/logout' && req.method === 'POST') {
      await redirectLogoutPost(req, res);
      return;
    }
    if (path === '/.well-known/oauth-authorization-server') {
      // RFC 8414 metadata: the same document as OpenID discovery (as Okta serves).
      url = `${PRACTICE_MOUNT}/.well-known/openid-configuration${q < 0 ? '' : url.slice(q)}`;
    }
    if (req.method === 'GET' && path === '/v1/authorize') {
      // Must happen on the full URL: the provider derives its mount path from originalUrl.
      url = addConsentPromptForOfflineAccess(url);
    }
    req.originalUrl = url;
    req.url = url.slice(PRACTICE_MOUNT.length) || '/';
    await callback(req, res);
  }

  return {
    provider,
    handle(req, res) {
      dispatch(req, res).catch((error: unknown) => {
        getLogger().error({ requestId: requestIdentity(req).requestId, err: error }, 'practice server request failed');
        if (!res.headersSent) {
          sendHtml(
            res,
            500,
            renderErrorPage('Something went wrong', 'The practice server hit an unexpected error. Please try again.'),
            pageHeaders(),
          );
        } else {
          res.end();
        }
      });
    },
    async close() {
      // Nothing to release: the database belongs to the caller, the provider holds no timers.
    },
  };
}
