/**
 * A token endpoint's error response (RFC 6749 §5.2) explained: what each OAuth error code
 * means for the grant the learner attempted, and what to do about it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
import type { CodeExchangeHistory, TokenCheckContext, TokenGrant } from './context';
import { PROVIDERS } from '../../issuer/providers';
import { explainClientCredentialsError, type ErrorExplanation } from '../client-credentials/oauth-errors';
import { fail, quote, type CheckResult } from '../report';
import type { TerminalClues } from './terminal-output';
import { stepRef } from '../steps';

/** An OAuth error JSON (`error`), or an Okta API error (`errorCode`) from a wrong endpoint. */
export function isErrorResponse(body: Record<string, unknown>): boolean {
  return typeof body.error === 'string' || (typeof body.error === 'object' && body.error !== null) || typeof body.errorCode === 'string';
}

/**
 * Explains the server's error JSON for the grant that was attempted.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function explainErrorResponse(
  body: Record<string, unknown>,
  grant: TokenGrant,
  ctx: Pick<TokenCheckContext, 'practice' | 'kind' | 'otherClientIds'>,
  clues?: Pick<TerminalClues, 'accessTokenAsRefreshToken'> & { codeExchange?: CodeExchangeHistory | null },
): CheckResult {
  if (typeof body.errorCode === 'string' && body.error === undefined) {
    const summary = typeof body.errorSummary === 'string' ? `: ${quote(body.errorSummary, 120)}` : '';
    return fail(
      'response',
      'response.error',
      `The server answered with an Okta API error ${quote(body.errorCode, 20)}${summary}. That is not an OAuth token endpoint answer: the request did not reach the token endpoint as intended.`,
      "Use the token endpoint exactly as in this step's curl command (…/oauth2/default/v1/token, with -X POST), not the org URL or an /api/v1 path.",
    );
  }

  const code = typeof body.error === 'string' ? body.error : 'an error object';
  const description =
    typeof body.error_description === 'string'
      ? body.error_description
      : typeof body.error === 'object' && body.error !== null && typeof (body.error as Record<string, unknown>).message === 'string'
        ? String((body.error as Record<string, unknown>).message)
        : '';
  const seen = `The server answered with error ${quote(code, 40)}${description ? ` (${quote(description, 160)})` : ''}`;
  const explained: ErrorExplanation =
    code === 'invalid_grant' && grant === 'refresh_token' && clues?.accessTokenAsRefreshToken
      ? {
          meaning: 'the refresh_token your command sent is a JWT (it starts with eyJ): that is the access token, not the refresh token.',
          hint: `Send the refresh_token value of the response from ${stepRef('token')} — the one labelled refresh_token, which is not a JWT on this server — and run the command again.`,
        }
      : code === 'invalid_grant' && grant === 'authorization_code' && clues?.codeExchange?.reusedAt
        ? explainReusedCode(clues.codeExchange)
        : code === 'invalid_grant' && grant === 'refresh_token' && clues?.codeExchange?.revokedAt
          ? explainRevokedLogin(clues.codeExchange.revokedAt)
          : ((grant === 'client_credentials' ? explainClientCredentialsError(code, description, ctx) : null) ??
            explainErrorCode(code, description, grant, ctx));
  return fail('response', explained.code ?? 'response.error', `${seen}: ${explained.meaning}`, explained.hint);
}

const clock = (at: Date) => `${at.toISOString().slice(11, 19)} UTC`;

/**
 * The practice server recorded that the learner's code was exchanged and then sent again
 * (without a recorded second attempt, the pasted error was for some other code).
 */
function explainReusedCode(history: CodeExchangeHistory): { meaning: string; hint: string } {
  const revoked = history.revokedAt !== null;
  return {
    meaning: `this authorization code was already exchanged, at ${clock(history.exchangedAt)}. Codes are single-use: running the curl command a second time fails${
      revoked
        ? ", and the practice server (as an Okta org does) took the second attempt as a possible theft and revoked the refresh token that the first exchange gave you (only that login's: tokens from your other logins still work)"
        : ''
    }.`,
    hint: revoked
      ? 'Get a new code: open the Log In link of the authorization URL step again, then run the curl command once and paste that response.'
      : 'If you still have the response of the first run, paste that one. Otherwise get a new code: open the Log In link again, then run the curl command once.',
  };
}

