/**
 * The `id-token` check kind: the learner states a verdict (valid or invalid) for each check a
 * client runs on an ID token, and the lab compares each with its own validation
 * (validate.ts), explaining every disagreement with what the token has and what it should.
 *
 * A learner who calls a faulty check valid gets the fault's code (`id_token.expired`, …):
 * their client would accept a token it must reject. One who calls a sound check invalid gets
 * `id_token.verdict_wrong`. Messages quote claims, never the token (a credential).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
import type { DiagnosisCode } from '../codes';
import { fail, makeReport, pass, warn, type CheckResult, type Report } from '../report';
import { accepts, inspectIdToken, validateIdToken, type CheckName, type CheckOutcome, type Fault, type IdTokenContext } from './validate';

export const ID_TOKEN_KIND = 'id-token';

export interface IdTokenVerdictsInput {
  token: string;
  verdicts: Partial<Record<CheckName, 'valid' | 'invalid'>>;
}

export interface IdTokenReport extends Report<typeof ID_TOKEN_KIND> {
  /** Whether a client accepts the token, by the lab's validation; null when it is no ID token. */
  accepted: boolean | null;
  /** The lab's outcome of each check, in order (claims quoted, never the token). */
  outcomes: CheckOutcome[];
}

/** Compares the learner's verdicts with the lab's validation; never throws. */
export async function checkIdTokenVerdicts(input: IdTokenVerdictsInput, ctx: IdTokenContext): Promise<IdTokenReport> {
  const token = typeof input?.token === 'string' ? input.token : '';
  const shape = inspectIdToken(token);
  if (shape.kind === 'not_a_jwt') {
    const result = fail(
      'token',
      'id_token.not_a_jwt',
      `This is not an ID token: ${shape.reason}.`,
      'Copy the value of id_token from the token response — the long string after "id_token": without its quotes — and paste it whole.',
    );
    return makeReport(ID_TOKEN_KIND, [result], { accepted: null, outcomes: [] });
  }
  if (shape.kind === 'access_token') {
    const result = fail(
      'token',
      'id_token.is_access_token',
      `This is an access token, not the ID token: it has ${shape.clues.join(', ')} and no nonce. Okta's access tokens carry cid and scp and are meant for APIs; its ID tokens carry your client id as aud and the nonce you sent.`,
      'Paste the value of id_token from the token response: the ID token tells your app who logged in; the access token is only sent to APIs.',
    );
    return makeReport(ID_TOKEN_KIND, [result], { accepted: null, outcomes: [] });
  }

  const outcomes = await validateIdToken(token, ctx);
  const verdicts = isRecord(input?.verdicts) ? input.verdicts : {};
  const signatureBad = outcomes[0]!.verdict === 'invalid';
  const results = outcomes.map((outcome) => compare(outcome, readVerdict(verdicts, outcome.check), signatureBad));
  const accepted = accepts(outcomes);
  results.push(pass('decision', decision(outcomes, accepted)));
  return makeReport(ID_TOKEN_KIND, results, { accepted, outcomes });
}

function compare(o: CheckOutcome, verdict: 'valid' | 'invalid' | null, signatureBad: boolean): CheckResult {
  const facts = describe(o);
  const sentence = `${facts}.`;
  const Sentence = capitalize(sentence);
  if (o.verdict === 'not_applicable') {
    if (o.fault === 'keys_unavailable') {
      return warn(
        o.check,
        'id_token.keys_unavailable',
        `${o.reason} Your verdict (${verdict ?? 'none'}) could not be compared.`,
        'Check again in a moment to have the signature compared; the other checks were compared.',
      );
    }
    return pass(o.check, `${Sentence} ${o.reason}`);
  }
  const also = o.check === 'signature' && signatureBad ? ' A token with a bad signature must be rejected whatever else holds.' : '';
  if (verdict === null) {
    return fail(
      o.check,
      'id_token.verdict_missing',
      `You gave no verdict for ${o.check}. The lab's is ${o.verdict}: ${sentence} ${o.reason}${also}`,
      'State valid or invalid for every check: a client runs them all, in order, and rejects the token if any fails.',
    );
  }
  if (verdict === o.verdict) return pass(o.check, `You called ${o.check} ${verdict}, and so does the lab: ${sentence} ${o.reason}${also}`);
  if (o.verdict === 'valid') {
    return fail(
      o.check,
      'id_token.verdict_wrong',
      `You called ${o.check} invalid, but it holds: ${sentence} ${o.reason}`,
      WRONGLY_REJECTED[o.check],
    );
  }
  const fault = o.fault ?? 'mismatch';
  return fail(
    o.check,
    faultCode(o.check, fault),
    `${capitalize(facts)}: ${verdictLine(o.check, fault)}${also} ${o.reason}`,
    HINTS[o.check](fault),
  );
}

/** What the token has against what it should, e.g. `aud is "0oaOTHER", your client id is "0oa8f…"` (no final period). */
function describe(o: CheckOutcome): string {
  const seen = o.seen ?? 'absent';
  switch (o.check) {
    case 'signature':
      return `the header has ${seen}; a client accepts ${o.expected}`;
    case 'iss':
      return `iss is ${seen}, your issuer is ${o.expected}`;
    case 'aud':
      return `aud is ${seen}, your client id is ${o.expected}`;
    case 'exp':
    case 'iat':
      return o.expected === 'a time' ? `${o.check} is ${seen}` : `${o.check} is ${seen}; it must be ${o.expected}`;
    case 'nonce':
      return o.expected === null ? `nonce is ${seen}` : `nonce is ${seen}, you sent ${o.expected}`;
    case 'azp':
      return o.expected === null ? `azp is ${seen}` : `azp is ${seen}, your client id is ${o.expected}`;
  }
}

