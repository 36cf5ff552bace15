/**
 * Why a value that looks right is not the expected one (issue 19, class 3). A client ID with
 * a trailing `%20` shown beside the expected one reads as two equal strings; the learner needs
 * the difference named: the invisible or look-alike character and where it is, each layer
 * of percent-encoding, the character that ended the value early, the typo.
 *
 * Every function is linear in its inputs (the edit distance is banded: at most MAX_EDITS
 * edits are looked for), and inputs are cut to MAX_LENGTH characters first. Pure and
 * browser-safe.
 */

const MAX_LENGTH = 2000;
const MAX_EDITS = 2;
const MAX_DECODE_LAYERS = 3;

/** Characters that do not show, or show as something else: their names, as Unicode has them. */
const INVISIBLE: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u00A0': 'a non-breaking space (U+00A0)',
  '\u200B': 'a zero-width space (U+200B)',
  '\u200C': 'a zero-width non-joiner (U+200C)',
  '\u200D': 'a zero-width joiner (U+200D)',
  '\u2060': 'a word joiner (U+2060)',
  '\uFEFF': 'a byte order mark (U+FEFF)',
  '\u00AD': 'a soft hyphen (U+00AD)',
  '\u2028': 'a line separator (U+2028)',
  '\u202F': 'a narrow no-break space (U+202F)',
};

/** How a single character is named in a message: visible ASCII as itself, anything else by name or code point. */
export function nameCharacter(char: string): string {
  if (INVISIBLE[char]) return INVISIBLE[char];
  const point = char.codePointAt(0) ?? 0;
  const hex = point.toString(16).toUpperCase().padStart(4, '0');
  if (point < 0x20 || point === 0x7f) return `a control character (U+${hex})`;
  if (point > 0x7e) return `“${char}” (U+${hex}, not the ASCII letter it may look like)`;
  return `“${char}”`;
}

/** Where in a value a position is, in words. */
function where(index: number, length: number): string {
  if (index === 0) return 'at the start';
  if (index >= length - 1) return 'at the end';
  return `after character ${index}`;
}

