/**
 * The `api-call` check kind: "use the token". The learner calls the practice API with
 * their access token, and the step passes on what the practice server observed (the call
 * arrived, with which token, which answer), not on a paste. Otherwise the latest observed
 * calls say what went wrong.
 *
 * Pure: the calls, the clock and the step's start come in; the engine reads the calls
 * with `latestApiCalls` (lib/db/practice-api-calls.ts), for this app and the learner's
 * other practice apps (a token of another app is recorded under that app).
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2
 */
import { describeRelative, formatUtc } from '../claims';
import { fail, info, makeReport, pass, quote, warn, type CheckResult, type Report } from '../report';
import type { TokenSummary } from '../token/inspect';
import type { ObservedApiCall } from './observed';

export type { ObservedApiCall } from './observed';

/** The scope the practice API needs (lib/practice-server/photos-api.ts). */
export const API_CALL_SCOPE = 'api:read';

export interface ApiCallCheckContext {
  /** The exercise's practice app. */
  clientId: string;
  /** When the step started: earlier calls do not count. Null: any call counts. */
  since: Date | null;
  /** The `jti` of the access token the token step checked, if any. */
  expectedJti?: string | null;
  now: Date;
  /** The practice API's URL, for the curl command in hints. */
  apiUrl: string;
  /** The token step's summary of the learner's token response (claims and fingerprints only). */
  tokenSummary?: Pick<TokenSummary, 'jti' | 'scope' | 'expiresAt'> | null;
  /** Names of the learner's practice apps by client id ("My Service App"), to name another app. */
  appNames?: Readonly<Record<string, string>>;
}

export interface ApiCallReport extends Report<'api-call'> {
  /** The call the result is about (the one that passed, or the latest that failed); null when none arrived. */
  call: ObservedApiCall | null;
}

const CHECK = 'api_call';

/** The curl command that makes the call; the learner keeps the token in a shell variable. */
export function apiCallCommand(apiUrl: string): string {
  return `curl -H "Authorization: Bearer $ACCESS_TOKEN" ${apiUrl}`;
}

const when = (call: ObservedApiCall, now: Date) => `at ${formatUtc(call.calledAt)} (${describeRelative(call.calledAt, now)})`;

const scopeList = (scopes: readonly string[]) => (scopes.length === 0 ? 'no scopes' : `the scopes ${quote(scopes.join(' '))}`);

/** "answered 401 (expired) to the call at 2026-12-07 22:41:05 UTC (3 minutes ago)". */
const answered = (call: ObservedApiCall, now: Date) => `answered ${call.status} (${call.outcome}) to the call ${when(call, now)}`;

/** Checks the calls the practice API observed. Never throws. */
export function checkApiCall(calls: readonly ObservedApiCall[], ctx: ApiCallCheckContext): ApiCallReport {
  const sinceSeconds = ctx.since ? Math.floor(ctx.since.getTime() / 1000) : null;
  // Newest first; the sort is stable, so calls in the same second keep the database's order (newest first).
  const recent = calls.filter((c) => sinceSeconds === null || c.calledAt >= sinceSeconds).sort((a, b) => b.calledAt - a.calledAt);
  const mine = recent.filter((c) => c.clientId === ctx.clientId);

  const passed = mine.find((c) => c.status === 200);
  if (passed) return makeReport('api-call', passedResults(passed, ctx), { call: passed });

  const latest = mine[0] ?? null;
  const other = recent.find((c) => c.clientId !== ctx.clientId) ?? null;
  const results: CheckResult[] = [];
  if (other && (!latest || other.calledAt >= latest.calledAt)) results.push(otherApp(other, ctx));
  if (latest) results.push(diagnose(latest, mine.length, ctx));
  if (results.length === 0) results.push(noneObserved(calls, ctx));
  return makeReport('api-call', results, { call: latest ?? other });
}

