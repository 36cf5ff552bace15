/**
 * oidc-provider configuration for the practice server: an Okta developer org's default
 * authorization server look-alike. Every departure from oidc-provider's defaults that
 * learners can observe is listed in docs/decisions/001-practice-server-on-oidc-provider.md.
 */
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { DB } from '../db/client';
import { findPracticeAppByClientId, practiceAppTypeDefinition, recordTokenOrigin, type TokenOriginRecord } from '../db/practice-clients';
import { idTokenExtras, loginForAccountId, SCOPE_CLAIMS, userClaims, userIdFor } from './account';
import { createAdapterClass } from './adapter';
import { SUPPORTED_RESPONSE_TYPES, toClientMetadata } from './client-metadata';
import { describeBrowserError, OKTA_MESSAGES } from './errors';
import type { PrivateSigningJwk } from './keys';
import { PRACTICE_AUDIENCE, PRACTICE_MOUNT } from './mount';
import { allowedRedirectUris, type RedirectPolicy } from './redirect-policy';
import { pageHeaders, renderErrorPage } from './views';

export { PRACTICE_AUDIENCE, PRACTICE_MOUNT };

/** Scopes owned by the resource server (custom scopes, Okta-style). */
export const PRACTICE_API_SCOPES = ['api:read', 'api:write'] as const;
/** OpenID Connect scopes. */
export const PRACTICE_OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

export const TTL = {
  AccessToken: 60 * 60,
  ClientCredentials: 60 * 60,
  AuthorizationCode: 5 * 60,
  IdToken: 60 * 60,
  Interaction: 30 * 60,
  Session: 14 * 24 * 60 * 60,
  RefreshToken: 90 * 24 * 60 * 60,
  Grant: 90 * 24 * 60 * 60,
} as const;

/** Which grant produced the token being issued (implicit tokens count as a new login). */
function grantTypeOf(ctx: KoaContextWithOIDC | undefined): TokenOriginRecord['grantType'] {
  const grantType = ctx?.oidc?.params?.grant_type;
  if (grantType === 'refresh_token' || grantType === 'client_credentials') return grantType;
  return 'authorization_code';
}

/** Scopes of the code or refresh token behind this access token (OIDC scopes included). */
function sourceScopes(ctx: KoaContextWithOIDC | undefined): string[] {
  const entities = ctx?.oidc?.entities;
  const source = entities?.RefreshToken ?? entities?.AuthorizationCode;
  const scope = source?.scope ?? (typeof ctx?.oidc?.params?.scope === 'string' ? ctx.oidc.params.scope : '');
  return scope.split(' ').filter(Boolean);
}

const KNOWN_SCOPES = new Set<string>([...PRACTICE_OIDC_SCOPES, ...PRACTICE_API_SCOPES]);

/**
 * Refuses a scope the server does not define, as Okta does (oidc-provider ignores them,
 * as OIDC Core §3.1.2.1 allows). Okta's answer names no scope; the exercise's checks do.
 */
function assertKnownScopes(value: unknown): void {
  const unknown = String(value ?? '')
    .split(' ')
    .some((scope) => scope !== '' && !KNOWN_SCOPES.has(scope));
  if (unknown) throw new errors.CustomOIDCProviderError('invalid_scope', OKTA_MESSAGES.scopeNotConfigured);
}

/**
 * Okta's rules for a client credentials request's `scope` (oidc-provider would issue a
 * token with no scope instead): it must be given — the default server has no default
 * scopes — and it may name custom scopes only. Okta documents its wording for `openid`;
 * the other OpenID Connect scopes (profile, email) and `offline_access` (no refresh token
 * without a user) are refused in the same words, as Okta's wording for them is not
 * documented.
 */
function assertClientCredentialsScopes(value: unknown): void {
  const scopes = String(value ?? '')
    .split(' ')
    .filter(Boolean);
  if (scopes.length === 0) throw new errors.CustomOIDCProviderError('invalid_scope', OKTA_MESSAGES.scopeRequired);
  assertKnownScopes(value);
  const oidcScopes: readonly string[] = PRACTICE_OIDC_SCOPES;
  if (scopes.some((scope) => oidcScopes.includes(scope))) {
    throw new errors.CustomOIDCProviderError('invalid_scope', OKTA_MESSAGES.openidScopesWithClientCredentials);
  }
}

/**
 * The grant an authorization request uses: the one its consent step just saved, or a new
 * one holding the requested scopes — consent is implicit, as for an Okta org's own apps —
 * saved now because the code it issues refers to it.
 */