/** The consequence of the learner's "valid", in a few words. */
function verdictLine(check: CheckName, fault: Fault): string {
  switch (fault) {
    case 'alg_none':
      return 'you called an unsigned token validly signed — reject it.';
    case 'symmetric_alg':
      return 'you called a shared-secret (HS) signature valid — reject it.';
    case 'expired':
      return 'you called an expired token valid — reject it.';
    case 'aud_is_issuer':
    case 'mismatch':
      if (check === 'aud') return 'a token for another app — reject it.';
      if (check === 'iss') return 'a token from another server — reject it.';
      if (check === 'nonce') return 'a token from another login — reject it.';
      return `you called ${check} valid — reject it.`;
    default:
      return `you called ${check} valid, but a client rejects it.`;
  }
}

function faultCode(check: CheckName, fault: Fault): DiagnosisCode {
  if (fault === 'missing' && check === 'nonce') return 'id_token.nonce_missing';
  if (fault === 'missing' || fault === 'not_a_time') return 'id_token.claim_missing';
  switch (check) {
    case 'signature':
      return fault === 'alg_none'
        ? 'id_token.alg_none'
        : fault === 'symmetric_alg'
          ? 'id_token.symmetric_alg'
          : fault === 'unknown_key'
            ? 'id_token.unknown_key'
            : 'id_token.signature_invalid';
    case 'iss':
      return 'id_token.wrong_issuer';
    case 'aud':
      return 'id_token.wrong_audience';
    case 'exp':
      return 'id_token.expired';
    case 'iat':
      return 'id_token.issued_in_future';
    case 'nonce':
      return 'id_token.nonce_mismatch';
    case 'azp':
      return 'id_token.azp_mismatch';
  }
}

const HINTS: Record<CheckName, (fault: Fault) => string> = {
  signature: (fault) =>
    fault === 'alg_none' || fault === 'symmetric_alg'
      ? "Never let the token's header choose the algorithm: verify with the algorithm your app is set up for (one of the server's id_token_signing_alg_values_supported, e.g. RS256) and the server's public key from the JWKS (HS* only with your client secret, when the server is set up for it)."
      : "Verify the signature with the key from the server's JWKS (jose's jwtVerify with createRemoteJWKSet does it); a decoder such as jwt.io shows the claims of any token, signed or not.",
  iss: () => "Compare iss with your issuer exactly, character for character, as discovery's issuer gives it.",
  aud: (fault) =>
    fault === 'aud_is_issuer'
      ? 'aud of an ID token is a client id — compare it with your own client id, not with the issuer.'
      : 'Compare aud with your own client id: an ID token issued to another app must never log a user in to yours.',
  exp: () =>
    'exp is in seconds since 1970: compare it with the time now (less a small clock skew). A token that decodes fine can still be expired.',
  iat: () => 'Check iat too: a token issued later than now (plus a small clock skew) comes from a wrong clock or a forger.',
  nonce: () =>
    "Keep the nonce you sent in the authorization request and compare it with the token's: missing or different means the token is not the answer to your login.",
  azp: () => 'When azp is present it must be your client id; when aud lists several apps azp must be there.',
};

const WRONGLY_REJECTED: Record<CheckName, string> = {
  signature: "The signature verifies with the server's published key: that is what a valid signature is. Call it valid.",
  iss: 'iss equals your issuer exactly, so this check holds.',
  aud: 'aud of an ID token is your client id (not the issuer, not an API): it matches, so this check holds.',
  exp: 'exp is seconds since 1970 (not milliseconds), and a client allows a small clock skew: this token has not expired.',
  iat: 'iat in the past, or within the clock skew, is what a freshly issued token has.',
  nonce: 'The nonce equals the one you sent: that is the check passing.',
  azp: 'azp is your client id, so this check holds.',
};

function decision(outcomes: CheckOutcome[], accepted: boolean): string {
  if (accepted) return 'Overall, a client accepts this token: every check holds.';
  const failed = outcomes.filter((o) => o.verdict === 'invalid').map((o) => o.check);
  if (outcomes[0]!.verdict === 'invalid') {
    return `Overall, a client rejects this token: its signature fails, so whatever its claims say could have been written by anyone (failing: ${failed.join(', ')}).`;
  }
  if (failed.length === 0) return "Overall, the lab could not decide: the server's keys were not available to check the signature.";
  return `Overall, a client rejects this token: ${failed.join(', ')} ${failed.length === 1 ? 'fails' : 'fail'}.`;
}

function readVerdict(verdicts: object, check: CheckName): 'valid' | 'invalid' | null {
  const value: unknown = Object.hasOwn(verdicts, check) ? (verdicts as Record<string, unknown>)[check] : undefined;
  return value === 'valid' || value === 'invalid' ? value : null;
}

/** Starts a sentence: "the header…" capitalised; a claim name (aud, iss…) stays as it is written. */
const capitalize = (text: string) => (text.startsWith('the ') ? `T${text.slice(1)}` : text);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
