/**
 * The byte encodings the shell recipes produce and read: base64 (RFC 4648 §4) and base64url
 * (§5), each with or without its `=` padding, and hex text as `shasum`, `sha256sum` and
 * `openssl dgst` print it. Table-driven, one pass, browser-safe (no Buffer, no btoa).
 * @see https://www.rfc-editor.org/rfc/rfc4648
 */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The value of each base64 or base64url character (both alphabets at once), -1 for any other. */
const VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i += 1) values[STANDARD.charCodeAt(i)] = i;
  values['-'.charCodeAt(0)] = 62;
  values['_'.charCodeAt(0)] = 63;
  return values;
})();

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** Bytes as UTF-8 text; invalid sequences become U+FFFD. */
export const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Standard base64 with `=` padding, as `base64`, `openssl base64 -A` and .NET's ToBase64String print it. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += STANDARD[a >> 2];
    out += STANDARD[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : STANDARD[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : STANDARD[c & 63];
  }
  return out;
}

/** The text without its trailing `=` padding (a loop: `/=+$/` would retry from every `=` of a long run). */
export function withoutPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  return text.slice(0, end);
}

/** base64 → base64url: `+` → `-`, `/` → `_`; the padding stays (callers drop it when the recipe does). */
export const toUrlAlphabet = (text: string): string => text.replaceAll('+', '-').replaceAll('/', '_');

/** BASE64URL of RFC 7636 §3: the URL-safe alphabet, no padding. */
export const toBase64Url = (bytes: Uint8Array): string => withoutPadding(toUrlAlphabet(toBase64(bytes)));

/** Lowercase hex, as the digest tools print it. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * Decodes base64 or base64url, either alphabet and with or without padding (what a
 * lenient server accepts); null when a character belongs to neither alphabet, padding sits
 * anywhere but at the end, or the length cannot be base64.
 */
export function decodeBase64Loose(text: string): Uint8Array | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */ && text.length - end < 2) end -= 1;
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let n = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n] = (buffer >> bits) & 0xff;
      n += 1;
    }
  }
  return out.subarray(0, n);
}

/** SHA-256 with WebCrypto, present in browsers and in Node 20 as `globalThis.crypto`. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
}
