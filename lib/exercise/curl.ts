/**
 * The ready-to-run curl commands of the token and refresh steps, filled with the learner's
 * real values, in the seed's layout: one option per line, continued with ` \`.
 *
 * Safe to paste into bash or zsh whatever the values hold: each word is shell-quoted when it
 * needs to be, and each form parameter is sent with `-d` only when its value needs no
 * form-encoding, `--data-urlencode` otherwise (curl then percent-encodes the value). Pure
 * and browser-safe: the page may fill in the client secret locally.
 */

/** Shown in place of the client secret unless the learner fills it in. */
export const CLIENT_SECRET_PLACEHOLDER = 'YOUR_CLIENT_SECRET';

/**
 * The authorization code exchange (token request with PKCE) as a curl command.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export function buildTokenCurl(o: {
  tokenEndpoint: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  code: string;
  codeVerifier: string;
}): string {
  return buildCurl(o.tokenEndpoint, [
    ['grant_type', 'authorization_code'],
    ['redirect_uri', o.redirectUri],
    ['client_id', o.clientId],
    ['client_secret', secretOrPlaceholder(o.clientSecret)],
    ['code_verifier', o.codeVerifier],
    ['code', o.code],
  ]);
}

/**
 * The refresh token grant as a curl command.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export function buildRefreshCurl(o: { tokenEndpoint: string; clientId: string; clientSecret?: string; refreshToken: string }): string {
  return buildCurl(o.tokenEndpoint, [
    ['grant_type', 'refresh_token'],
    ['client_id', o.clientId],
    ['client_secret', secretOrPlaceholder(o.clientSecret)],
    ['refresh_token', o.refreshToken],
  ]);
}

/**
 * Token revocation (the refresh token) as a curl command.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export function buildRevokeCurl(o: { revocationEndpoint: string; clientId: string; clientSecret?: string; refreshToken: string }): string {
  return buildCurl(o.revocationEndpoint, [
    ['client_id', o.clientId],
    ['client_secret', secretOrPlaceholder(o.clientSecret)],
    ['token', o.refreshToken],
    ['token_type_hint', 'refresh_token'],
  ]);
}

/** Shown in place of the access token unless the learner fills it in. */
export const ACCESS_TOKEN_PLACEHOLDER = 'YOUR_ACCESS_TOKEN';

/**
 * A call to a protected API with the access token as a bearer token; `-i` shows the
 * status and the WWW-Authenticate header of a refusal.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function buildApiCurl(o: { url: string; accessToken?: string }): string {
  const token = o.accessToken && o.accessToken.trim() !== '' ? o.accessToken.trim() : ACCESS_TOKEN_PLACEHOLDER;
  return [`curl -i ${shellQuote(o.url)}`, `-H ${shellQuote(`Authorization: Bearer ${token}`)}`].join(' \\\n  ');
}

/**
 * Quotes one word for bash/zsh/sh: bare when it holds only characters no shell treats
 * specially, else in single quotes (inside which nothing is special), with each embedded
 * `'` written as `'\''`.
 */
export function shellQuote(word: string): string {
  // No "~" (tilde expansion after "=" in bash) and no "!" (history expansion in interactive shells).
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function buildCurl(endpoint: string, params: ReadonlyArray<readonly [string, string]>): string {
  const lines = [`curl -X POST ${shellQuote(endpoint)}`, ...params.map(([name, value]) => formOption(name, value))];
  return lines.join(' \\\n  ');
}

/**
 * `-d` sends its argument as is, so it is used only for values made of characters that
 * form-encoding leaves alone; `--data-urlencode name=value` percent-encodes the value
 * (e.g. a redirect URI's ":" and "/", or "&", "+", "=" and "%" in a secret).
 */
function formOption(name: string, value: string): string {
  const option = /^[A-Za-z0-9._~-]*$/.test(value) ? '-d' : '--data-urlencode';
  return `${option} ${shellQuote(`${name}=${value}`)}`;
}

function secretOrPlaceholder(secret: string | undefined): string {
  return secret === undefined || secret.trim() === '' ? CLIENT_SECRET_PLACEHOLDER : secret;
}