function passedResults(call: ObservedApiCall, ctx: ApiCallCheckContext): CheckResult[] {
  const results = [
    pass(CHECK, `The practice API answered 200 with the photo list to your call ${when(call, ctx.now)}, with ${scopeList(call.scopes)}.`),
  ];
  if (call.outcome === 'revoked_but_accepted') {
    results.push(
      info(
        CHECK,
        'api_call.revoked_but_accepted',
        `The token of the call ${when(call, ctx.now)} was revoked, yet the API answered 200: it validates the JWT locally (signature, issuer, audience, expiry, scope) and never asks the server whether the token was revoked.`,
        'That is how most APIs work, and why access tokens are short-lived: a revoked token keeps working at such APIs until it expires. Introspection (/v1/introspect) or userinfo would refuse it.',
      ),
    );
  }
  if (call.sentVia === 'body') {
    results.push(
      warn(
        CHECK,
        'api_call.token_in_body',
        `The call ${when(call, ctx.now)} sent the token as a form field (access_token=… in a POST body); this API accepts it (RFC 6750 §2.2), most do not.`,
        `Send it in the header instead: ${apiCallCommand(ctx.apiUrl)}`,
      ),
    );
  }
  const expected = ctx.expectedJti ?? ctx.tokenSummary?.jti ?? null;
  if (expected && call.tokenJti && call.tokenJti !== expected) {
    results.push(
      info(
        CHECK,
        'api_call.other_token',
        `The call that worked used the token with jti ${quote(call.tokenJti)}, not the one the token step checked (jti ${quote(expected)}).`,
        'Fine: any valid token of this app works. You logged in again or refreshed since the token step.',
      ),
    );
  }
  return results;
}

function noneObserved(calls: readonly ObservedApiCall[], ctx: ApiCallCheckContext): CheckResult {
  const earlier = calls.filter((c) => c.clientId === ctx.clientId).sort((a, b) => b.calledAt - a.calledAt)[0];
  const since = ctx.since ? ` since this step started (${formatUtc(Math.floor(ctx.since.getTime() / 1000))})` : '';
  const before = earlier ? ` The last call it saw ${answered(earlier, ctx.now)}, before this step started.` : '';
  const expiresAt = ctx.tokenSummary?.expiresAt ?? null;
  const stale =
    expiresAt !== null && expiresAt <= ctx.now.getTime() / 1000
      ? ` Your access token from the token step expired ${describeRelative(expiresAt, ctx.now)}: get a new one first (refresh it, or log in again).`
      : '';
  return fail(
    CHECK,
    'api_call.none_observed',
    `The practice API has seen no call with one of this app’s tokens${since}.${before}`,
    `Run ${apiCallCommand(ctx.apiUrl)} with ACCESS_TOKEN set to the access_token of your token response, then check again. The server can only see calls that carry one of this app’s tokens: a call without one (an empty $ACCESS_TOKEN sends "Bearer " and nothing else) or to another URL cannot be traced to you.${stale}`,
  );
}

function otherApp(call: ObservedApiCall, ctx: ApiCallCheckContext): CheckResult {
  const name = ctx.appNames?.[call.clientId];
  const app = name ? `your ${quote(name)} (client id ${quote(call.clientId)})` : `another of your apps (client id ${quote(call.clientId)})`;
  return fail(
    CHECK,
    'api_call.other_app',
    `The practice API ${answered(call, ctx.now)} with a token of ${app}, not of this exercise’s app (client id ${quote(ctx.clientId)}).`,
    'Use the access token this exercise’s app got: the access_token of the token response you checked in this exercise, then call the API again.',
  );
}

