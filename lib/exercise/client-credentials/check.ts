/**
 * The Machine to Machine exercise's check (kind `client-credentials-response`): the token
 * endpoint's answer to a service app's client credentials request, pasted alone or with
 * the terminal around it. The shared analysis of a token response (token/inspect.ts: the
 * paste, the OAuth error, the JWT's signature, issuer, client, audience and expiry), then
 * what only this grant asks: the token is the app's own (its subject is the client, no
 * user), a custom scope was granted, and no refresh token or ID token came with it; and the
 * secret was not written out in the command line or the URL.
 *
 * Pure: the clock, the key resolver and the practice server's records come in through the
 * context. Codes: docs/diagnosis-codes.md.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2
 */
import { tokenClientId, type DecodedClaims } from '../token/access-token';
import { safeLookup, type TokenCheckContext, type TokenOrigin } from '../token/context';
import { inspectTokenResponse, isClientCredentialsToken, type TokenSummary } from '../token/inspect';
import { fail, makeReport, pass, quote, type CheckResult, type Report } from '../report';
import { LOGIN_STEPS, REFRESH_STEP, SERVICE_APP, WEB_APP } from './names';
import { USER_SCOPES } from './oauth-errors';
import { secretWarnings } from './secrets';

export const CLIENT_CREDENTIALS_STEP = 'client-credentials-response';

/** What a client credentials response is compared against. */
export interface ClientCredentialsContext extends Pick<
  TokenCheckContext,
  'issuer' | 'audience' | 'getKey' | 'now' | 'practice' | 'kind' | 'lookupClientSecret' | 'lookupRecipeMistake'
> {
  /** The learner's token endpoint (the commands in hints name it). */
  tokenEndpoint: string;
  /** The service app's client ID: the token's subject and client. */
  clientId: string;
  /** The learner's other apps, to recognise their credentials and tokens. */
  otherClientIds?: { web?: string };
  /** Practice server only: how the token with this `jti` was issued. */
  lookupOrigin?: (jti: string) => Promise<TokenOrigin>;
}

export interface ClientCredentialsReport extends Report<typeof CLIENT_CREDENTIALS_STEP> {
  claims: DecodedClaims | null;
  summary: TokenSummary | null;
}

/** Results of the shared analysis that are about the paste itself, kept when the token turns out to be a login's. */
const PASTE_CHECKS = new Set(['input', 'json', 'request', 'paste']);

/**
 * Checks a pasted answer to `curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
 * -d scope=… <token endpoint>`: passes for a JSON token response whose JWT access token
 * verifies, names the service app as subject and client, names no user, grants a custom
 * scope, and comes without refresh or ID token.
 */
export async function checkClientCredentialsResponse(text: string, ctx: ClientCredentialsContext): Promise<ClientCredentialsReport> {
  const tokenCtx: TokenCheckContext = { ...ctx, appName: ctx.practice ? SERVICE_APP : undefined };
  const inspected = await inspectTokenResponse(text, tokenCtx, 'client_credentials');
  const secrets = secretWarnings(text, { tokenEndpoint: ctx.tokenEndpoint, clientId: ctx.clientId });
  const done = (results: CheckResult[]) =>
    makeReport(CLIENT_CREDENTIALS_STEP, [...results, ...secrets], { claims: inspected.claims, summary: inspected.summary });

  const { body, claims, summary } = inspected;
  if (body === null || summary === null) return done(inspected.results);

  const hasRefresh = summary.refreshTokenFingerprint !== null;
  if (claims !== null) {
    const origin = ctx.practice && ctx.lookupOrigin && summary.jti ? await safeLookup(() => ctx.lookupOrigin!(summary.jti!)) : null;
    const login = userLogin(claims.payload, origin, ctx);
    if (login !== null) {
      const extras = [hasRefresh && 'a refresh token', summary.idTokenPresent && 'an ID token'].filter(Boolean);
      const also = extras.length > 0 ? ` Its response also carries ${extras.join(' and ')}, which only a login gives.` : '';
      return done([
        ...inspected.results.filter((r) => PASTE_CHECKS.has(r.check)),
        fail('subject', 'client_credentials.user_token', `${login.said}${also}`, login.hint),
      ]);
    }
  }

  const results = claims === null ? inspected.results : withSubject(inspected.results, claims.payload, ctx);
  results.push(checkScope(summary.scope, body.scope));
  if (hasRefresh) results.push(refreshTokenPresent(ctx));
  if (summary.idTokenPresent) results.push(idTokenPresent());
  // The shared analysis's note about an ID token is replaced by the fail above.
  results.push(...inspected.trailing.filter((r) => r.code !== 'id_token.present'));
  return done(results);
}