async function loadGrantOfThisLogin(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const consented = oidc.result?.consent?.grantId;
  if (typeof consented === 'string') return oidc.provider.Grant.find(consented);
  if (!oidc.account || !oidc.client) return undefined;
  const grant = new oidc.provider.Grant({ accountId: oidc.account.accountId, clientId: oidc.client.clientId });
  const requested = String(oidc.params?.scope ?? '').split(' ');
  const oidcScopes = requested.filter((scope) => (PRACTICE_OIDC_SCOPES as readonly string[]).includes(scope));
  const apiScopes = requested.filter((scope) => (PRACTICE_API_SCOPES as readonly string[]).includes(scope));
  if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '));
  if (apiScopes.length > 0) grant.addResourceScope(PRACTICE_AUDIENCE, apiScopes.join(' '));
  await grant.save();
  return grant;
}

/**
 * Okta requires `nonce` whenever a token comes back through the browser (`id_token` or
 * `token` response types). oidc-provider requires it for `id_token` already (its words are
 * replaced in okta-compat.ts); this adds `code token`. Runs after the redirect URI is
 * checked, so the refusal goes back to the app.
 */
function assertNonceForFrontChannelTokens(ctx: KoaContextWithOIDC): void {
  if (ctx.oidc.route !== 'authorization') return;
  const types = String(ctx.oidc.params?.response_type ?? '').split(' ');
  if ((types.includes('id_token') || types.includes('token')) && !ctx.oidc.params?.nonce) {
    throw new errors.InvalidRequest(OKTA_MESSAGES.nonceRequired);
  }
}

export interface ConfigurationInput {
  db: DB;
  issuer: string;
  /** The practice sign-in's one user (PRACTICE_DEMO_USER). */
  demoUser: string;
  signingKey: PrivateSigningJwk;
  cookieKeys: string[];
  redirectPolicy: RedirectPolicy;
}