/** What the latest failed call of this app says. */
function diagnose(call: ObservedApiCall, count: number, ctx: ApiCallCheckContext): CheckResult {
  const seen = `The practice API ${answered(call, ctx.now)}${count > 1 ? ` (the latest of ${count} calls)` : ''}`;
  const command = apiCallCommand(ctx.apiUrl);
  switch (call.outcome) {
    case 'token_in_query':
      return fail(
        CHECK,
        'api_call.token_in_query',
        `${seen}: the token was in the URL (?access_token=…), which the API refuses: URLs end up in logs, proxies and shell history.`,
        `Send the token in the Authorization header and keep the URL bare: ${command}`,
      );
    case 'several_methods':
      return fail(
        CHECK,
        'api_call.several_methods',
        `${seen}: the token came both in the Authorization header and in the body.`,
        `Send it once, in the header: ${command}`,
      );
    case 'expired':
      return fail(
        CHECK,
        'api_call.expired',
        `${seen}: the access token had expired.`,
        'Get a new access token — use the refresh token if you have one, or log in again with your authorization URL and exchange the new code — then call the API with it.',
      );
    case 'insufficient_scope': {
      const checked = ctx.tokenSummary?.scope ? ` The token the token step checked had ${scopeList(ctx.tokenSummary.scope)}.` : '';
      return fail(
        CHECK,
        'api_call.insufficient_scope',
        `${seen}: the API needs the scope ${quote(API_CALL_SCOPE)}, and the token had ${scopeList(call.scopes)}.${checked}`,
        `Add ${API_CALL_SCOPE} to the scope parameter of your authorization URL (e.g. scope=openid%20${encodeURIComponent(API_CALL_SCOPE)}), log in again, exchange the new code, and call the API with the new access token.`,
      );
    }
    case 'malformed':
      return fail(
        CHECK,
        'api_call.malformed',
        `${seen}: the token it got is cut short or is not a JWT${call.tokenJti ? ` (its claims still name jti ${quote(call.tokenJti)})` : ''}.`,
        'Copy the whole access_token value — three parts separated by dots, without quotes — e.g. ACCESS_TOKEN=$(jq -r .access_token response.json), then call the API again.',
      );
    case 'bad_signature':
    case 'wrong_issuer':
    case 'wrong_audience':
    case 'not_yet_valid':
      return fail(CHECK, 'api_call.token_rejected', `${seen}: ${REJECTED[call.outcome]}`, REJECTED_HINT);
    case 'not_bearer':
    case 'no_token':
    case 'ok':
    case 'revoked_but_accepted':
      // A 200 passes above; a refused call labelled otherwise can only be a missing scheme.
      return fail(
        CHECK,
        'api_call.not_bearer',
        `${seen}: the Authorization header had no "Bearer " before the token (as in "Authorization: <token>" or "Bearer:<token>").`,
        `Write the header as "Authorization: Bearer <token>", with one space after Bearer: ${command}`,
      );
  }
}

const REJECTED = {
  bad_signature: 'its signature does not verify with the practice server’s key: the token was changed, or another server issued it.',
  wrong_issuer: 'it was issued by another authorization server than this site’s practice server.',
  wrong_audience: 'it is meant for another API (its aud is not api://default).',
  not_yet_valid: 'it is not valid yet (its nbf is in the future).',
} as const;

const REJECTED_HINT =
  'Use the access token exactly as this site’s practice server issued it in your token response, unchanged, then call the API again.';

/**
 * On the learner's own server the lab cannot observe the calls their API receives: the step is
 * not applicable, passes with this note, and suggests a call they can try instead.
 */
export function apiCallOnOwnServer(issuer: string): ApiCallReport {
  return {
    ...makeReport('api-call', [
      info(
        CHECK,
        'api_call.own_server',
        'This step is not applicable on your own server: the lab cannot see the calls your API receives.',
        `Try the token on your server's userinfo endpoint instead: curl -H "Authorization: Bearer $ACCESS_TOKEN" ${issuer.replace(/\/+$/, '')}/v1/userinfo (Okta; other servers publish it as userinfo_endpoint in their metadata).`,
      ),
    ]),
    call: null,
  };
}
