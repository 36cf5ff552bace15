/**
 * Step 5 of the Refresh Tokens exercise: the response a learner pasted after using their
 * refresh token (the `refresh-response` step, docs/api.md; codes: docs/diagnosis-codes.md):
 * the shared token checks, then a comparison with the first (step 4) response — a new
 * access token, from the same server, client and user, issued later — and whether the
 * refresh token was rotated.
 *
 * Pure: the clock, the key resolver and the practice server's token-origin lookup come in
 * through the context.
 */
import type { DecodedClaims } from './access-token';
import type { TokenCheckContext, TokenOrigin } from './context';
import { inspectTokenResponse, type TokenSummary } from './inspect';
import { atClock } from '../checked-urls';
import { formatUtc } from '../claims';
import { fail, info, makeReport, pass, quote, type CheckResult, type Report } from '../report';
import { stepRef } from '../steps';
import { isErrorResponse } from './oauth-errors';
import { parseResponse } from './parse-response';

/** How the practice server issued an access token (by its `jti`); null when unknown. */
export type { TokenOrigin } from './context';

export interface RefreshCheckContext extends TokenCheckContext {
  /** The summary of the passed token-response step; null when that step has not passed. */
  first: TokenSummary | null;
  /** Practice server only: My Web App's refresh token behaviour (asked only to describe a rotation). */
  lookupRotation?: () => Promise<'persistent' | 'rotate' | null>;
  /**
   * The learner revoked the refresh token and pastes the refresh that followed (the completion
   * page's revoke demonstration): a refusal is then the expected outcome, not a problem.
   */
  expectRevoked?: boolean;
}

export interface RefreshResponseReport extends Report<'refresh-response'> {
  claims: DecodedClaims | null;
  summary: TokenSummary | null;
  /** A new, different refresh token came back; null when it cannot be told (no first response or no valid response). */
  rotated: boolean | null;
}

/**
 * Checks a pasted response to the refresh token grant. A refresh token in the response is
 * optional (servers without rotation keep the old one valid); its presence is reported as
 * `refresh.rotated` / `refresh.not_rotated` (info).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc9068
 */
export async function checkRefreshResponse(text: string, ctx: RefreshCheckContext): Promise<RefreshResponseReport> {
  const results: CheckResult[] = [];
  const { first } = ctx;

  // After a revoke, invalid_grant is what revocation is for: a success (issue 20, item 2).
  if (ctx.expectRevoked) {
    const parsed = parseResponse(text);
    if (parsed.ok && isErrorResponse(parsed.body) && parsed.body.error === 'invalid_grant') {
      return makeReport(
        'refresh-response',
        [
          info(
            'response',
            'refresh.revoked_as_expected',
            'The server refused the revoked refresh token (invalid_grant) — exactly what revocation is for: the app must send the user through a login again to get a new one.',
          ),
        ],
        { claims: null, summary: null, rotated: null },
      );
    }
  }

  if (first === null) {
    results.push(
      fail(
        'first_response',
        'refresh.no_first_response',
        'There is no checked token response from the previous step to compare with.',
        `Finish ${stepRef('token')} first: paste its token response and check it. Then use its refresh token here.`,
      ),
    );
  }

  const inspected = await inspectTokenResponse(text, ctx, 'refresh_token');
  results.push(...inspected.results);
  const second = inspected.summary;

  let rotated: boolean | null = null;
  // Without a new access token there is nothing to compare: the missing token is the one
  // problem to report, not "another user" or "another client" besides.
  if (second !== null && first !== null && second.accessTokenFingerprint !== null) {
    const comparison = await compareWithFirst(first, second, ctx);
    results.push(...comparison.results);
    // Rotation only means something for a real refresh, not for the first response pasted again.
    if (comparison.isNewResponse) {
      rotated = second.refreshTokenFingerprint !== null && second.refreshTokenFingerprint !== first.refreshTokenFingerprint;
      results.push(describeRotation(first, second, ctx.practice ? await lookupRotation(ctx) : null));
    }
  } else if (second !== null) {
    rotated = second.refreshTokenFingerprint === null ? false : null;
  }

  results.push(...inspected.trailing);
  return makeReport('refresh-response', dropRestatedMismatches(results), { claims: inspected.claims, summary: second, rotated });
}

