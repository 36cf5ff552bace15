/**
 * Answers from the practice server's records (issue 19, class 7: the lab knows more than it
 * says). A token endpoint's `invalid_grant` is one sentence for many causes; before a hint
 * guesses, the records the context offers settle which one it was:
 *
 * - a code that expired unused (when it was issued, how long it lived, that it was never
 *   exchanged) — not "run twice", not the secret;
 * - a code_verifier that belongs to an earlier checked authorization URL (its hash is that
 *   URL's challenge), said with the time that URL was checked;
 * - a rotated refresh token sent again (when the refresh that rotated it was answered, and
 *   whether the reuse revoked the login).
 *
 * Every lookup is optional (`safeLookup`): without a record the caller's explanation stands.
 * Pure apart from hashing: the clock comes from the context; nothing here quotes a code or a
 * token — only times, scopes and the first characters of public challenges.
 */
import { sha256, toBase64Url, utf8 } from '../shell-mistakes/encoding';
import { atClock, clockTime, shortDuration, type CheckedUrlRecord } from '../checked-urls';
import { formatDuration } from '../claims';
import { fail, quote, type CheckResult } from '../report';
import { stepRef } from '../steps';
import { sentValue } from './command-evidence';
import { safeLookup, type CodeExchangeHistory, type TokenCheckContext, type TokenGrant } from './context';
import { fingerprint } from './inspect';

const PKCE_ERROR = /pkce|code.?verifier|code.?challenge/i;
const OTHER_CAUSE = /redirect.?uri|client/i;
const MAX_SENT = 2048;
const short = (value: string) => quote(`${value.slice(0, 8)}…`, 12);

/** The record-based answer to a refused grant, or null when the records do not settle it. */
export async function explainFromRecords(
  text: string,
  body: Record<string, unknown>,
  grant: TokenGrant,
  ctx: TokenCheckContext,
  known: { codeExchange?: CodeExchangeHistory | null } = {},
): Promise<CheckResult | null> {
  if (body.error !== 'invalid_grant' || !ctx.practice) return null;
  const description = typeof body.error_description === 'string' ? body.error_description.slice(0, 500) : '';
  // The description is one sentence for every cause ("invalid or expired"): the records say which, so it is not repeated.
  const seen = `The server refused the grant (error ${quote('invalid_grant', 40)})`;
  if (grant === 'authorization_code') {
    if (PKCE_ERROR.test(description)) return verifierOfAnotherUrl(text, seen, ctx);
    // A description that names another cause (the redirect_uri) proves the code was still valid when sent.
    if (OTHER_CAUSE.test(description)) return null;
    return expiredCode(text, seen, ctx, known);
  }
  if (grant === 'refresh_token') return rotatedTokenSentAgain(text, seen, ctx);
  return null;
}

/** A sent secret, only to be hashed and compared (never kept); null when the paste does not show it. */
function sent(text: string, name: string): string | null {
  const value = sentValue(text, name);
  return value && value.length <= MAX_SENT && !/[$%]/.test(value) ? value : null;
}

/** The code the redirect step captured expired before this exchange, and was never exchanged. */
async function expiredCode(
  text: string,
  seen: string,
  ctx: TokenCheckContext,
  known: { codeExchange?: CodeExchangeHistory | null },
): Promise<CheckResult | null> {
  const issue = await safeLookup(ctx.lookupCodeIssue);
  if (!issue || ctx.now.getTime() < issue.expiresAt.getTime()) return null;
  const code = sent(text, 'code');
  // The command sent another code than the one captured: its story is not on record here.
  if (code !== null && fingerprint(code) !== issue.codeFingerprint) return null;
  const exchange = 'codeExchange' in known ? known.codeExchange : await safeLookup(ctx.lookupCodeExchange);
  if (exchange) return null;
  const lifetime = formatDuration((issue.expiresAt.getTime() - issue.issuedAt.getTime()) / 1000);
  return fail(
    'response',
    'response.error',
    `${seen}: your code expired unused. The practice server issued it at ${clockTime(issue.issuedAt)}; codes are valid for ${lifetime}, so it expired at ${clockTime(issue.expiresAt)} — it is now ${shortDuration(ctx.now.getTime() - issue.issuedAt.getTime())} old, and it was never exchanged.`,
    `Get a new code and exchange it within ${lifetime}: open the Log In link of ${stepRef('authorize')}, paste the address you come back to in ${stepRef('redirect')}, and run the command of ${stepRef('token')} right away (it fills in the new code).`,
  );
}

