/**
 * Step 4 of the Refresh Tokens exercise: the token endpoint response a learner pasted after
 * exchanging the authorization code (the `token-response` step, docs/api.md). The shared
 * analysis (inspect.ts), then what only this step asks: a refresh token, and the
 * offline_access scope that produces it. Codes: docs/diagnosis-codes.md.
 *
 * Pure: the clock and the key resolver come in through the context.
 */
import type { DecodedClaims } from './access-token';
import { safeLookup, type CodeExchangeHistory, type TokenCheckContext } from './context';
import { describeJsonValue, inspectTokenResponse, type TokenSummary } from './inspect';
import { PROVIDERS } from '../../issuer/providers';
import { fail, info, makeReport, pass, quote, type CheckResult, type Report } from '../report';
import { stepRef } from '../steps';
import { atClock, clockTime } from '../checked-urls';

export interface TokenResponseReport extends Report<'token-response'> {
  claims: DecodedClaims | null;
  summary: TokenSummary | null;
}

/**
 * Checks a pasted response to the authorization code exchange: parses it, explains an
 * OAuth error, verifies the access token (signature, issuer, client, audience, expiry) and
 * requires a refresh token.
 *
 * `scope.offline_access_not_granted` is a **fail** when no refresh token came back (the
 * scope is then the likely cause, next to `refresh_token.missing`) and **info** when a
 * refresh token came anyway (some servers do not echo `offline_access` in `scope`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc9068
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1
 */
export async function checkTokenResponse(text: string, ctx: TokenCheckContext): Promise<TokenResponseReport> {
  const inspected = await inspectTokenResponse(text, ctx, 'authorization_code');
  // Another artefact of the exercise (issue 19, class 2): the practice server knows a refresh's answer.
  const fromRefresh = await refreshGrantAnswer(inspected, ctx);
  if (fromRefresh) return makeReport('token-response', [fromRefresh], { claims: inspected.claims, summary: null });
  const results = [...inspected.results];
  if (inspected.body !== null && inspected.summary !== null) {
    results.push(
      ...(ctx.refreshToken === 'optional'
        ? optionalRefreshToken(inspected.summary)
        : await checkRefreshTokenPresence(inspected.body, inspected.summary, ctx, sentScopeToTokenEndpoint(text))),
    );
  }
  results.push(...inspected.trailing);
  return makeReport('token-response', results, { claims: inspected.claims, summary: inspected.summary });
}

/**
 * A step that needs no refresh token (the Web App exercise): one that came anyway is worth a
 * word, not a failure — oauth.school failed it, though nothing is wrong with it.
 */
function optionalRefreshToken(summary: TokenSummary): CheckResult[] {
  if (summary.refreshTokenFingerprint === null) return [pass('refresh_token', 'No refresh token: none is needed in this exercise.')];
  return [
    info(
      'refresh_token',
      'refresh_token.not_needed',
      'A refresh token came too: your URL asked for offline_access and your app allows the Refresh Token grant. This exercise does not need one.',
      'Keep it secret like a password, or revoke it when you are done; the Refresh Tokens exercise is where it is used.',
    ),
  ];
}

/**
 * The refresh token and the scope that produces it. When none came back, the
 * cause is told as precisely as the site can know it: on the practice server the app's
 * grant is looked up (`refresh_token.grant_not_enabled`); an authorization URL that asked
 * for offline_access rules the scope out, so no advice about it is given then.
 */
