/**
 * The PKCE rules: `code_challenge` must be BASE64URL(SHA256(code_verifier)), 43 characters,
 * and `code_challenge_method` must be `S256`.
 */
import type { AuthorizeUrlExpectations } from './index';
import { MAX_QUOTE, type Param } from './normalize';
import { type CheckResult, fail, quote } from '../report';
import { stepRef } from '../steps';

/** BASE64URL(SHA256(x)) of values a buggy helper hashes: "", "undefined", "null". */
const CHALLENGES_OF_EMPTY_VERIFIERS: Readonly<Record<string, string>> = {
  '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU': 'an empty string',
  '6wRdeNJzEHNIsDAMAdKbdVLWIqu8b6-Bs-xVNZqplQw': 'the text "undefined"',
  'dCNOmK_nSY-12vHzasLXiswzlGT5UHA7jAGYkvmCuQs': 'the text "null"',
};

/** The text a base64 or base64url value decodes to, when it is printable text (null otherwise). */
function decodedText(value: string): string | null {
  if (value.length > 400) return null;
  try {
    const text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    return /^[\x20-\x7e\n]*$/.test(text) ? text : null;
  } catch {
    return null;
  }
}

/** Whether the value is base64 or base64url of a hex string (`shasum` / `openssl dgst` output encoded again). */
function decodesToHex(value: string): boolean {
  return /^[0-9a-f]{64}\n?$/i.test(decodedText(value) ?? '');
}

/** What `openssl dgst -sha256` or `shasum -a 256` print: a label or a file name around the hex of the hash. */
const PRINTED_HASH = /^(?:(?:SHA2?-?256)?\(stdin\)=\s*([0-9a-f]{64})|([0-9a-f]{64})\s+-)$/i;

/**
 * `code_challenge` must be an S256 challenge, not hex, standard base64, the verifier or the hash of nothing.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2 S256 challenge: 32 bytes, base64url without padding = 43 characters
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1 the verifier: 43–128 unreserved characters
 */
