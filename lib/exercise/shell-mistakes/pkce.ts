/**
 * PKCE challenges as the usual shell recipes make them (issue 19, class 4). S256 is
 * BASE64URL(SHA256(ASCII(code_verifier))) — the 32 bytes of the hash, base64url without
 * padding — and the usual ways to get it wrong in a shell are few: `echo` adds a newline to
 * what is hashed, `shasum`, `sha256sum` and `openssl dgst` without `-binary` print the hash
 * as hex text (and more: `  -`, `SHA2-256(stdin)= `, a newline) which then gets encoded,
 * `base64` keeps `+`, `/` and `=`. Given the verifier, every such challenge is computed and
 * the one that matches names the mistake.
 *
 * Each candidate has a stable label `input.digest.encoding` (e.g.
 * `verifier.hex_newline.base64url`): the practice server stores only that label, never the
 * verifier, and the token step reads it back with {@link describePkceLabel}.
 *
 * Pure and browser-safe: SHA-256 comes from WebCrypto (async), never from node:crypto.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
import { sha256, toBase64, toBase64Url, toHex, toUrlAlphabet, utf8, withoutPadding } from './encoding';

/** What was hashed. */
export const PKCE_INPUTS = ['verifier', 'verifier_newline', 'verifier_crlf', 'verifier_base64', 'verifier_base64_newline'] as const;
/** What the hash became before it was encoded (`none`: nothing was hashed — the plain method). */
export const PKCE_DIGESTS = [
  'binary',
  'hex',
  'hex_newline',
  'hex_upper',
  'shasum_line',
  'openssl_line',
  'openssl_legacy_line',
  'libressl_line',
  'none',
] as const;
/** How it was encoded (`raw`: not at all). */
export const PKCE_ENCODINGS = ['base64url', 'base64', 'base64_unpadded', 'base64url_padded', 'raw'] as const;

export type PkceInput = (typeof PKCE_INPUTS)[number];
export type PkceDigest = (typeof PKCE_DIGESTS)[number];
export type PkceEncoding = (typeof PKCE_ENCODINGS)[number];

export interface PkceCandidate {
  /** `input.digest.encoding`: a stable identifier, safe to store (it holds nothing of the verifier). */
  label: string;
  input: PkceInput;
  digest: PkceDigest;
  encoding: PkceEncoding;
  /** The code_challenge this recipe makes of the verifier. */
  challenge: string;
}

/** S256 done right. */
export const S256_LABEL = 'verifier.binary.base64url';
/** The plain method: the verifier itself as the challenge. */
export const PLAIN_LABEL = 'verifier.none.raw';

/** What the practice server records when no recipe turns the verifier into the challenge: they do not belong together. */
export const UNRELATED_LABEL = 'unrelated';

/** RFC 7636 §4.1 allows 43–128 characters; anything past this is not worth hashing. */
export const MAX_VERIFIER = 1024;

const INPUT_TEXT: Record<PkceInput, string> = {
  verifier: 'the verifier',
  verifier_newline: 'the verifier plus a newline',
  verifier_crlf: 'the verifier plus a Windows line ending (\\r\\n)',
  verifier_base64: 'the base64 of the verifier',
  verifier_base64_newline: 'the base64 of the verifier plus a newline',
};

const INPUT_MISTAKE: Record<PkceInput, string | null> = {
  verifier: null,
  verifier_newline: 'a newline was hashed with the verifier (echo adds one; printf %s does not)',
  verifier_crlf: 'a Windows line ending was hashed with the verifier (echo in cmd.exe, or a file saved on Windows)',
  verifier_base64: 'the verifier was base64-encoded before it was hashed (hash the verifier text itself)',
  verifier_base64_newline: 'the verifier was base64-encoded, with the newline base64 prints, before it was hashed',
};

