/**
 * What the practice server observes of a call to its protected API (`GET /api/practice/photos`):
 * the shared vocabulary of the API (lib/practice-server/photos-api.ts), the record it
 * keeps (lib/db/practice-api-calls.ts) and the `api-call` check (./check.ts). Identifiers
 * and labels only: never the token.
 */

/**
 * Stable labels of what the API made of a call. Stored in `practice_api_calls.outcome`:
 * never rename one.
 */
export const API_CALL_OUTCOMES = [
  /** 200: a valid token with the scope. */
  'ok',
  /** 200 as well: the token is on the revocation deny-list, but the API validates locally (decision 011). */
  'revoked_but_accepted',
  /** 401: no token at all (never recorded: nothing to attribute it to). */
  'no_token',
  /** 401: an Authorization header without the `Bearer ` scheme (`Authorization: <token>`, `Bearer:<token>`, Basic). */
  'not_bearer',
  /** 401: `?access_token=` in the URL (RFC 6750 §2.3), refused. */
  'token_in_query',
  /** 400: the token sent more than one way (header and body), RFC 6750 §2. */
  'several_methods',
  /** 401: not a JWT, or cut short (a truncated copy). */
  'malformed',
  /** 401: the signature does not verify (a changed token, or another server's). */
  'bad_signature',
  'wrong_issuer',
  'wrong_audience',
  'expired',
  'not_yet_valid',
  /** 403: a valid token without `api:read`. */
  'insufficient_scope',
] as const;

export type ApiCallOutcome = (typeof API_CALL_OUTCOMES)[number];

/** How the token travelled (RFC 6750 §2.1 header, §2.2 form body, §2.3 URI query). */
export type ApiCallSentVia = 'header' | 'body' | 'query';

/** One call the practice API observed, attributed to a practice app by the token's `cid`. */
export interface ObservedApiCall {
  /** The practice app the token names (`cid`; unverified when the token did not verify). */
  clientId: string;
  /** The token's `jti`: an identifier, not a credential. */
  tokenJti: string | null;
  /** The HTTP status the API answered. */
  status: number;
  outcome: ApiCallOutcome;
  sentVia: ApiCallSentVia;
  /** The token's `scp`, as far as it could be read. */
  scopes: string[];
  /** Epoch seconds. */
  calledAt: number;
}

export function isApiCallOutcome(value: string): value is ApiCallOutcome {
  return (API_CALL_OUTCOMES as readonly string[]).includes(value);
}
