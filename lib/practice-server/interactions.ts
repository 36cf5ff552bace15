/**
 * The sign-in "interaction": oidc-provider hands the browser to
 * `/oauth2/default/interaction/<uid>`; this module renders the sign-in page, checks the
 * demo credentials and grants consent implicitly (Okta's default server asks no consent
 * for a first-party app).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Env } from '../env';
import { assertNotLimited, countFailure, RateLimited } from '../http/rate-limits';
import { requestIdentity } from '../server/client-address';
import { userIdFor } from './account';
import { PRACTICE_APP_NAME } from './client-metadata';
import { checkDemoCredentials } from './credentials';
import { BodyTooLargeError, readForm, sendHtml } from './http';
import { pageHeaders, renderErrorPage, renderSignInPage } from './views';

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

const MAX_FORM_BYTES = 8 * 1024;
const WRONG_CREDENTIALS = 'Unable to sign in: the username or password is incorrect. Use the demo account shown below.';

export interface InteractionContext {
  provider: Provider;
  env: Env;
  /** The interaction URL for a uid (the form's action). */
  interactionPath(uid: string): string;
}

/** Every scope the request asked for, in order, for the sign-in page. */
function requestedScopes(details: InteractionDetails): string[] {
  const scope = typeof details.params.scope === 'string' ? details.params.scope : '';
  return [...new Set(scope.split(' ').filter(Boolean))];
}

async function redirectTargets(ctx: InteractionContext, details: InteractionDetails): Promise<string[]> {
  const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
  const client = await ctx.provider.Client.find(clientId);
  return [...(client?.redirectUris ?? [])];
}

async function renderSignIn(
  ctx: InteractionContext,
  res: ServerResponse,
  details: InteractionDetails,
  status: number,
  extra: { username?: string; error?: string } = {},
): Promise<void> {
  const html = renderSignInPage({
    action: ctx.interactionPath(details.uid),
    appName: PRACTICE_APP_NAME,
    scopes: requestedScopes(details),
    demoUser: ctx.env.PRACTICE_DEMO_USER,
    demoPassword: ctx.env.PRACTICE_DEMO_PASSWORD,
    ...extra,
  });
  sendHtml(res, status, html, pageHeaders(await redirectTargets(ctx, details)));
}

/** Grants everything the pending consent prompt asks for, and resumes the request. */
async function grantImplicitConsent(
  ctx: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails,
): Promise<void> {
  const { provider } = ctx;
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || typeof clientId !== 'string') throw new Error('consent prompt without a signed-in session');
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  const returnTo = await provider.interactionResult(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  // Back to the authorization endpoint: 303 after the sign-in form's POST; on a GET, the
  // 302 Okta answers every step of the authorization request with.
  res.writeHead(req.method === 'POST' ? 303 : 302, { Location: returnTo, 'Content-Length': '0' });
  res.end();
}

function sendPage(res: ServerResponse, status: number, title: string, message: string, headers: Record<string, string> = {}): void {
  sendHtml(res, status, renderErrorPage(title, message), { ...pageHeaders(), ...headers });
}

/** Handles GET (show the page, or auto-consent) and POST (sign in) on an interaction URL. */
export async function handleInteraction(ctx: InteractionContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendPage(res, 405, 'Method not allowed', 'This page only answers GET and POST.', { Allow: 'GET, POST' });
    return;
  }

  let details: InteractionDetails;
  try {
    details = await ctx.provider.interactionDetails(req, res);
  } catch (error) {
    if (error instanceof Error && error.name === 'SessionNotFound') {
      sendPage(
        res,
        400,
        'Sign-in expired',
        'This sign-in link has expired or was already used. Open your authorization URL again to start over.',
      );
      return;
    }
    throw error;
  }

  if (req.method === 'GET') {
    if (details.prompt.name === 'consent') {
      await grantImplicitConsent(ctx, req, res, details);
      return;
    }
    await renderSignIn(ctx, res, details, 200);
    return;
  }

  let form: URLSearchParams;
  try {
    form = await readForm(req, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendPage(res, 413, 'Request too large', 'The sign-in form was too large.');
      return;
    }
    throw error;
  }
  const username = (form.get('username') ?? '').slice(0, 200);
  const password = (form.get('password') ?? '').slice(0, 200);

  if (details.prompt.name !== 'login') {
    // Already signed in (e.g. a second tab): finish whatever the provider still needs.
    await grantImplicitConsent(ctx, req, res, details);
    return;
  }

  // Only failures count, per client address and per user name: a classroom behind one NAT
  // signs in freely, while guessing a password stays slow from one address or from many.
  const { address } = requestIdentity(req);
  const usernameKey = username.trim().toLowerCase();
  try {
    await assertNotLimited('signInFailuresPerAddress', address);
    await assertNotLimited('signInFailuresPerUsername', usernameKey);
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    sendPage(res, 429, 'Too many sign-in attempts', `${error.message}`, { 'Retry-After': String(error.retryAfterSeconds) });
    return;
  }
  if (!checkDemoCredentials({ username, password }, { user: ctx.env.PRACTICE_DEMO_USER, password: ctx.env.PRACTICE_DEMO_PASSWORD })) {
    await Promise.all([countFailure('signInFailuresPerAddress', address), countFailure('signInFailuresPerUsername', usernameKey)]);
    await renderSignIn(ctx, res, details, 401, { username, error: WRONG_CREDENTIALS });
    return;
  }
  await ctx.provider.interactionFinished(
    req,
    res,
    // The account id is the user id (the ID token's `sub`); a password sign-in (`amr`).
    { login: { accountId: userIdFor(ctx.env.PRACTICE_DEMO_USER), amr: ['pwd'] } },
    { mergeWithLastSubmission: false },
  );
}