const describeUrl = (url: CheckedUrlRecord) => `the URL you checked${atClock(url.checkedAt)}`;

/** The verifier's hash is the challenge of another checked URL than the one the code came from. */
async function verifierOfAnotherUrl(text: string, seen: string, ctx: TokenCheckContext): Promise<CheckResult | null> {
  const urls = ctx.checkedUrls ?? [];
  const verifier = sent(text, 'code_verifier');
  if (urls.length < 2 || verifier === null) return null;
  // S256 (RFC 7636 §4.2), as the shell-recipe readers compute it.
  const challenge = toBase64Url(await sha256(utf8(verifier)));
  const issue = await safeLookup(ctx.lookupCodeIssue);
  const latest = urls[urls.length - 1]!;
  // The URL the code's login used: the one whose challenge the server recorded with the code, else the latest.
  const recorded = issue?.codeChallenge ? [...urls].reverse().find((url) => url.codeChallenge === issue.codeChallenge) : undefined;
  // A recorded challenge that matches no checked URL: the records cannot say which login it was.
  if (issue?.codeChallenge && !recorded) return null;
  const codeUrl = recorded ?? latest;
  const verifierUrl = [...urls].reverse().find((url) => url.codeChallenge === challenge);
  if (!verifierUrl || verifierUrl === codeUrl || !codeUrl.codeChallenge) return null;
  const stillValid = issue && ctx.now.getTime() < issue.expiresAt.getTime();
  const logInLatest = `Log in with the Log In link of your latest URL in ${stepRef('authorize')}, and exchange the new code with the verifier generated together with that URL.`;
  return fail(
    'response',
    'response.error',
    `${seen}: the code_verifier you sent belongs to ${verifierUrl === latest ? 'your latest' : 'an earlier'} attempt — it hashes to the challenge of ${describeUrl(verifierUrl)} (${short(challenge)}), but this code came from the login with ${describeUrl(codeUrl)}, whose challenge is ${short(codeUrl.codeChallenge)}.`,
    // A verifier of the latest URL: the login was the older one. An older verifier: the latest one is wanted.
    verifierUrl === latest
      ? `Your verifier is right for your latest URL, the login was not: ${logInLatest}`
      : stillValid
        ? `Send the verifier generated together with ${describeUrl(codeUrl)} (its S256 hash is ${short(codeUrl.codeChallenge)}): this code stays valid until ${clockTime(issue.expiresAt)}, so run the exchange again with that verifier.`
        : logInLatest,
  );
}

/** With rotation on, the refresh token of the code exchange was already used by an earlier refresh. */
async function rotatedTokenSentAgain(text: string, seen: string, ctx: TokenCheckContext): Promise<CheckResult | null> {
  const history = await safeLookup(ctx.lookupLoginRefreshes);
  if (!history || history.rotation !== 'rotate' || history.refreshedAt.length === 0) return null;
  const token = sent(text, 'refresh_token');
  const isFirst = token !== null && history.refreshTokenFingerprint !== null && fingerprint(token) === history.refreshTokenFingerprint;
  // Another refresh token than the code exchange's: which one it was is not on record here.
  if (token !== null && !isFirst) return null;
  const usedAt = clockTime(history.refreshedAt[0]!);
  const revoked = token !== null && ctx.refreshTokenExists ? (await safeLookup(() => ctx.refreshTokenExists!(token))) === false : false;
  const which = isFirst
    ? `the refresh token you sent — the one from ${stepRef('token')} — was already used at ${usedAt}`
    : `the refresh token from ${stepRef('token')} was already used at ${usedAt} (if that is the one you sent)`;
  return fail(
    'response',
    'response.error',
    `${seen}: My Web App rotates refresh tokens, and ${which}. That refresh returned a new refresh token and retired the old one; sending the old one again ${
      revoked ? 'made the practice server revoke the whole login — the new refresh token too — as rotation is meant to' : 'is refused'
    }.`,
    revoked
      ? `Log in again (the Log In link of ${stepRef('authorize')}), exchange the new code in ${stepRef('token')}, and from then on refresh with the newest refresh_token each response returns.`
      : `Send the refresh_token of the response the refresh at ${usedAt} returned (the newest one you have), and keep each new one for the next refresh.`,
  );
}
