/**
 * Okta-compatible answers from oidc-provider's own endpoints (docs/decisions/001, shims 2,
 * 3, 5, 17 and the redirect and WWW-Authenticate shims): one Koa middleware that adjusts a
 * response after the provider produced it, and the events it needs.
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { DB } from '../db/client';
import { recordCodeExchange, recordCodeReuse } from '../db/practice-clients';
import { getLogger } from '../logging/logger';
import { PRACTICE_API_SCOPES, PRACTICE_OIDC_SCOPES } from './configuration';
import {
  OKTA_MESSAGES,
  oktaDescription,
  toOktaTokenError,
  withErrorDescription,
  withOktaAuthorizationError,
  type ProviderErrorLike,
} from './errors';
import { recordRecipeOutcome } from './recipe-mistakes';
import type { AccessTokenRevocation } from './revocation';
import { fingerprint } from '../exercise/token/inspect';

/** Routes whose GET redirects are the authorization request's answer (302 on Okta). */
const AUTHORIZATION_ROUTES = new Set(['authorization', 'resume']);

/** Okta reports every granted scope (offline_access and openid included) and "Bearer". */
function oktaTokenResponse(ctx: KoaContextWithOIDC, body: Record<string, unknown>): Record<string, unknown> {
  const entities = ctx.oidc.entities;
  const source = entities.RefreshToken ?? entities.AuthorizationCode;
  const oidcScopes: readonly string[] = PRACTICE_OIDC_SCOPES;
  const granted = (source?.scope ?? '').split(' ').filter((scope) => oidcScopes.includes(scope));
  const scope = [...new Set([...granted, ...String(body.scope ?? '').split(' ')])].filter(Boolean).join(' ');
  return { ...body, token_type: 'Bearer', ...(scope ? { scope } : {}) };
}

/** A code is remembered by the exercise's own fingerprint of it, so the two can be matched. */
const codeFingerprint = fingerprint;

/**
 * Records a code's exchange, or what a later attempt with the same code did, so the
 * exercise can tell "run twice" from "expired" (both answer Okta's one sentence). A reuse
 * that reached the consumed code revoked that login's grant; later ones find no code.
 */
async function recordCodeOutcome(db: DB, ctx: KoaContextWithOIDC, error: ProviderErrorLike | undefined): Promise<void> {
  const code = ctx.oidc.params?.code;
  if (ctx.oidc.params?.grant_type !== 'authorization_code' || typeof code !== 'string' || !code) return;
  const now = Math.floor(Date.now() / 1000);
  const issued = ctx.oidc.entities.AuthorizationCode;
  if (!error && ctx.status === 200 && issued?.grantId && ctx.oidc.client) {
    await recordCodeExchange(db, {
      codeFingerprint: codeFingerprint(code),
      clientId: ctx.oidc.client.clientId,
      grantId: issued.grantId,
      exchangedAt: now,
    });
  } else if (error) {
    await recordCodeReuse(db, codeFingerprint(code), now, error.error_detail === 'authorization code already consumed');
  }
}

/**
 * /v1/logout from a browser with no practice session (already signed out, or another
 * browser): oidc-provider answers a page that submits itself with an inline script, which
 * the practice pages' CSP does not allow, only to end a session that does not exist. Okta
 * redirects at once: to the sign-out redirect URI (checked against the app already), with
 * `state`, or to the signed-out page.
 */
function signOutWithoutSession(ctx: KoaContextWithOIDC): void {
  const session = ctx.oidc.session;
  if (!session || session.accountId) return;
  const { postLogoutRedirectUri, state } = (session.state ?? {}) as { postLogoutRedirectUri?: unknown; state?: unknown };
  session.state = undefined;
  let target: string = ctx.oidc.urlFor('end_session_success');
  if (typeof postLogoutRedirectUri === 'string') {
    const url = new URL(postLogoutRedirectUri);
    if (typeof state === 'string') url.searchParams.set('state', state);
    target = url.toString();
  }
  ctx.redirect(target);
  ctx.status = 302;
}