/** A user login's token, said with where it comes from; null when the token names no user. */
function userLogin(
  payload: Record<string, unknown>,
  origin: TokenOrigin,
  ctx: ClientCredentialsContext,
): { said: string; hint: string } | null {
  const uid = typeof payload.uid === 'string' ? payload.uid : null;
  const sub = typeof payload.sub === 'string' ? payload.sub : null;
  const fromLogin = origin === 'authorization_code' || origin === 'refresh_token';
  // A server that names no client in the token (no cid, client_id or azp) still names the app as sub.
  if (uid === null && !fromLogin && (sub === null || sub === ctx.clientId || isClientCredentialsToken(payload))) return null;

  const client = tokenClientId(payload)?.value ?? null;
  const app = client !== null && client === ctx.otherClientIds?.web ? `${ctx.practice ? WEB_APP : 'your web app'}'s ` : '';
  const evidence =
    uid !== null
      ? `it has a uid (${quote(uid, 40)}), the user's ID`
      : `its sub ${quote(sub ?? '', 60)} is a user, not the client ${quote(ctx.clientId, 60)}`;
  const where = origin === 'refresh_token' ? REFRESH_STEP : LOGIN_STEPS;
  return {
    said: `This token came from ${app}login of a user, not from the client credentials grant: ${
      fromLogin ? `the practice server issued it to ${origin === 'refresh_token' ? 'a refresh' : 'a code exchange'}, and ` : ''
    }${evidence}. Such a token is made by ${where}.`,
    hint: `Run this step's command — grant_type=client_credentials with ${SERVICE_APP_OR_YOURS(ctx)}'s client ID and secret — and paste what it prints. A service app's token names the app itself, no user.`,
  };
}

const SERVICE_APP_OR_YOURS = (ctx: ClientCredentialsContext) => (ctx.practice ? SERVICE_APP : 'your service app');

/**
 * The subject pass beside the shared client check; a token of the learner's web app turns
 * the shared client mismatch into the cause: the web app's credentials were used.
 */
function withSubject(results: CheckResult[], payload: Record<string, unknown>, ctx: ClientCredentialsContext): CheckResult[] {
  const client = tokenClientId(payload)?.value ?? null;
  const web = ctx.otherClientIds?.web;
  const out = results.map((r) =>
    r.code === 'access_token.client_mismatch' && web !== undefined && client === web
      ? fail(
          'client',
          'client_credentials.web_app_token',
          `The token was issued to ${ctx.practice ? WEB_APP : 'your web app'} (client ${quote(client, 60)}), not to ${SERVICE_APP_OR_YOURS(ctx)} ${quote(ctx.clientId, 60)}: you used ${ctx.practice ? `${WEB_APP}'s` : "the web app's"} credentials.`,
          `Send ${SERVICE_APP_OR_YOURS(ctx)}'s Client ID and Client secret with -u (the web app is for users who log in), and run the command again.`,
        )
      : r,
  );
  const sub = typeof payload.sub === 'string' ? payload.sub : null;
  if (sub !== null) {
    const at = out.findIndex((r) => r.check === 'client');
    out.splice(
      at < 0 ? out.length : at + 1,
      0,
      pass('subject', `The token's subject is the app itself (sub ${quote(sub, 60)}), with no user: a client credentials token.`),
    );
  }
  return out;
}

/** A custom scope must be granted: an API checks it, and Okta grants none without one being asked for. */
function checkScope(granted: string[] | null, responseScope: unknown): CheckResult {
  const custom = (granted ?? []).filter((s) => !USER_SCOPES.includes(s));
  if (custom.length > 0) return pass('scope', `The token grants the custom scope ${quote(custom.join(' '), 100)}.`);
  const seen =
    granted === null || granted.length === 0
      ? `The token grants no scope${typeof responseScope === 'string' ? ` (scope is ${quote(responseScope, 40)})` : ''}`
      : `The token grants only ${quote(granted.join(' '), 100)}, no custom scope`;
  return fail(
    'scope',
    'client_credentials.no_custom_scope',
    `${seen}: no API would accept it, since an API checks for its own scope.`,
    'Ask for a custom scope of your authorization server: add -d scope=api:read to the command (openid and offline_access are no use without a user), and run it again.',
  );
}

function refreshTokenPresent(ctx: ClientCredentialsContext): CheckResult {
  return fail(
    'refresh_token',
    'client_credentials.refresh_token_present',
    'The response has a refresh_token. The client credentials grant never needs one: the app can ask for a new token at any time with its own credentials, so a refresh token here means the response came from a login, or the server hands them out to service apps.',
    ctx.kind === 'keycloak'
      ? "Turn off “Use refresh tokens for client credentials grant” (the client's Advanced tab, OpenID Connect Compatibility Modes), run the command again and paste that response."
      : "Paste the answer of this step's client credentials command itself; if that one has a refresh token, turn off refresh tokens for the service app in its settings.",
  );
}

function idTokenPresent(): CheckResult {
  return fail(
    'id_token',
    'client_credentials.id_token_present',
    'The response has an id_token. An ID token tells an app who logged in, and with client credentials no one logs in: the grant never issues one.',
    "Paste the answer of this step's client credentials command (without openid in its scope), not a login's response.",
  );
}