/** Percent-decodes once; null when the text has nothing to decode or is not valid percent-encoding. */
function decodeOnce(text: string): string | null {
  if (!text.includes('%')) return null;
  try {
    const decoded = decodeURIComponent(text);
    return decoded === text ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * Edit distance between two strings when it is at most `max` (else null), with Ukkonen's
 * band: O((a + b) × max).
 */
export function boundedEditDistance(a: string, b: string, max: number = MAX_EDITS): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  let previous = new Map<number, number>();
  for (let j = 0; j <= Math.min(b.length, max); j += 1) previous.set(j, j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Map<number, number>();
    let best = Infinity;
    for (let j = Math.max(0, i - max); j <= Math.min(b.length, i + max); j += 1) {
      const cost =
        j === 0
          ? i
          : Math.min(
              (previous.get(j) ?? Infinity) + 1,
              (current.get(j - 1) ?? Infinity) + 1,
              (previous.get(j - 1) ?? Infinity) + (a[i - 1] === b[j - 1] ? 0 : 1),
            );
      current.set(j, cost);
      best = Math.min(best, cost);
    }
    if (best > max) return null;
    previous = current;
  }
  const distance = previous.get(b.length);
  return distance !== undefined && distance <= max ? distance : null;
}

/**
 * One sentence naming how `seen` differs from `expected`, or null when nothing specific can
 * be said (the values are simply different). Examples:
 * - `it ends with %20, an encoded space`;
 * - `it has a zero-width space (U+200B) after character 8`;
 * - `it is percent-encoded twice: %2520 decodes to %20, which decodes to a space`;
 * - `it differs only in upper and lower case`;
 * - `one character differs: “locahost” where “localhost” was expected (“l” missing after “loca”)`.
 */
export function explainDifference(seenInput: string, expectedInput: string): string | null {
  const seen = seenInput.slice(0, MAX_LENGTH);
  const expected = expectedInput.slice(0, MAX_LENGTH);
  if (seen === expected) return null;

  // Encoding layers: decoding the seen value step by step reaches the expected one.
  const layers: string[] = [seen];
  for (let i = 0; i < MAX_DECODE_LAYERS; i += 1) {
    const decoded = decodeOnce(layers.at(-1)!);
    if (decoded === null) break;
    layers.push(decoded);
    if (decoded === expected || decoded.trim() === expected) break;
  }
  const decodedEnd = layers.at(-1)!;
  if (layers.length > 2 && (decodedEnd === expected || decodedEnd.trim() === expected)) {
    const steps = layers.slice(1).map((layer) => `decodes to ${quoteShort(layer)}`);
    return `it is percent-encoded ${layers.length === 3 ? 'twice' : `${layers.length - 1} times`}: ${quoteShort(seen)} ${steps.join(', which ')} — encode it once only`;
  }

  // Extra characters around an otherwise equal value (spaces, %20, invisible characters).
  const extra = extraAround(seen, expected);
  if (extra !== null) return extra;

  // Invisible or look-alike characters inside.
  if (seen.length === expected.length || seen.length === expected.length + 1) {
    for (let i = 0; i < seen.length; i += 1) {
      const char = seen[i]!;
      if (char !== expected[i] && (INVISIBLE[char] || char.charCodeAt(0) > 0x7e)) {
        return `it has ${nameCharacter(char)} ${where(i, seen.length)} where ${expected[i] === undefined ? 'nothing' : `“${expected[i]}”`} was expected`;
      }
    }
  }

  if (seen.toLowerCase() === expected.toLowerCase()) return 'it differs only in upper and lower case, which count here';

  // The value ends early: something in it ended it (in a URL: #, & or ?).
  if (expected.startsWith(seen) && seen.length > 0) {
    const next = expected[seen.length]!;
    return `it stops after ${quoteShort(seen)}: the expected value goes on with ${quoteShort(expected.slice(seen.length))}${
      '#&?+ '.includes(next) ? ` — the “${next}” in it ended the value early` : ''
    }`;
  }

  const distance = boundedEditDistance(seen, expected);
  if (distance !== null) {
    const edit = describeFirstEdit(seen, expected);
    const count = edit.includes('swapped')
      ? 'two characters are swapped'
      : distance === 1
        ? 'one character differs'
        : `${distance} characters differ`;
    return `${count}: ${quoteShort(seen)} where ${quoteShort(expected)} was expected (${edit})`;
  }
  return null;
}

/** A value with only extra characters before or after `expected`. */
function extraAround(seen: string, expected: string): string | null {
  const at = seen.indexOf(expected);
  if (at < 0 || expected === '') return null;
  const before = seen.slice(0, at);
  const after = seen.slice(at + expected.length);
  const describe = (part: string) =>
    part === '/'
      ? 'a trailing slash'
      : /^(?:%20)+$/i.test(part)
        ? `${part}, an encoded space`
        : /^(?:\+)+$/.test(part)
          ? `“${part}”, a space as a form encodes it`
          : [...part].map(nameCharacter).join(', ');
  const parts = [before ? `starts with ${describe(before)}` : null, after ? `ends with ${describe(after)}` : null].filter(Boolean);
  return `it ${parts.join(' and ')} — the expected value has nothing there`;
}

/** Where two strings first differ, in words: the first missing, extra or changed character. */
function describeFirstEdit(seen: string, expected: string): string {
  let i = 0;
  while (i < seen.length && i < expected.length && seen[i] === expected[i]) i += 1;
  const after = i > 0 ? ` after “${seen.slice(Math.max(0, i - 8), i)}”` : ' at the start';
  if (seen.slice(i) === expected.slice(i + 1)) return `“${expected[i]}” missing${after}`;
  if (seen.slice(i + 1) === expected.slice(i)) return `${nameCharacter(seen[i]!)} extra${after}`;
  if (seen[i] === expected[i + 1] && seen[i + 1] === expected[i]) return `“${expected[i]}${expected[i + 1]}” swapped${after}`;
  return `${nameCharacter(seen[i] ?? '')} instead of “${expected[i] ?? ''}”${after}`;
}

function quoteShort(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `“${[...shown].map((char) => (INVISIBLE[char] && char !== ' ' ? `[${nameCharacter(char)}]` : char)).join('')}”`;
}