/**
 * The first token passed the same issuer and client checks, so a new token that differs
 * from it fails both the shared check and the comparison. Keep the comparison, which names
 * what this step is about, so one mistake reads (and counts) once.
 */
function dropRestatedMismatches(results: CheckResult[]): CheckResult[] {
  const has = (code: string) => results.some((r) => r.code === code);
  const restated = new Set<string>();
  if (has('refresh.issuer_mismatch')) restated.add('access_token.issuer_mismatch');
  if (has('refresh.client_mismatch')) restated.add('access_token.client_mismatch');
  return results.filter((r) => r.code === undefined || !restated.has(r.code));
}

async function compareWithFirst(
  first: TokenSummary,
  second: TokenSummary,
  ctx: RefreshCheckContext,
): Promise<{ results: CheckResult[]; isNewResponse: boolean }> {
  const results: CheckResult[] = [];
  const sameAccess = second.accessTokenFingerprint !== null && second.accessTokenFingerprint === first.accessTokenFingerprint;
  const sameRefresh = second.refreshTokenFingerprint !== null && second.refreshTokenFingerprint === first.refreshTokenFingerprint;

  if (second.responseFingerprint === first.responseFingerprint || (sameAccess && sameRefresh)) {
    const result = fail(
      'new_token',
      'refresh.same_response',
      'This is the same response as in the previous step — the same access token and refresh token.',
      "Run this step's curl command (grant_type=refresh_token with your refresh token) and paste what it prints, not the first response again.",
    );
    return { results: [result], isNewResponse: false };
  }
  if (sameAccess) {
    const result = fail(
      'new_token',
      'refresh.same_access_token',
      'The access token is the same one you got in the previous step.',
      "A refresh returns a new access token. Run this step's curl command with grant_type=refresh_token and paste the new response.",
    );
    return { results: [result], isNewResponse: false };
  }
  if (second.accessTokenFingerprint !== null) {
    results.push(pass('new_token', 'The access token is a new one, different from the first.'));
  }

  if (first.issuedAt !== null && second.issuedAt !== null) {
    // `iat` has one-second precision: a different token issued in the same second as the
    // first (a script, or a very fast learner) is not evidence of an older response.
    if (second.issuedAt < first.issuedAt) {
      results.push(
        fail(
          'issued_later',
          'refresh.not_newer',
          `The new token was issued at ${formatUtc(second.issuedAt)}, before the first one (${formatUtc(first.issuedAt)}).`,
          'This token is older than the one from the previous step — probably an earlier response. Run the refresh curl command now and paste its response.',
        ),
      );
    } else if (second.issuedAt === first.issuedAt) {
      results.push(
        pass(
          'issued_later',
          `The new token was issued in the same second as the first one (${formatUtc(first.issuedAt)}) — token times count whole seconds — and it is a different token.`,
        ),
      );
    } else {
      results.push(
        pass(
          'issued_later',
          `The new token was issued at ${formatUtc(second.issuedAt)}, after the first one (${formatUtc(first.issuedAt)}).`,
        ),
      );
    }
  }

  results.push(
    ...compareClaim(
      'same_server',
      'refresh.issuer_mismatch',
      'issuer',
      first.issuer,
      second.issuer,
      'A refresh token only works at the server that issued it. Send the refresh curl command to the same token endpoint as in the previous step.',
    ),
    ...compareClaim(
      'same_client',
      'refresh.client_mismatch',
      'client',
      first.clientId,
      second.clientId,
      'Refresh with the same app: use the same client_id and client_secret as in the previous step.',
    ),
    ...compareClaim(
      'same_user',
      'refresh.subject_mismatch',
      'user (sub)',
      first.subject,
      second.subject,
      'A refresh keeps the same user. This token belongs to someone else (or to no user, as with client credentials): use the refresh token from the previous step.',
    ),
  );

  if (ctx.practice && ctx.lookupOrigin && second.jti !== null) {
    let origin: TokenOrigin = null;
    try {
      origin = await ctx.lookupOrigin(second.jti);
    } catch {
      // The origin is a bonus check: when the lookup fails, the other checks still stand.
      origin = null;
    }
    if (origin === 'authorization_code' || origin === 'client_credentials') {
      const issuedAt = atClock(second.issuedAt === null ? null : new Date(second.issuedAt * 1000));
      results.push(
        fail(
          'grant',
          'refresh.not_from_refresh_grant',
          origin === 'authorization_code'
            ? `The practice server issued this access token${issuedAt} for a new login (authorization code), not for your refresh token.`
            : `The practice server issued this access token${issuedAt} for the client credentials grant, not for your refresh token.`,
          `Don't log in again: run this step's curl command, which sends grant_type=refresh_token with the refresh token from ${stepRef('token')}, and paste its response.`,
        ),
      );
    } else if (origin === 'refresh_token') {
      results.push(pass('grant', 'The practice server issued this token for your refresh token (grant_type=refresh_token).'));
    }
  }
  return { results, isNewResponse: true };
}

