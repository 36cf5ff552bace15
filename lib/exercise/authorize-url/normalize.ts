/**
 * Reading a pasted authorization URL the way a browser and the authorization server will:
 * what a paste adds is removed, then the query is split into parameters and decoded once.
 */

/** One parameter of the query, as the server will read it. */
export interface Param {
  /** Decoded name. */
  name: string;
  /** As pasted (after whitespace removal); null when the piece had no `=`. */
  rawValue: string | null;
  /** Decoded the way the server decodes it (`+` → space, percent-decoding). */
  value: string;
}

/** How many characters of a pasted URL or value a message quotes. */
export const MAX_QUOTE = 60;

/**
 * Removes what a paste adds around and inside a URL: zero-width characters, wrapping quotes
 * or angle brackets, line breaks with their indentation (the seed's template is multi-line)
 * and stray spaces. The one exception: spaces between scope names are real separators (a
 * browser sends them as `%20`), so there they become `%20` instead of vanishing.
 */
export function normalizeUrlText(input: string): string {
  let text = input.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  const wrapped = /^(["'`<\u201C\u2018])([\s\S]*)(["'`>\u201D\u2019])$/.exec(text);
  if (wrapped && wrapped[2]) text = wrapped[2].trim();
  // A whitespace run holding a line break goes as a whole, with the indentation around it;
  // other runs stay for now. One match per run: `[^\S\r\n]*[\r\n]\s*` retried from every
  // space of a long run without a line break (quadratic).
  text = text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? '' : run));
  // Nothing left to remove (as in most pastes, and in thousands of "&" without a space):
  // skip the per-parameter pass.
  if (!/\s/.test(text)) return text;
  const queryStart = text.indexOf('?');
  if (queryStart < 0) return text.replace(/\s+/g, '');
  const rest = text.slice(queryStart + 1);
  const hashStart = rest.indexOf('#');
  const query = hashStart < 0 ? rest : rest.slice(0, hashStart);
  const fragment = hashStart < 0 ? '' : rest.slice(hashStart);
  const pieces = query.split('&').map((piece) => {
    const eq = piece.indexOf('=');
    if (eq < 0) return piece.replace(/\s+/g, '');
    const name = piece.slice(0, eq).replace(/\s+/g, '');
    const value = piece.slice(eq + 1).trim();
    return `${name}=${name === 'scope' ? value.replace(/\s+/g, '%20') : value.replace(/\s+/g, '')}`;
  });
  return `${text.slice(0, queryStart).replace(/\s+/g, '')}?${pieces.join('&')}${fragment.replace(/\s+/g, '')}`;
}

/** The text as a URL (WHATWG parsing, as a browser does), or null when it is not one. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Decodes like `application/x-www-form-urlencoded` (what servers do): `+` is a space, bad escapes stay as they are. */
export function formDecode(raw: string): string {
  // Nothing to decode (the common case, and thousands of pieces in a hostile paste): skip the
  // URLSearchParams object. Surrogates take the slow path, which turns lone ones into U+FFFD.
  if (!/[%+\uD800-\uDFFF]/.test(raw)) return raw;
  return new URLSearchParams(`v=${raw}`).get('v') ?? '';
}

/** One more percent-decoding round, for spotting double encoding. */
export function decodeAgain(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Splits a query into parameters, in order, keeping repeated names (each one a `Param`).
 * @see https://url.spec.whatwg.org/#urlencoded-parsing
 */
export function parseParams(rawQuery: string): Param[] {
  const params: Param[] = [];
  // A loop over "&" positions: empty pieces ("&&&…") cost nothing, not an array entry each.
  for (let start = 0; start <= rawQuery.length;) {
    const amp = rawQuery.indexOf('&', start);
    const end = amp < 0 ? rawQuery.length : amp;
    if (end > start) {
      const piece = rawQuery.slice(start, end);
      const eq = piece.indexOf('=');
      const rawName = eq < 0 ? piece : piece.slice(0, eq);
      const rawValue = eq < 0 ? null : piece.slice(eq + 1);
      params.push({ name: formDecode(rawName), rawValue, value: formDecode(rawValue ?? '') });
    }
    start = end + 1;
  }
  return params;
}

/** Spaces a pasted scope holds as they are (a plain, tab or no-break space), which a URL cannot carry. */
const RAW_SPACE = /[ \t\u00A0\u2007\u202F]/;

/**
 * The scope value as pasted when it holds a raw space between scopes (issue 19, class 5):
 * `normalizeUrlText` reads it as `%20`, but the same URL pasted into an address bar, a
 * terminal or a chat ends there or joins the scopes. Line breaks with their indentation (the
 * template is multi-line) are not such spaces. Null when there is none. Linear.
 */
export function rawSpaceInScope(input: string): { value: string; char: string } | null {
  const text = input.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? '' : run));
  const at = text.search(/[?&]scope=/);
  if (at < 0) return null;
  const start = text.indexOf('=', at) + 1;
  let end = start;
  while (end < text.length && text[end] !== '&' && text[end] !== '#') end += 1;
  const value = text.slice(start, end).trim();
  const space = RAW_SPACE.exec(value);
  return space ? { value: value.slice(0, 200), char: space[0] } : null;
}