async function checkRefreshTokenPresence(
  body: Record<string, unknown>,
  summary: TokenSummary,
  ctx: TokenCheckContext,
  scopeAtTokenEndpoint: boolean,
): Promise<CheckResult[]> {
  const hasRefresh = summary.refreshTokenFingerprint !== null;
  const granted = summary.scope;
  const offlineGranted = granted?.includes('offline_access') ?? null;
  if (hasRefresh) {
    // The practice server knows when a login's tokens died (issue 20, item 1): a response
    // whose refresh token it revoked would only fail at the next step.
    const token = typeof body.refresh_token === 'string' ? body.refresh_token : '';
    if (ctx.refreshTokenExists && (await safeLookup(() => ctx.refreshTokenExists!(token))) === false) {
      return [revokedRefreshToken(await safeLookup(ctx.lookupCodeExchange))];
    }
    const results = [pass('refresh_token', 'A refresh token is present. We keep only its fingerprint for the next step.')];
    if (granted !== null && offlineGranted === false) {
      results.push(
        info(
          'scope',
          'scope.offline_access_not_granted',
          `The granted scope is ${quote(granted.join(' '), 100)}, without offline_access. A refresh token came anyway (this server does not list offline_access among the granted scopes).`,
        ),
      );
    } else if (offlineGranted === true) {
      results.push(pass('scope', `The granted scope includes offline_access (${quote(granted!.join(' '), 100)}).`));
    }
    return results;
  }

  const message =
    body.refresh_token === undefined
      ? 'The response has no refresh_token.'
      : `The refresh_token field is ${describeJsonValue(body.refresh_token)}, not a token.`;
  const again = 'Then log in again for a new code: this one is used up.';
  const enable = ctx.practice
    ? `In the practice console: My Web App → Edit → tick Refresh Token → Save (${stepRef('enable')}).`
    : `${capitalize(PROVIDERS[ctx.kind ?? 'generic'].enableRefreshTokenShort)}.`;

  const grantAllowed = ctx.practice ? await safeLookup(ctx.lookupRefreshGrant) : null;
  if (grantAllowed === false) {
    return [
      fail(
        'refresh_token',
        'refresh_token.grant_not_enabled',
        `${message} My Web App does not allow the Refresh Token grant, so the practice server issues no refresh token${ctx.offlineAccessRequested ? ', although your authorization URL asked for offline_access' : ''}.`,
        `${enable} ${again}`,
      ),
    ];
  }
  // The app allows refresh tokens and the checked URL asks for offline_access, yet the login
  // did not get it: the records say which login this was (issue 19, class 7).
  if (grantAllowed === true && ctx.offlineAccessRequested && granted !== null && offlineGranted === false) {
    return [await loginWithoutOfflineAccess(message, granted, summary, ctx)];
  }
  if (scopeAtTokenEndpoint && !ctx.offlineAccessRequested) {
    // The pasted command asked for offline_access at the token endpoint: the root cause (issue 19).
    return [
      fail(
        'scope',
        'scope.offline_access_not_granted',
        `${message} The command sent scope=offline_access to the token endpoint, where it changes nothing: what a code can give was decided when you logged in, and the authorization URL did not ask for offline_access.`,
        `Add offline_access to the scope of the authorization URL in ${stepRef('authorize')} (scope=offline_access+…), log in again with it, and exchange the new code — without a scope in the token request.`,
      ),
    ];
  }
  if (ctx.offlineAccessRequested) {
    // The URL asked for offline_access: the scope is not the cause, the app's setting is.
    return [
      fail(
        'refresh_token',
        'refresh_token.missing',
        `${message} Your authorization URL asked for offline_access${offlineGranted === false ? ', but the server did not grant it' : ''}: the server does not give this app refresh tokens.`,
        `${enable} ${again}`,
      ),
    ];
  }
  const results = [
    fail(
      'refresh_token',
      'refresh_token.missing',
      message,
      offlineGranted === true
        ? `offline_access was granted, so the app itself is not allowed to get refresh tokens. ${enable} ${again}`
        : `Two things are needed: request offline_access in the scope of the authorization URL in ${stepRef('authorize')} (e.g. scope=offline_access+api:read) — not at the token endpoint — and allow refresh tokens for the app. ${enable} ${again}`,
    ),
  ];
  if (granted !== null && offlineGranted === false) {
    results.push(
      fail(
        'scope',
        'scope.offline_access_not_granted',
        `The granted scope is ${quote(granted.join(' '), 100)}, without offline_access.`,
        'Add offline_access to the scope parameter of the authorization URL (space-separated, e.g. scope=offline_access api:read), and log in again.',
      ),
    );
  } else if (offlineGranted === true) {
    results.push(pass('scope', `The granted scope includes offline_access (${quote(granted!.join(' '), 100)}).`));
  }
  return results;
}

/**
 * No offline_access in a token from an app that allows refresh tokens, although the checked URL
 * asks for it: the login used another URL — unless the app's settings changed after the login
 * (the Refresh Token grant ticked only then).
 */
