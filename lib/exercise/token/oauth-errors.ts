/**
 * A token endpoint's error response (RFC 6749 §5.2) explained: what each OAuth error code
 * means for the grant the learner attempted, and what to do about it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
import type { CodeExchangeHistory, TokenCheckContext, TokenGrant } from './context';
import { PROVIDERS } from '../../issuer/providers';
import { explainClientCredentialsError, type ErrorExplanation } from '../client-credentials/oauth-errors';
import { fail, quote, type CheckResult } from '../report';
import type { SentParams, TerminalClues } from './terminal-output';
import { stepRef } from '../steps';
import { providerWording } from './provider-wordings';

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
  clues?: Pick<TerminalClues, 'accessTokenAsRefreshToken'> &
    Partial<Pick<TerminalClues, 'sent'>> & { codeExchange?: CodeExchangeHistory | null },
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
            explainErrorCode(code, description, grant, ctx, clues?.sent ?? null));
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
      : 'If you still have the response of the first run, paste that one. Otherwise get a new code: log in again with the Log In link, then run the command once.',
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
  sent: SentParams | null,
): { meaning: string; hint: string } {
  const provider = providerWording(code, description, grant, ctx);
  if (provider) return provider;
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
      if (ANOTHER_CLIENT.test(d)) {
        return {
          meaning:
            'the code was issued to another app: the client_id of your token request is not the one of the authorization URL you logged in with.',
          hint: `Send the client_id (and that app's secret) of the authorization URL you checked in ${stepRef('authorize')}; log in again with it and exchange the new code.`,
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
          hint: `Get a new code: log in again with the Log In link of ${stepRef('authorize')}, then run the same command once, within a few minutes. If it keeps failing, check that code_verifier and redirect_uri match the authorization URL.`,
        };
      }
      return {
        meaning:
          'the code could not be exchanged. Either it expired or was already used (codes are single-use and last minutes), or the code_verifier does not match the code_challenge, or the redirect_uri differs from the authorization URL.',
        hint: 'Log in again for a fresh code and exchange it right away, sending the code_verifier of that authorization URL and exactly the same redirect_uri.',
      };
    case 'invalid_client':
      if (sent?.basic && !sent.client_secret) {
        return {
          meaning: `client authentication failed — your command sends the client ID and secret with HTTP Basic (-u or an Authorization: Basic header), and the server did not accept them: the secret is not that app's, it was cut or changed on the way, or the app expects the secret in the body.`,
          hint: practice
            ? 'Press "Fill in my practice secret" above the command on this page (it puts My Web App\'s secret into the command), then run the command again.'
            : `Copy the client secret again from ${appSettings}, whole, into -u "client_id:client_secret"; if the app's client authentication is "client secret post", send -d client_id=… -d client_secret=… instead.`,
        };
      }
      if (sent?.client_secret) {
        // The command does send a secret (issue 19, class 5): it is the value, not its absence.
        return {
          meaning: `client authentication failed — your command sends a client_secret (${sent.client_secret.length} characters), but the server did not accept it with client_id${
            sent.client_id?.value ? `=${sent.client_id.value}` : ''
          }: it is not that app's secret, or it was cut or changed on the way.`,
          hint: practice
            ? 'Press "Fill in my practice secret" above the command on this page (it puts My Web App\'s secret into the command), then run the command again.'
            : `Copy the client secret again from ${appSettings}, whole, and check that the client_id is that app's. If the app expects HTTP Basic authentication, send -u 'client_id:client_secret' instead of client_secret.`,
        };
      }
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
      if (sent?.grant_type?.value === grant) {
        return {
          meaning: `your command does send grant_type=${grant}, so the server did not read the body as a form.`,
          hint: 'Send the parameters as -d name=value lines without a Content-Type: application/json header (curl then sends a form), every line but the last ending with the continuation character of your shell.',
        };
      }
      return {
        meaning: 'the server does not recognise the grant_type you sent.',
        hint: `Send grant_type=${grant} exactly (lowercase, with an underscore), in a form-encoded body (-d lines), not JSON.`,
      };
    case 'invalid_request':
      return {
        meaning: 'the request is missing a parameter, repeats one, or is malformed.',
        hint: invalidRequestHint(d, grant, sent ?? {}),
      };
    case 'invalid_scope':
      return invalidScope(d, refreshCurl, sent, ctx);
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

/**
 * What to send for an invalid_request, checked against what the pasted command did send
 * (issue 19, class 5): a hint never asks to add a line the command has — it says what is
 * wrong with the value that is there.
 */