export function buildConfiguration({ db, issuer, demoUser, signingKey, cookieKeys, redirectPolicy }: ConfigurationInput): Configuration {
  const oidcScopes: readonly string[] = PRACTICE_OIDC_SCOPES;

  return {
    adapter: createAdapterClass(db, {
      async findClient(clientId) {
        const found = await findPracticeAppByClientId(db, clientId);
        // An app of a type this version does not build (yet) is no client.
        const app = found && practiceAppTypeDefinition(found.type) ? found : null;
        // The console refuses hosts outside the policy; filtering here too keeps rows saved
        // before the policy (or under a wider PRACTICE_REDIRECT_HOSTS) from redirecting.
        return app
          ? toClientMetadata({
              ...app,
              redirectUris: allowedRedirectUris(app.redirectUris, redirectPolicy),
              postLogoutRedirectUris: allowedRedirectUris(app.postLogoutRedirectUris, redirectPolicy),
            })
          : undefined;
      },
    }),
    jwks: { keys: [signingKey] },
    routes: {
      authorization: '/v1/authorize',
      token: '/v1/token',
      jwks: '/v1/keys',
      revocation: '/v1/revoke',
      introspection: '/v1/introspect',
      userinfo: '/v1/userinfo',
      end_session: '/v1/logout',
    },
    scopes: [...PRACTICE_OIDC_SCOPES],
    claims: {
      openid: [...SCOPE_CLAIMS.openid],
      profile: [...SCOPE_CLAIMS.profile],
      email: [...SCOPE_CLAIMS.email],
    },
    // Account ids are Okta user ids (00u…): the provider makes them the ID token's `sub`.
    async findAccount(_ctx, accountId) {
      const login = loginForAccountId(accountId, demoUser);
      if (!login) return undefined;
      return {
        accountId,
        async claims(use) {
          return { ...userClaims(login), sub: accountId, ...(use === 'id_token' ? idTokenExtras(issuer) : {}) };
        },
      };
    },
    // oidc-provider ignores scopes it does not define (OIDC Core §3.1.2.1 allows it); Okta
    // refuses them. A validator on `scope` runs after the client and redirect URI are
    // checked, so the refusal goes back to the app by redirect, with its state.
    extraParams: {
      scope: (ctx, value) => {
        assertKnownScopes(value);
        assertNonceForFrontChannelTokens(ctx);
      },
    },
    responseTypes: SUPPORTED_RESPONSE_TYPES,
    extraClientMetadata: {
      properties: ['refresh_token_rotation', 'require_pkce'],
      validator(_ctx, key, value) {
        if (key === 'refresh_token_rotation' && value !== undefined && value !== 'persistent' && value !== 'rotate') {
          throw new errors.InvalidClientMetadata('refresh_token_rotation must be "persistent" or "rotate"');
        }
        if (key === 'require_pkce' && value !== undefined && typeof value !== 'boolean') {
          throw new errors.InvalidClientMetadata('require_pkce must be a boolean');
        }
      },
    },
    // As on Okta, a web app with a client secret may leave PKCE out unless its "Require
    // PKCE as additional verification" setting is on. A code_challenge, when sent, is always
    // checked, and only S256 is accepted (oidc-provider 9 supports nothing else).
    pkce: { required: (_ctx, client) => client.metadata().require_pkce === true },
    // One grant per login (per authorization request), as Okta keeps each login's tokens
    // apart: a reused code revokes its own grant (RFC 6749 §4.1.2), never the learner's
    // other logins. oidc-provider's default reuses the browser session's grant for the app.
    loadExistingGrant: loadGrantOfThisLogin,
    // Okta requires redirect_uri at the token endpoint even with one registered URI.
    allowOmittingSingleRegisteredRedirectUri: false,
    clientBasedCORS: () => false,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    rotateRefreshToken: (ctx) => ctx.oidc.client?.metadata().refresh_token_rotation === 'rotate',
    ttl: { ...TTL },
    cookies: {
      // Distinct from the app's `oauthlab_sid`, and recognisably the practice server's.
      names: { session: 'oauthlab_op_session', interaction: 'oauthlab_op_interaction', resume: 'oauthlab_op_resume' },
      keys: cookieKeys,
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    interactions: {
      url: (_ctx, interaction) => `${PRACTICE_MOUNT}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: {
        enabled: true,
        // Okta: a client may only revoke its own tokens, and revoking one of another
        // client's is still answered 200 (oidc-provider's default refuses it, 400).
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // A page whose button the user presses (no script: the CSP allows none); its form
        // posts to /v1/logout/confirm, which redirects to the sign-out redirect URI.
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          const target = ctx.oidc.session?.state?.postLogoutRedirectUri;
          ctx.set(pageHeaders(typeof target === 'string' ? [target] : []));
          ctx.body = renderErrorPage('Sign out', 'Signing you out of the practice server…').replace(
            '</main>',
            `${form}<p class="subtitle"><button form="op.logoutForm" type="submit" name="logout" value="yes">Sign out</button></p></main>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.set(pageHeaders());
          ctx.body = renderErrorPage('Signed out', 'You are signed out of the practice server.');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PRACTICE_AUDIENCE,
        useGrantedResource: () => true,
        async getResourceServerInfo(ctx, resourceIndicator) {
          if (resourceIndicator !== PRACTICE_AUDIENCE) throw new errors.InvalidTarget();
          // The token endpoint's `scope` (client credentials, refresh) is checked here,
          // the one hook every grant calls: unknown scopes would be dropped silently.
          if (ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials') {
            assertClientCredentialsScopes(ctx.oidc.params.scope);
          } else if (ctx.oidc.route === 'token') assertKnownScopes(ctx.oidc.params?.scope);
          return {
            scope: PRACTICE_API_SCOPES.join(' '),
            audience: PRACTICE_AUDIENCE,
            accessTokenTTL: TTL.AccessToken,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    formats: {
      customizers: {
        // Okta-like access token claims, and a record of where the token came from.
        async jwt(ctx, token, parts) {
          const payload = parts.payload as Record<string, unknown>;
          const accountId = 'accountId' in token ? token.accountId : undefined;
          // Okta's access token: `sub` is the login, `uid` the user id.
          const login = accountId ? (loginForAccountId(accountId, demoUser) ?? accountId) : undefined;
          const grantType = grantTypeOf(ctx);
          const apiScopes = typeof token.scope === 'string' ? token.scope.split(' ').filter(Boolean) : [];
          const scp = [...new Set([...sourceScopes(ctx).filter((scope) => oidcScopes.includes(scope)), ...apiScopes])];
          parts.payload = {
            ver: 1,
            jti: payload.jti,
            iss: payload.iss,
            aud: payload.aud,
            iat: payload.iat,
            exp: payload.exp,
            cid: token.clientId,
            ...(login ? { uid: userIdFor(login) } : {}),
            scp,
            sub: login ?? token.clientId,
          };
          await recordTokenOrigin(db, {
            jti: String(payload.jti),
            grantType,
            clientId: token.clientId ?? '',
            subject: login ?? null,
            grantId: ('grantId' in token ? token.grantId : undefined) ?? null,
            issuedAt: Number(payload.iat),
          });
        },
      },
    },
    async renderError(ctx, out, error) {
      const status = ctx.status >= 400 ? ctx.status : 400;
      ctx.status = status;
      ctx.type = 'html';
      ctx.set(pageHeaders());
      const detail = 'error_detail' in error && error.error_detail ? `${out.error}: ${String(error.error_detail)}` : out.error;
      ctx.body = renderErrorPage('Something is wrong with the request', describeBrowserError(out), detail);
    },
  };
}