export function checkCodeChallenge(p: Param, _expected: AuthorizeUrlExpectations, byName: Map<string, Param[]>): CheckResult[] {
  const raw = p.rawValue ?? '';
  const value = p.value;
  const shown = quote(raw, MAX_QUOTE);
  const notBase64url = (why: string, hint: string) => [
    fail('code_challenge', 'code_challenge.not_base64url', `code_challenge ${shown} ${why}`, hint),
  ];
  if (/^[0-9a-f]{64}$/i.test(value)) {
    return notBase64url(
      'is 64 hexadecimal characters: a SHA-256 hash written in hex.',
      'Encode the 32 raw bytes of the hash with base64url instead of hex (the "Calculate Hash" helper does it): the result is 43 characters.',
    );
  }
  // Decoded before the alphabet is judged (issue 19): base64 of the hash's hex text is two
  // mistakes at once, and naming only the alphabet would leave the hex in.
  const printed = PRINTED_HASH.exec(value.trim());
  if (printed) {
    return [
      fail(
        'code_challenge',
        'code_challenge.malformed',
        `code_challenge ${shown} is what the hashing command printed: a label and the hash in hex, not the challenge.`,
        "Hash the raw bytes and encode them with base64url: printf '%s' \"$CODE_VERIFIER\" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=' (43 characters).",
      ),
    ];
  }
  const decoded = decodedText(value.replace(/ /g, '+'));
  const printedThenEncoded = decoded === null ? null : PRINTED_HASH.exec(decoded.trim());
  if (decoded !== null && printedThenEncoded) {
    const label = decoded.trim().slice(0, 24);
    return [
      fail(
        'code_challenge',
        'code_challenge.malformed',
        `code_challenge is ${value.length} characters and decodes to the text ${quote(`${label}…`, 40)}: the hashing command (openssl dgst without -binary) printed its report, and that text was encoded instead of the hash.`,
        "Add -binary so openssl outputs the raw 32 bytes, then encode those with base64url: printf '%s' \"$CODE_VERIFIER\" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=' (43 characters).",
      ),
    ];
  }
  if (decodesToHex(value.replace(/ /g, '+'))) {
    // The root cause is the hex text (issue 19, class 6): fixing only the alphabet would leave it in.
    const standard = /[+/=]|%2B|%2F|%3D/i.test(raw);
    return [
      fail(
        'code_challenge',
        'code_challenge.malformed',
        `code_challenge ${shown} is the ${standard ? 'standard base64' : 'base64url'} encoding of a hex string (${value.length} characters): the hash was written out in hex before it was encoded.`,
        'Encode the 32 raw bytes of the hash, not its hex text, with base64url: openssl dgst -sha256 -binary (not without -binary, not shasum), then base64url without padding — 43 characters.',
      ),
    ];
  }
  if (/[+/=]|%2B|%2F|%3D/i.test(raw)) {
    return notBase64url(
      `uses standard base64 ("+", "/" or "=" padding)${raw.includes('+') ? '; a "+" even turns into a space in a URL' : ''}.`,
      'Use base64url: replace "+" with "-", "/" with "_", and drop the trailing "=". The result is 43 characters.',
    );
  }
  const verifier = byName.get('code_verifier')?.[0]?.value;
  if (verifier && verifier === value) {
    return [
      fail(
        'code_challenge',
        'code_challenge.is_verifier',
        'code_challenge is the code verifier itself.',
        `Send BASE64URL(SHA256(verifier)) as code_challenge (press "Calculate Hash") and keep the verifier for ${stepRef('token')}.`,
      ),
    ];
  }
  if (/^[A-Za-z0-9_-]{43}$/.test(value)) {
    const hashed = CHALLENGES_OF_EMPTY_VERIFIERS[value];
    if (!hashed) return [];
    return [
      fail(
        'code_challenge',
        'code_challenge.empty_verifier',
        `code_challenge is the SHA-256 hash of ${hashed}, so the code verifier was empty when it was hashed.`,
        'Generate a code verifier first ("Generate Random String"), then "Calculate Hash", and copy the new Code Challenge.',
      ),
    ];
  }
  if (value.length === 86 && value.slice(0, 43) === value.slice(43)) {
    return [
      fail(
        'code_challenge',
        'code_challenge.malformed',
        'code_challenge holds the same 43-character challenge twice in a row.',
        'Paste the Code Challenge once: an S256 challenge is exactly 43 characters.',
      ),
    ];
  }
  if (/^[A-Za-z0-9._~-]{43,128}$/.test(value)) {
    return [
      fail(
        'code_challenge',
        'code_challenge.is_verifier',
        `code_challenge ${shown} is ${value.length} characters and looks like a code verifier; an S256 challenge is always 43 base64url characters.`,
        `Hash the verifier: code_challenge = BASE64URL(SHA256(code_verifier)) ("Calculate Hash"). Keep the verifier for ${stepRef('token')}.`,
      ),
    ];
  }
  const bad = [...new Set(value.replace(/[A-Za-z0-9_-]/g, ''))].join('');
  return [
    fail(
      'code_challenge',
      'code_challenge.malformed',
      `code_challenge ${shown} is ${value.length} characters${bad ? ` and contains ${quote(bad, 20)}, which base64url never uses` : ''}; an S256 challenge is always 43.`,
      'Copy the whole Code Challenge from the PKCE helper (letters, digits, "-" and "_", 43 characters).',
    ),
  ];
}

/**
 * `code_challenge_method` must be exactly `S256` (method names are case-sensitive; `plain` is refused).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export function checkCodeChallengeMethod(p: Param): CheckResult[] {
  const value = p.value;
  if (value === 'S256') return [];
  if (value === 'plain') {
    return [
      fail(
        'code_challenge_method',
        'code_challenge_method.plain',
        'code_challenge_method is "plain": the challenge would be the verifier itself, readable by anyone who sees the URL.',
        'Use code_challenge_method=S256 with a hashed challenge; the practice server refuses "plain".',
      ),
    ];
  }
  const caseOnly = value.toLowerCase() === 's256';
  return [
    fail(
      'code_challenge_method',
      'code_challenge_method.invalid',
      `code_challenge_method is ${quote(value, 30)}${caseOnly ? ': method names are case-sensitive' : ', which is not a PKCE method'}.`,
      'Write exactly "S256" (capital S).',
    ),
  ];
}