/** The practice server revoked the last login's refresh token when its code was sent again (issue 20, item 1). */
function explainRevokedLogin(revokedAt: Date): { meaning: string; hint: string } {
  return {
    meaning: `the refresh token of your last login was revoked at ${clock(revokedAt)}, when its authorization code was sent a second time: the practice server (as an Okta org does) took that as a possible theft and ended that login's tokens.`,
    hint: `Log in again (the Log In link of ${stepRef('authorize')}), exchange the new code once in ${stepRef('token')}, and refresh with that response's refresh token.`,
  };
}

function explainErrorCode(
  code: string,
  description: string,
  grant: TokenGrant,
  ctx: Pick<TokenCheckContext, 'practice' | 'kind'>,
): { meaning: string; hint: string } {
  const d = description.toLowerCase();
  const practice = ctx.practice;
  const appSettings = practice ? 'the practice console (My Web App → Edit)' : PROVIDERS[ctx.kind ?? 'generic'].appSettings;
  const refreshCurl = grant === 'refresh_token';

  switch (code) {
    case 'invalid_grant':
      if (refreshCurl) {
        if (/client/.test(d)) {
          return {
            meaning: 'the refresh token was issued to another client, not the client_id in your request.',
            hint: 'Send the refresh token with the client_id and client_secret of the app that got it.',
          };
        }
        if (/expire/.test(d) && !/invalid/.test(d)) {
          return {
            meaning: 'the refresh token has expired.',
            hint: 'Go back to the authorization URL step, log in again to get a new refresh token, then use it here.',
          };
        }
        return {
          meaning:
            'the refresh token is no longer valid. It was revoked, or rotated — with rotation on, each refresh returns a new refresh token and the old one stops working (reusing an old one revokes them all) — or it expired, or it was copied incompletely.',
          hint: 'Use the refresh_token from your most recent response, copied completely. If it was revoked, go back to the authorization URL step and log in again to get a new one.',
        };
      }
      if (/pkce|code.?verifier|code.?challenge/.test(d)) {
        return {
          meaning: 'the code_verifier does not match the code_challenge in your authorization URL.',
          hint: 'Send the Code Verifier you hashed into that Code Challenge — keep both from the same session; regenerating one without the other breaks PKCE. This code is spent: build the authorization URL again, log in, and exchange the new code with the matching code_verifier.',
        };
      }
      if (/redirect/.test(d)) {
        return {
          meaning: 'the redirect_uri in your token request is not exactly the one in the authorization URL.',
          hint: 'Send exactly the same redirect_uri as in the authorization URL (scheme, host, port, path and trailing slash), then log in again for a fresh code.',
        };
      }
      if (/expire|used|consumed|redeemed|not found|invalid/.test(d)) {
        return {
          meaning: 'the authorization code has expired or was already used. Codes are single-use and last only a few minutes.',
          hint: 'Get a new code: open the Log In link again, then run the curl command once, within a few minutes. If it keeps failing, check that code_verifier and redirect_uri match the authorization URL.',
        };
      }
      return {
        meaning:
          'the code could not be exchanged. Either it expired or was already used (codes are single-use and last minutes), or the code_verifier does not match the code_challenge, or the redirect_uri differs from the authorization URL.',
        hint: 'Log in again for a fresh code and exchange it right away, sending the code_verifier of that authorization URL and exactly the same redirect_uri.',
      };
    case 'invalid_client':
      return practice
        ? {
            meaning: "client authentication failed — the practice server did not get My Web App's client secret with the client_id.",
            hint: 'Press "Fill in my practice secret" above the command on this page (it puts My Web App\'s secret into the command), then run the command again. The secret is required: My Web App is a web app, a confidential client.',
          }
        : {
            meaning: 'client authentication failed — the server did not accept the client_id and client_secret.',
            hint: `Replace YOUR_CLIENT_SECRET with your app's client secret (shown in ${appSettings}) and check the client_id. The curl sends the secret in the form body (client_secret_post); if the app expects HTTP Basic authentication, send -u 'client_id:client_secret' instead.`,
          };
    case 'unauthorized_client':
      if (/configured grant types: \[client_credentials\]/.test(d)) {
        return {
          meaning:
            'this client_id belongs to an app that may only use client credentials: a service (machine-to-machine) app, not your web app.',
          hint: practice
            ? "Use the Client ID of My Web App from the practice console — the one in this step's command."
            : `Use the client ID of your web app (in ${appSettings}), the one you entered at setup, not a service app's.`,
        };
      }
      return refreshCurl
        ? {
            meaning: 'the app is not allowed to use the refresh_token grant.',
            hint: `Enable it in ${appSettings}: tick Refresh Token, Save, then run this curl command again.`,
          }
        : {
            meaning: 'the app is not allowed to use this grant type.',
            hint: `In ${appSettings}, tick Authorization Code (and Refresh Token for this exercise) and Save, then log in again for a new code.`,
          };
    case 'unsupported_grant_type':
      return {
        meaning: 'the server does not recognise the grant_type you sent.',
        hint: `Send grant_type=${grant} exactly (lowercase, with an underscore), in a form-encoded body (-d lines), not JSON.`,
      };
    case 'invalid_request':
      return { meaning: 'the request is missing a parameter, repeats one, or is malformed.', hint: invalidRequestHint(d, grant) };
    case 'invalid_scope':
      return refreshCurl
        ? {
            meaning: 'a refresh can only ask for scopes the original login granted (or fewer).',
            hint: 'Remove the scope parameter from the refresh curl command; you then get the same scopes as before.',
          }
        : {
            meaning: 'a scope in the request is not allowed.',
            hint: 'Scopes, including offline_access, go in the authorization URL; the code exchange takes none. Remove any scope parameter from the curl command, fix the scopes in the authorization URL and log in again.',
          };
    case 'access_denied':
      return {
        meaning: "the server's policy refused to issue the token.",
        hint: `Check the access policy of the authorization server and that your user is assigned to the app in ${appSettings}.`,
      };
    case 'server_error':
    case 'temporarily_unavailable':
      return {
        meaning: 'the server had a problem on its side.',
        hint: 'Try again in a moment. If it persists, the server is misconfigured or down.',
      };
    default:
      return {
        meaning: 'the token request failed.',
        hint: "Read the error description above, then compare your command with this step's curl command line by line.",
      };
  }
}

function invalidRequestHint(d: string, grant: TokenGrant): string {
  if (/code.?verifier|pkce/.test(d))
    return 'Add the code_verifier line (-d code_verifier=…): PKCE is required, and the verifier must be the one behind the code_challenge you sent.';
  if (/content.?type|form.?urlencoded|json/.test(d))
    return 'Send the parameters form-encoded with -d lines (Content-Type application/x-www-form-urlencoded), not as JSON.';
  if (/redirect/.test(d)) return 'Add the redirect_uri line, with exactly the redirect URI of the authorization URL.';
  if (/grant.?type/.test(d)) return `Add -d grant_type=${grant}.`;
  if (/refresh.?token/.test(d)) return 'Add -d refresh_token=… with the refresh token from the previous step, copied completely.';
  if (/client/.test(d)) return 'Send client_id and client_secret (or HTTP Basic authentication), not both ways at once.';
  if (/\bcode\b/.test(d)) return 'Add -d code=… with the code from the redirect step.';
  return "The error description names the parameter. Compare your command with this step's curl command: every -d line present, and every line but the last ending in \\ (a missing backslash cuts the command short).";
}