/** Installs the Okta look-alike adjustments on a provider. */
export function installOktaCompatibility(provider: Provider, { db, revocation }: { db: DB; revocation: AccessTokenRevocation }): void {
  const tokenErrors = new WeakMap<object, ProviderErrorLike>();
  provider.on('grant.error', (ctx: KoaContextWithOIDC, error: ProviderErrorLike) => {
    tokenErrors.set(ctx, error);
  });
  const revocationErrors = new WeakMap<object, ProviderErrorLike>();
  provider.on('revocation.error', (ctx: KoaContextWithOIDC, error: ProviderErrorLike) => {
    revocationErrors.set(ctx, error);
  });
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: unknown) => {
    getLogger().error({ requestId: ctx.get('x-request-id') || undefined, err: error }, 'practice server error');
  });

  provider.use(async (koa, next) => {
    await next();
    const ctx = koa as KoaContextWithOIDC;
    const route = ctx.oidc?.route;
    if (route === 'discovery' && ctx.body && typeof ctx.body === 'object') {
      // scopes_supported lists only OIDC scopes; resource-server scopes are added here.
      (ctx.body as Record<string, unknown>).scopes_supported = [...PRACTICE_OIDC_SCOPES, ...PRACTICE_API_SCOPES];
    }
    // oidc-provider answers the authorization request (to the sign-in page, to the app,
    // errors included) with 303; Okta with 302. POSTs keep 303.
    if (route && AUTHORIZATION_ROUTES.has(route) && ctx.method === 'GET' && ctx.status === 303) ctx.status = 302;
    // An error sent back to the app in Okta's words (a missing nonce, for one).
    const location = route && AUTHORIZATION_ROUTES.has(route) ? ctx.response.get('Location') : '';
    if (location) ctx.set('Location', withOktaAuthorizationError(location));

    if (route === 'end_session' && ctx.status === 200) signOutWithoutSession(ctx);

    // oidc-provider refuses every JWT at its revocation endpoint (`unsupported_token_type`,
    // after authenticating the client, before any hook); the access tokens are JWTs, which
    // Okta revokes, answering 200 for any token. The refusal becomes the revocation.
    const client = ctx.oidc?.client;
    if (route === 'revocation' && client && revocationErrors.get(ctx)?.error === 'unsupported_token_type') {
      await revocation.revoke(String(ctx.oidc.params?.token ?? ''), client.clientId);
      ctx.remove('Content-Type'); // the error's; an empty body is typed as the provider's own 200
      ctx.status = 200;
      ctx.body = '';
    }

    const body = ctx.body as Record<string, unknown> | undefined;
    if (route === 'token' && ctx.status === 200 && body && typeof body.access_token === 'string') {
      ctx.body = oktaTokenResponse(ctx, body);
    }
    const error = tokenErrors.get(ctx);
    if (route === 'token') await recordCodeOutcome(db, ctx, error);
    if (route === 'token' && error) await recordRecipeOutcome(db, provider, ctx, error);
    if (route === 'token' && error && body && typeof body === 'object') {
      const mapped = toOktaTokenError(error, {
        grantType: typeof ctx.oidc.params?.grant_type === 'string' ? ctx.oidc.params.grant_type : undefined,
        configuredGrantTypes: ctx.oidc.client?.grantTypes,
      });
      if (mapped.error === 'unauthorized_client') ctx.status = 400;
      ctx.body = mapped;
    } else if (body && typeof body === 'object' && body.error === 'invalid_client') {
      // Revocation (and any other client-authenticated endpoint) in the same words.
      ctx.body = { error: 'invalid_client', error_description: OKTA_MESSAGES.invalidClient };
    }
    // Errors answered as JSON (logout's, for one) in Okta's words too.
    const answered = ctx.body as Record<string, unknown> | undefined;
    if (answered && typeof answered === 'object' && typeof answered.error_description === 'string') {
      answered.error_description = oktaDescription(answered.error_description);
    }
    // RFC 6750/6749 challenges repeat the error; the description must agree with the body's.
    const answer = ctx.body as Record<string, unknown> | undefined;
    const challenge = ctx.response.get('WWW-Authenticate');
    if (typeof challenge === 'string' && challenge && answer && typeof answer.error_description === 'string') {
      ctx.set('WWW-Authenticate', withErrorDescription(challenge, answer.error_description));
    }
  });
}