const DIGEST_MISTAKE: Record<PkceDigest, string | null> = {
  binary: null,
  hex: 'the hash went on as hex text — encode the 32 bytes of the hash, not their hex spelling (openssl dgst needs -binary)',
  hex_newline: 'the hash went on as hex text with a newline (shasum, sha256sum and openssl dgst print hex; openssl dgst needs -binary)',
  hex_upper: "the hash went on as uppercase hex text (Get-FileHash's .Hash) — encode the 32 bytes of the hash instead",
  shasum_line: 'the whole line shasum or sha256sum prints was encoded (hex text, "  -" and a newline) — encode the 32 bytes of the hash',
  openssl_line: 'the whole line openssl dgst prints was encoded ("SHA2-256(stdin)= " and hex text) — openssl dgst needs -binary',
  openssl_legacy_line: 'the whole line openssl dgst prints was encoded ("(stdin)= " and hex text) — openssl dgst needs -binary',
  libressl_line: 'the whole line openssl dgst prints was encoded ("SHA256(stdin)= " and hex text) — openssl dgst needs -binary',
  none: 'the verifier itself was used as the challenge (that is the plain method; S256 sends its hash)',
};

const ENCODING_MISTAKE: Record<PkceEncoding, string | null> = {
  base64url: null,
  base64: 'it was encoded as base64, not base64url: + and / must become - and _, and the = padding must go',
  base64_unpadded: 'it was encoded as base64, not base64url: + and / must become - and _',
  base64url_padded: 'the = padding was kept: a PKCE challenge has none',
  raw: 'it was not base64url-encoded at all',
};

/** The text a digest form is, from the hash. */
function digestText(digest: Exclude<PkceDigest, 'binary' | 'none'>, hash: Uint8Array): string {
  const hex = toHex(hash);
  switch (digest) {
    case 'hex':
      return hex;
    case 'hex_newline':
      return `${hex}\n`;
    case 'hex_upper':
      return hex.toUpperCase();
    case 'shasum_line':
      return `${hex}  -\n`;
    case 'openssl_line':
      return `SHA2-256(stdin)= ${hex}\n`;
    case 'openssl_legacy_line':
      return `(stdin)= ${hex}\n`;
    case 'libressl_line':
      return `SHA256(stdin)= ${hex}\n`;
  }
}

function encode(encoding: PkceEncoding, bytes: Uint8Array, text: string | null): string | null {
  switch (encoding) {
    case 'base64url':
      return toBase64Url(bytes);
    case 'base64':
      return toBase64(bytes);
    case 'base64_unpadded':
      return withoutPadding(toBase64(bytes));
    case 'base64url_padded':
      return toUrlAlphabet(toBase64(bytes));
    case 'raw':
      return text;
  }
}

const inputText = (input: PkceInput, verifier: string): string => {
  const base64 = toBase64(utf8(verifier));
  switch (input) {
    case 'verifier':
      return verifier;
    case 'verifier_newline':
      return `${verifier}\n`;
    case 'verifier_crlf':
      return `${verifier}\r\n`;
    case 'verifier_base64':
      return base64;
    case 'verifier_base64_newline':
      return `${base64}\n`;
  }
};

/** How many of the three parts differ from S256: simpler explanations are tried first. */
const mistakeCount = (c: Pick<PkceCandidate, 'input' | 'digest' | 'encoding'>): number =>
  (c.input === 'verifier' ? 0 : 1) + (c.digest === 'binary' ? 0 : 1) + (c.encoding === 'base64url' || c.digest === 'none' ? 0 : 1);

/**
 * Every challenge the usual recipes make of `verifier`, simplest explanation first (S256
 * done right is the first); a challenge two recipes make is listed once, under the first.
 * Empty for a verifier longer than {@link MAX_VERIFIER}.
 */
export async function pkceCandidates(verifier: string): Promise<PkceCandidate[]> {
  if (verifier.length > MAX_VERIFIER) return [];
  const all: PkceCandidate[] = [];
  for (const input of PKCE_INPUTS) {
    const hashed = inputText(input, verifier);
    const hash = await sha256(utf8(hashed));
    for (const digest of PKCE_DIGESTS) {
      if (digest === 'none') {
        if (input === 'verifier') all.push({ label: PLAIN_LABEL, input, digest, encoding: 'raw', challenge: verifier });
        continue;
      }
      const text = digest === 'binary' ? null : digestText(digest, hash);
      const bytes = text === null ? hash : utf8(text);
      for (const encoding of PKCE_ENCODINGS) {
        // Raw hex is a challenge a learner can paste; a raw binary hash or a printed line is not.
        if (encoding === 'raw' && digest !== 'hex' && digest !== 'hex_upper') continue;
        const challenge = encode(encoding, bytes, text);
        if (challenge !== null) all.push({ label: `${input}.${digest}.${encoding}`, input, digest, encoding, challenge });
      }
    }
  }
  const ordered = all.map((c, i) => ({ c, i })).sort((a, b) => mistakeCount(a.c) - mistakeCount(b.c) || a.i - b.i);
  const seen = new Set<string>();
  return ordered.flatMap(({ c }) => (seen.has(c.challenge) ? [] : (seen.add(c.challenge), [c])));
}