function compareClaim(
  check: string,
  code: 'refresh.issuer_mismatch' | 'refresh.client_mismatch' | 'refresh.subject_mismatch',
  label: string,
  before: string | null,
  after: string | null,
  hint: string,
): CheckResult[] {
  // Only comparable when the first token told us its value (opaque tokens do not).
  if (before === null) return [];
  if (after === before) return [pass(check, `Same ${label} as the first token: ${quote(after, 60)}.`)];
  return [
    fail(
      check,
      code,
      after === null
        ? `The first token's ${label} was ${quote(before, 60)}; the new token does not say.`
        : `The first token's ${label} was ${quote(before, 60)}; the new token's is ${quote(after, 60)}.`,
      hint,
    ),
  ];
}

/**
 * What the refresh token in the response means for the next refresh. On the practice
 * server the app's setting is known; elsewhere a server that rotates usually, but not
 * always, refuses the old token afterwards — so the lab says "may", and suggests trying.
 */
function describeRotation(first: TokenSummary, second: TokenSummary, setting: 'persistent' | 'rotate' | null): CheckResult {
  if (second.refreshTokenFingerprint !== null && second.refreshTokenFingerprint !== first.refreshTokenFingerprint) {
    if (setting === 'persistent') {
      return info(
        'rotation',
        'refresh.rotated',
        `A different refresh token came back than the one from ${stepRef('token')}, although My Web App keeps persistent refresh tokens: this response refreshed another login's refresh token.`,
        `Nothing to fix. Both refresh tokens keep working; use the one from ${stepRef('token')} to see a refresh return the same token.`,
      );
    }
    return info(
      'rotation',
      'refresh.rotated',
      setting === 'rotate'
        ? 'A new refresh token came back: My Web App rotates refresh tokens. The old one is now refused — using it again fails and revokes the new one too.'
        : 'A new refresh token came back: the server rotates refresh tokens. The old one may now be refused — try it, and keep the new one either way.',
      'Keep the new refresh token for the next refresh.',
    );
  }
  return info(
    'rotation',
    'refresh.not_rotated',
    second.refreshTokenFingerprint === null
      ? 'No refresh token came back: your refresh token is not rotated and keeps working for the next refresh.'
      : 'The same refresh token came back: it is not rotated and keeps working for the next refresh.',
    'Extra credit: turn on refresh token rotation for the app, refresh again, then try the old refresh token and see it rejected.',
  );
}

async function lookupRotation(ctx: RefreshCheckContext): Promise<'persistent' | 'rotate' | null> {
  try {
    return (await ctx.lookupRotation?.()) ?? null;
  } catch {
    return null; // a bonus: without it, the wording that fits any server stands
  }
}