async function loginWithoutOfflineAccess(
  message: string,
  granted: string[],
  summary: TokenSummary,
  ctx: TokenCheckContext,
): Promise<CheckResult> {
  const changedAt = await safeLookup(ctx.lookupAppChangedAt);
  const loginAt = summary.issuedAt === null ? null : new Date(summary.issuedAt * 1000);
  const logIn = `Log in with the Log In link under your checked URL in ${stepRef('authorize')}, paste the address you come back to in ${stepRef('redirect')}, and exchange that code.`;
  if (changedAt && loginAt && changedAt.getTime() > loginAt.getTime()) {
    return fail(
      'scope',
      'scope.offline_access_not_granted',
      `${message} My Web App's settings changed at ${clockTime(changedAt)}, after this token was issued${atClock(loginAt)}: if that is when you ticked Refresh Token, this login came before it and got only ${quote(granted.join(' '), 100)}.`,
      `The app allows refresh tokens now, so a new login gets one: ${logIn}`,
    );
  }
  const urls = ctx.checkedUrls ?? [];
  const latest = urls.at(-1) ?? null;
  const asked = latest ? ` (${quote(latest.scopes.join(' '), 100)})` : '';
  // An earlier checked URL that asked for just these scopes is where the login came from.
  const earlier = urls
    .slice(0, -1)
    .findLast((url) => !url.scopes.includes('offline_access') && url.scopes.every((s) => granted.includes(s)));
  const source = earlier
    ? `it came from the URL you checked earlier${atClock(earlier.checkedAt)} (${quote(earlier.scopes.join(' '), 100)}), not from your latest one`
    : "it did not come from your checked URL (an older one, from the browser's history or another tab?)";
  return fail(
    'scope',
    'scope.offline_access_not_granted',
    `${message} The URL you checked${atClock(latest?.checkedAt ?? null)} asks for offline_access${asked}, and My Web App allows refresh tokens — but the login behind this token${loginAt ? ` (issued at ${clockTime(loginAt)})` : ''} asked only for ${quote(granted.join(' '), 100)}: ${source}.`,
    logIn,
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A pasted command that sent `scope=…offline_access…` in the token request (-d or --data-urlencode). */
function sentScopeToTokenEndpoint(text: string): boolean {
  const at = text.indexOf('scope=');
  if (at < 0 || at > 20_000) return false;
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at + 200);
  return (
    /(?:-d|--data(?:-urlencode|-raw)?)\s+['"]?$/.test(line.slice(0, line.indexOf('scope='))) &&
    /^scope=[^\s'"&]*offline_access/.test(line.slice(line.indexOf('scope=')))
  );
}

/** A response whose refresh token the practice server no longer holds: revoked. */
function revokedRefreshToken(exchange: CodeExchangeHistory | null): CheckResult {
  const when = exchange?.revokedAt ? ` at ${exchange.revokedAt.toISOString().slice(11, 19)} UTC, when the code was sent a second time` : '';
  return fail(
    'refresh_token',
    'refresh_token.revoked',
    `This response's refresh token was revoked${when}: the practice server no longer accepts it, so using it in ${stepRef('refresh')} would fail.`,
    `Log in again (the Log In link of ${stepRef('authorize')}), run the token command once, and paste that response.`,
  );
}

/** A response the practice server issued to a refresh, pasted at the code exchange: said as such. */
async function refreshGrantAnswer(
  inspected: Awaited<ReturnType<typeof inspectTokenResponse>>,
  ctx: TokenCheckContext,
): Promise<CheckResult | null> {
  const jti = inspected.summary?.jti;
  if (!ctx.practice || !ctx.lookupOrigin || !jti) return null;
  const origin = await safeLookup(() => ctx.lookupOrigin!(jti));
  if (origin !== 'refresh_token') return null;
  return fail(
    'access_token',
    'access_token.from_refresh_grant',
    'This response answers a refresh (grant_type=refresh_token), not the exchange of your authorization code: the practice server issued its access token to a refresh.',
    `Paste it in ${stepRef('refresh')}, where it belongs. Here, paste what the code exchange answered — or, if that is gone, log in again and exchange the new code once.`,
  );
}