export interface PkceDiagnosis {
  label: string;
  /** The challenge is S256 of the verifier: no recipe mistake (the two belong together). */
  correct: boolean;
  /** "the base64url of the hex text of the SHA-256 hash of the verifier plus a newline" */
  description: string;
  /** Each thing the recipe did differently from S256, in words (empty when correct). */
  mistakes: string[];
}

/**
 * Which recipe turned `verifier` into `challenge`, or null when none does — then the pair
 * simply does not belong together (the verifier is not the one that was hashed). The
 * challenge is read as a query parameter decodes: line breaks dropped, a space a `+`.
 */
export async function diagnoseChallenge(verifier: string, challenge: string): Promise<PkceDiagnosis | null> {
  if (verifier.length === 0 || verifier.length > MAX_VERIFIER || challenge.length > 4 * MAX_VERIFIER) return null;
  const seen = normalizeChallenge(challenge);
  if (seen === '') return null;
  const match = (await pkceCandidates(verifier)).find((c) => c.challenge === seen);
  return match ? describePkceLabel(match.label) : null;
}

/** A challenge as a server reads it: CR, LF and tabs gone (a wrapped base64 line), a space a `+` (an unencoded `+` in a query). */
export function normalizeChallenge(challenge: string): string {
  let out = '';
  for (const ch of challenge.trim()) {
    if (ch === '\r' || ch === '\n' || ch === '\t') continue;
    out += ch === ' ' ? '+' : ch;
  }
  return out;
}

/** The words for a stored label; null for a label this version does not know. */
export function describePkceLabel(label: string): PkceDiagnosis | null {
  const [input, digest, encoding, extra] = label.split('.');
  if (extra !== undefined || !isOneOf(PKCE_INPUTS, input) || !isOneOf(PKCE_DIGESTS, digest) || !isOneOf(PKCE_ENCODINGS, encoding)) {
    return null;
  }
  if (digest === 'none') {
    return label === PLAIN_LABEL ? { label, correct: false, description: 'the verifier itself', mistakes: [DIGEST_MISTAKE.none!] } : null;
  }
  const hash = `the SHA-256 hash of ${INPUT_TEXT[input]}`;
  const form = digest === 'binary' ? hash : `${formText(digest)} of ${hash}`;
  const description = encoding === 'raw' ? form : `the ${encodingText(encoding)} of ${form}`;
  const mistakes = [INPUT_MISTAKE[input], DIGEST_MISTAKE[digest], ENCODING_MISTAKE[encoding]].filter((m): m is string => m !== null);
  return { label, correct: label === S256_LABEL, description, mistakes };
}

function formText(digest: Exclude<PkceDigest, 'binary' | 'none'>): string {
  switch (digest) {
    case 'hex':
      return 'the hex text';
    case 'hex_newline':
      return 'the hex text, plus a newline,';
    case 'hex_upper':
      return 'the uppercase hex text';
    case 'shasum_line':
      return 'the line shasum prints ("<hex>  -" and a newline)';
    case 'openssl_line':
      return 'the line openssl dgst prints ("SHA2-256(stdin)= <hex>")';
    case 'openssl_legacy_line':
      return 'the line openssl dgst prints ("(stdin)= <hex>")';
    case 'libressl_line':
      return 'the line openssl dgst prints ("SHA256(stdin)= <hex>")';
  }
}

function encodingText(encoding: Exclude<PkceEncoding, 'raw'>): string {
  switch (encoding) {
    case 'base64url':
      return 'base64url';
    case 'base64':
      return 'base64 (with + / and = padding)';
    case 'base64_unpadded':
      return 'base64 (with + and /)';
    case 'base64url_padded':
      return 'base64url with = padding';
  }
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}
