/**
 * The report model every check returns (SPEC §3). `check` and `code` values are stable
 * identifiers: progress rows, instructor statistics and external graders key on them, so
 * they are never renamed once shipped. Wording (`message`, `hint`) may change freely.
 * @see docs/decisions/003-report-model.md
 */

export type StepId = 'setup' | 'authorize-url' | 'redirect' | 'token-response' | 'refresh-response';

export type ResultStatus = 'pass' | 'fail' | 'warn' | 'info';

/** Every diagnosis code the checks can return. Add new ones; never rename or reuse. */
export const DIAGNOSIS_CODES = [
  // shared input
  'input.empty',
  // setup (own server)
  'issuer.invalid_url',
  'issuer.unreachable',
  'issuer.no_metadata',
  'issuer.mismatch',
  'issuer.no_jwks',
  'issuer.private_address',
  'issuer.not_https',
  'issuer.metadata_invalid',
  'issuer.no_authorization_endpoint',
  'issuer.no_token_endpoint',
  'issuer.pkce_not_advertised',
  'issuer.refresh_grant_not_advertised',
  'issuer.okta_org_server',
  'client_id.missing',
  'redirect_uri.invalid',
  // authorization URL
  'url.invalid',
  'url.not_https',
  'url.host_mismatch',
  'url.path_mismatch',
  'url.no_query',
  'url.fragment',
  'param.placeholder',
  'param.unknown',
  'param.duplicate',
  'param.empty',
  'response_type.missing',
  'response_type.not_code',
  'client_id.mismatch',
  'client_id.secret_in_url',
  'state.missing',
  'state.weak',
  'redirect_uri.missing',
  'redirect_uri.mismatch',
  'redirect_uri.double_encoded',
  'redirect_uri.not_registered',
  'scope.missing',
  'scope.offline_access_missing',
  'scope.offline_access_misspelled',
  'scope.comma_separated',
  'scope.literal_plus_encoded',
  'scope.only_offline_access',
  'scope.unknown',
  'code_challenge.missing',
  'code_challenge.malformed',
  'code_challenge.not_base64url',
  'code_challenge.is_verifier',
  'code_challenge.empty_verifier',
  'code_verifier.in_url',
  'code_challenge_method.missing',
  'code_challenge_method.plain',
  'code_challenge_method.invalid',
  // redirect
  'redirect.error',
  'redirect.code_missing',
  'redirect.state_missing',
  'redirect.state_mismatch',
  'redirect.no_authorize_step',
  'redirect.url_invalid',
  // token response and refresh response (shared)
  'json.invalid',
  'json.only_access_token',
  'json.http_headers',
  'json.smart_quotes',
  'json.not_object',
  'response.error',
  'access_token.missing',
  'token_type.unexpected',
  'access_token.not_jwt',
  'access_token.signature_invalid',
  'access_token.issuer_mismatch',
  'access_token.client_mismatch',
  'access_token.expired',
  'access_token.keys_unavailable',
  'id_token.present',
  'expires_in.missing',
  'json.extra_text',
  'access_token.unknown_key',
  'access_token.audience_mismatch',
  'access_token.time_claim_invalid',
  'access_token.not_yet_valid',
  // token response
  'refresh_token.missing',
  'scope.offline_access_not_granted',
  'token.no_redirect_step',
  // refresh response
  'refresh.no_first_response',
  'refresh.same_response',
  'refresh.same_access_token',
  'refresh.not_newer',
  'refresh.subject_mismatch',
  'refresh.client_mismatch',
  'refresh.issuer_mismatch',
  'refresh.not_from_refresh_grant',
  'refresh.rotated',
  'refresh.not_rotated',
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

export interface CheckResult {
  /** Stable id of what was checked, e.g. "scope". */
  check: string;
  status: ResultStatus;
  /** Present unless status is "pass". */
  code?: DiagnosisCode;
  /** What we saw, quoting the learner's input. */
  message: string;
  /** What to do next (omitted on a plain pass). */
  hint?: string;
}

export interface Report<S extends StepId = StepId> {
  step: S;
  status: 'pass' | 'fail';
  results: CheckResult[];
}

/** Builds a report: it fails when any result fails (warnings and info do not). */
export function makeReport<S extends StepId, Extra extends object = object>(
  step: S,
  results: CheckResult[],
  extra?: Extra,
): Report<S> & Extra {
  const status = results.some((r) => r.status === 'fail') ? 'fail' : 'pass';
  return { step, status, results, ...(extra as Extra) };
}

export const pass = (check: string, message: string): CheckResult => ({ check, status: 'pass', message });

export const fail = (check: string, code: DiagnosisCode, message: string, hint: string): CheckResult => ({
  check,
  status: 'fail',
  code,
  message,
  hint,
});

export const warn = (check: string, code: DiagnosisCode, message: string, hint: string): CheckResult => ({
  check,
  status: 'warn',
  code,
  message,
  hint,
});

export const info = (check: string, code: DiagnosisCode, message: string, hint?: string): CheckResult => ({
  check,
  status: 'info',
  code,
  message,
  ...(hint ? { hint } : {}),
});

/**
 * Shortens pasted text for quoting in a message, keeping it readable: whitespace runs become
 * one space, the ends are trimmed, and past `max` characters it is cut with "…". Reads only
 * as much of `value` as the quote shows (a paste may be 64 KiB): runs of whitespace and of
 * other characters are taken whole by the regex engine until `max` + 1 characters are out.
 */
export function quote(value: string, max = 80): string {
  let out = '';
  let pendingSpace = false;
  const runs = /(\s+)|\S+/g;
  for (let run = runs.exec(value); run !== null && out.length <= max; run = runs.exec(value)) {
    if (run[1] !== undefined) {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += run[0].slice(0, max + 1 - out.length);
  }
  return `"${out.length > max ? `${out.slice(0, max - 1)}…` : out}"`;
}
