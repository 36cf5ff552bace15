/**
 * Reading what the learner entered in a discovery field: what copying adds around a value
 * (quotes, a whole JSON line, `scope=`), a JSON document pasted whole, a placeholder, and
 * where two values part. Every function is linear in its input. Pure and browser-safe.
 */
import { findPlaceholder } from '../authorize-url/params';
import { nameCharacter } from '../explain-difference';

/** Quote pairs a copied value comes wrapped in: JSON's, a shell's, a word processor's, Markdown's. */
const CLOSING: Record<string, string> = { '"': '"', "'": "'", '`': '`', '\u201C': '\u201D', '\u2018': '\u2019', '\u00AB': '\u00BB' };

export interface Unwrapped {
  /** The value inside whatever surrounded it. */
  value: string;
  /** What surrounded it, in words ("quotes", "the JSON line “jwks_uri”: …"), or null. */
  wrapper: string | null;
}

/**
 * Takes a value out of what it was copied with: `"https://…"`, `"jwks_uri": "https://…",`
 * and (for a scope) `scope=api:read`. Written with indexOf, not a regex, so a 64 KiB run of
 * quotes costs one pass.
 */
export function unwrap(input: string, prefixes: readonly string[] = []): Unwrapped {
  let value = input.trim();
  let wrapper: string | null = null;
  // A JSON line: "name": "value" (with its trailing comma).
  if (value.startsWith('"')) {
    const nameEnd = value.indexOf('"', 1);
    const rest = nameEnd > 0 ? value.slice(nameEnd + 1).trimStart() : '';
    if (rest.startsWith(':')) {
      const name = value.slice(1, nameEnd);
      value = rest.slice(1).trim();
      wrapper = `the JSON line “"${name.length > 40 ? `${name.slice(0, 39)}…` : name}": …”`;
    }
  }
  if (value.endsWith(',') && value.length > 1 && CLOSING[value[0]!] !== undefined) value = value.slice(0, -1).trimEnd();
  const close = CLOSING[value[0] ?? ''];
  if (close !== undefined && value.length >= 2 && value.endsWith(close)) {
    value = value.slice(1, -1).trim();
    wrapper ??= 'quotes';
  }
  for (const prefix of prefixes) {
    if (value.startsWith(prefix) && value.length > prefix.length) {
      value = value.slice(prefix.length);
      wrapper ??= `“${prefix}” in front`;
    }
  }
  return { value, wrapper };
}

export interface PastedDocument {
  /** What it is, for a message: "a JSON Web Key Set", "the metadata document". */
  what: string;
  /** The value of `key` inside it, when it holds one (a metadata document pasted whole). */
  valueInside: string | null;
  isKeySet: boolean;
}

/**
 * A JSON document pasted where a URL was asked: the key set (the jwks_uri opened and its page
 * copied), one key, or the whole metadata. Null when the text does not start like JSON.
 */
export function pastedDocument(text: string, key: string): PastedDocument | null {
  if (!text.startsWith('{') && !text.startsWith('[')) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Cut short or hand-edited: recognised by its first key names below.
  }
  const head = text.slice(0, 4000);
  const object = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if ((object && Array.isArray(object.keys)) || (!object && /^\{\s*"keys"\s*:/.test(head))) {
    return { what: 'a JSON Web Key Set, the document the JWKS URI serves ({"keys": [...]})', valueInside: null, isKeySet: true };
  }
  if ((object && typeof object.kty === 'string') || (!object && /"kty"\s*:/.test(head))) {
    return { what: 'a single JSON Web Key ({"kty": …}), one entry of the key set', valueInside: null, isKeySet: true };
  }
  if ((object && typeof object.issuer === 'string') || (!object && /"issuer"\s*:/.test(head))) {
    const inside = object?.[key];
    return { what: 'the metadata document itself', valueInside: typeof inside === 'string' ? inside : null, isKeySet: false };
  }
  return { what: 'a JSON document', valueInside: null, isKeySet: false };
}

/** A template's placeholder left in a value: `{yourOktaDomain}`, `YOUR_DOMAIN`, `<tenant>`, `dev-xxxxxx`. */
export function placeholderIn(value: string): string | null {
  const found = findPlaceholder(value);
  if (found !== null) return found;
  // findPlaceholder wants `your_…`; URLs in guides also say yourOktaDomain and dev-xxxxxx.
  return /your(?:okta|auth0)?domain|your-?tenant/i.exec(value)?.[0] ?? /(?:^|[^a-z0-9])(x{4,})(?:[^a-z0-9]|$)/i.exec(value)?.[1] ?? null;
}

/** Characters that do not show: what a copy through a chat or a PDF adds. */
const HIDDEN = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** HIDDEN for one UTF-16 code unit, without a regex call per character (squash runs on 64 KiB). */
function isHidden(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return HIDDEN.test(String.fromCharCode(code));
}

/**
 * The value with what does not show removed (invisible characters, `%20`) and in lower case:
 * two values with the same squash differ only in ways explainDifference names.
 */
export function squash(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    if (isHidden(char.charCodeAt(0))) continue;
    if (char === '%' && value[i + 1] === '2' && value[i + 2] === '0') {
      i += 2;
      continue;
    }
    out += char;
  }
  return out.toLowerCase();
}

/** The first character that does not show, if any. */
export function hiddenCharacter(value: string): string | null {
  for (const char of value) if (HIDDEN.test(char) && char !== ' ') return char;
  return null;
}

const MAX_COMPARED = 2000;

function shown(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `“${[...cut].map((char) => (HIDDEN.test(char) ? `[${nameCharacter(char)}]` : char)).join('')}”`;
}

/**
 * Where two values part, in words: the part they share, then what each has instead.
 * E.g. `after “…default/v1/”, yours has “authorize” where the metadata has “token”`.
 */
export function describeDivergence(seenInput: string, expectedInput: string): string {
  const seen = seenInput.slice(0, MAX_COMPARED);
  const expected = expectedInput.slice(0, MAX_COMPARED);
  const shortest = Math.min(seen.length, expected.length);
  let prefix = 0;
  while (prefix < shortest && seen[prefix] === expected[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && seen[seen.length - 1 - suffix] === expected[expected.length - 1 - suffix]) suffix += 1;
  const seenPart = seen.slice(prefix, seen.length - suffix);
  const expectedPart = expected.slice(prefix, expected.length - suffix);
  const shared = seen.slice(0, prefix);
  const where = prefix === 0 ? 'from the first character' : `after ${shown(shared.length > 30 ? `…${shared.slice(-29)}` : shared)}`;
  if (seenPart === '') return `${where}, the metadata has ${shown(expectedPart)}, which yours lacks`;
  if (expectedPart === '') return `${where}, yours has ${shown(seenPart)}, which the metadata does not`;
  return `${where}, yours has ${shown(seenPart)} where the metadata has ${shown(expectedPart)}`;
}