function invalidRequestHint(d: string, grant: TokenGrant, sent: SentParams): string {
  const notRead =
    'the server did not read it: the body was not sent as a form — remove any -H "Content-Type: application/json", keep the -d lines (curl then sends a form), and make sure each -d line is part of the command (every line but the last ends with \\).';
  if (/code.?verifier|pkce/.test(d)) {
    const verifier = sent.code_verifier;
    if (verifier && (verifier.length < 43 || verifier.length > 128)) {
      return `Your command does send a code_verifier, but it is ${verifier.length} characters long: a verifier is 43 to 128 characters (A–Z, a–z, 0–9 and - . _ ~), and it must be the very one that was hashed into the code_challenge. Send that verifier whole (copy it again, it may have been cut).`;
    }
    if (verifier) return `Your command does send a code_verifier (${verifier.length} characters), but ${notRead}`;
    return 'Add the code_verifier line (-d code_verifier=…): PKCE is required, and the verifier must be the one behind the code_challenge you sent.';
  }
  if (/content.?type|form.?urlencoded|json/.test(d))
    return 'Send the parameters form-encoded with -d lines (Content-Type application/x-www-form-urlencoded), not as JSON.';
  if (/redirect/.test(d)) {
    const redirect = sent.redirect_uri?.value;
    return redirect
      ? `Your command does send redirect_uri=${redirect}: it must be exactly the redirect URI of the authorization URL, sent with --data-urlencode (an unencoded & or ? inside it cuts it).`
      : 'Add the redirect_uri line, with exactly the redirect URI of the authorization URL.';
  }
  if (/grant.?type/.test(d)) {
    const sentGrant = sent.grant_type?.value;
    if (sentGrant && sentGrant !== grant) return `Your command sends grant_type=${sentGrant}: write grant_type=${grant} exactly.`;
    return sentGrant ? `Your command does send grant_type=${grant}, but ${notRead}` : `Add -d grant_type=${grant}.`;
  }
  if (/refresh.?token/.test(d)) {
    return sent.refresh_token
      ? `Your command does send a refresh_token (${sent.refresh_token.length} characters), but ${notRead}`
      : 'Add -d refresh_token=… with the refresh token from the previous step, copied completely.';
  }
  if (/client/.test(d)) return 'Send client_id and client_secret (or HTTP Basic authentication), not both ways at once.';
  if (/\bcode\b/.test(d)) {
    return sent.code
      ? `Your command does send a code (${sent.code.length} characters), but ${notRead}`
      : 'Add -d code=… with the code from the redirect step.';
  }
  return "The error description names the parameter. Compare your command with this step's curl command: every -d line present, and every line but the last ending in \\ (a missing backslash cuts the command short).";
}

/** RFC 6749's "was issued to another client", in the wordings servers use. */
const ANOTHER_CLIENT =
  /(?:issued|belongs|granted) to (?:another|a different|other) (?:client|app)|client.{0,12}mismatch|different client|authorized client don't match/;

/**
 * invalid_scope, told from what the command sent (issue 19, class 5): "remove the scope
 * parameter" only when the command has one; otherwise the scope came from the login.
 */
function invalidScope(
  d: string,
  refreshCurl: boolean,
  sent: SentParams | null,
  ctx: Pick<TokenCheckContext, 'practice' | 'kind'>,
): { meaning: string; hint: string } {
  if (sent === null) {
    // The command is not in the paste: what it sent is unknown.
    return refreshCurl
      ? {
          meaning: 'a refresh can only ask for scopes the original login granted (or fewer).',
          hint: 'Remove the scope parameter from the refresh curl command, if it has one; you then get the same scopes as before.',
        }
      : {
          meaning: 'a scope in the request is not allowed.',
          hint: 'Scopes, including offline_access, go in the authorization URL; the code exchange takes none. Remove any scope parameter from the curl command, fix the scopes in the authorization URL and log in again.',
        };
  }
  const scope = sent.scope?.value;
  if (scope) {
    return refreshCurl
      ? {
          meaning: `your refresh command asks for scope=${scope}, and a refresh can only ask for scopes the original login granted (or fewer).`,
          hint: 'Remove the scope parameter from the refresh command; you then get the same scopes as before.',
        }
      : {
          meaning: `your command sends scope=${scope} to the token endpoint, where the code exchange takes none: the scopes were decided when you logged in.`,
          hint: `Remove the scope line from the command; to ask for other scopes (offline_access too), put them in the authorization URL in ${stepRef('authorize')} and log in again.`,
        };
  }
  const okta = ctx.practice || ctx.kind === 'okta';
  return {
    meaning: /not configured|not defined|unknown/.test(d)
      ? 'a scope your login asked for is not defined on this authorization server.'
      : 'a scope your login asked for is not allowed for this app.',
    hint: `Your command sends no scope, so the scope came from the authorization URL: check its scope parameter in ${stepRef('authorize')}${
      okta && !ctx.practice
        ? ' (custom scopes such as api:read must exist in Security → API → Authorization Servers → default → Scopes, and the access policy rule must allow them)'
        : ''
    }, then log in again and exchange the new code.`,
  };
}
