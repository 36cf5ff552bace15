/**
 * Where a pasted text stops being JSON, and how to say so. Engines word (and locate) JSON
 * errors differently — Node 20 often gives no position at all — so a small scanner finds
 * the first error itself; the explanations turn it into words a learner can act on. Also
 * the structural helpers the paste parser needs: brace matching and nesting depth.
 *
 * Pure and browser-safe: no Node built-ins.
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */
import { quote } from '../report';

type SyntaxProblem =
  | 'value'
  | 'property_name'
  | 'colon'
  | 'comma_or_close_object'
  | 'comma_or_close_array'
  | 'string_end'
  | 'control_char'
  | 'escape'
  | 'number'
  | 'trailing_text'
  | 'too_deep';

export interface SyntaxErrorAt {
  offset: number;
  problem: SyntaxProblem;
  /** The token the error follows, for hints such as "trailing comma". */
  after: ',' | null;
}

class JsonScanError extends Error {
  constructor(readonly at: SyntaxErrorAt) {
    super(at.problem);
  }
}

/** Deeper JSON is no token response; the scanner stops there (see parseResponse). */
export const MAX_DEPTH = 512;
/** Sticky: matches at the scanner's position only, without copying the rest of the text. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Returns where the text stops being JSON, or null when it is valid.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-2
 */
export function locateJsonSyntaxError(text: string): SyntaxErrorAt | null {
  let i = 0;
  const err = (problem: SyntaxProblem, after: ',' | null = null): never => {
    throw new JsonScanError({ offset: i, problem, after });
  };
  const skipWhitespace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const scanString = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) err('string_end');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) err('control_char');
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) err('escape');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i++;
        } else {
          err('escape');
        }
      } else {
        i++;
      }
    }
  };
  const scanNumber = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) err('number');
    i += m![0].length;
  };
  const scanValue = (depth: number, after: ',' | null) => {
    if (depth > MAX_DEPTH) err('too_deep');
    skipWhitespace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return;
      }
      let afterComma: ',' | null = null;
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') err('property_name', afterComma);
        scanString();
        skipWhitespace();
        if (text[i] !== ':') err('colon');
        i++;
        scanValue(depth + 1, null);
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          afterComma = ',';
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        err('comma_or_close_object');
      }
    }
    if (c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let first = true; ; first = false) {
        scanValue(depth + 1, first ? null : ',');
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        err('comma_or_close_array');
      }
    }
    if (c === '"') return scanString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return scanNumber();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    err('value', after);
  };

  try {
    scanValue(0, null);
    skipWhitespace();
    if (i < text.length) err('trailing_text');
    return null;
  } catch (e) {
    if (e instanceof JsonScanError) return e.at;
    throw e;
  }
}

const EXPECTED: Record<SyntaxProblem, string> = {
  value: 'a value',
  property_name: 'a field name in double quotes',
  colon: 'a ":" after the field name',
  comma_or_close_object: 'a "," or "}"',
  comma_or_close_array: 'a "," or "]"',
  string_end: 'the closing " of a string',
  control_char: 'the closing " of a string',
  escape: 'a valid escape after "\\"',
  number: 'a number',
  trailing_text: 'the end of the JSON',
  too_deep: 'less nesting',
};

/** What a JSON error's line, column and character mean to a learner, and what to do about it. */
export interface SyntaxExplanation {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** The whole line the error is on, for quoting around `column` (redact it first). */
  lineText: string;
  /** The character found there, in words ("a line break", "the end of the text"…). */
  found: string;
  /** What JSON needed there ("a "," or "}""…). */
  expected: string;
  hint: string;
}

/**
 * Explains the first syntax error of a text that is not JSON: where, what was found, what
 * was expected, and the likely cause (an HTML page, the curl command, a cut-off paste…).
 */
export function explainSyntaxError(text: string): SyntaxExplanation {
  const at = locateJsonSyntaxError(text) ?? { offset: 0, problem: 'value' as const, after: null };
  const before = text.slice(0, at.offset);
  const line = before.split('\n').length;
  const column = at.offset - (before.lastIndexOf('\n') + 1) + 1;
  const ch = text[at.offset];
  const found = describeCharacter(ch);
  return {
    line,
    column,
    lineText: text.split('\n')[line - 1] ?? '',
    found,
    expected: EXPECTED[at.problem],
    hint: syntaxHint(text, at, ch),
  };
}

function syntaxHint(text: string, at: SyntaxErrorAt, ch: string | undefined): string {
  const start = text.trimStart();
  if (/^<(?:!doctype|html|\?xml)/i.test(start)) {
    return "This is an HTML page, not the token endpoint's JSON: the URL in your curl command is probably wrong (it must be the token endpoint, e.g. …/v1/token) or the server redirected to a login page.";
  }
  if (/^https?:\/\//i.test(start)) {
    return 'This is a URL. Run the curl command from this step (it sends your code to the token endpoint) and paste the JSON it prints.';
  }
  if (/^curl\s|^\$\s*curl\s/.test(start)) {
    return 'This is the curl command itself. Run it in a terminal and paste the JSON it prints.';
  }
  if (ch === undefined) {
    return 'The text ends before the JSON does: it was cut off while copying. Copy the whole response, up to and including the final }.';
  }
  if (at.problem === 'control_char') {
    return 'A quoted value is split over two lines — the terminal or an email wrapped a long token. Copy the response again without line breaks inside the values.';
  }
  if ((at.problem === 'property_name' || at.problem === 'value') && at.after === ',' && (ch === '}' || ch === ']')) {
    return `Remove the comma right before this ${ch}: JSON does not allow a trailing comma.`;
  }
  if (ch === "'") {
    return "JSON uses double quotes (\") around names and strings, not single quotes ('). Paste the server's response unchanged.";
  }
  if (at.problem === 'property_name' && /[A-Za-z_]/.test(ch)) {
    return 'Field names must be in double quotes, e.g. "access_token". Paste the server\'s response unchanged instead of retyping it.';
  }
  if ((at.problem === 'comma_or_close_object' || at.problem === 'comma_or_close_array') && (ch === '"' || ch === '{' || ch === '[')) {
    return "A comma is missing between two fields. Paste the server's response unchanged; something was lost while copying.";
  }
  if (at.problem === 'trailing_text') {
    return 'There is more text after the JSON ends. Paste only one JSON object, from { to }.';
  }
  return 'Paste exactly what the server returned, from { to }, without editing it. Use a plain-text copy from the terminal.';
}

function describeCharacter(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  if (ch === ' ') return 'a space';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return quote(ch);
}

/**
 * The index of the "{" that the "}" at `close` closes, scanning backwards, or -1. In valid
 * JSON a `"` ends (or starts) a string exactly when an even number of backslashes precedes
 * it, which is what makes a backward scan exact for the text that matters here.
 */
export function matchingOpenBrace(text: string, close: number): number {
  let depth = 0;
  let inString = false;
  for (let i = close; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let backslashes = 0;
      while (i - 1 - backslashes >= 0 && text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) inString = !inString;
      // The backslashes belong to this quote (or to text before a string): skip them once.
      i -= backslashes;
    } else if (!inString) {
      if (c === 0x7d /* } */) depth++;
      else if (c === 0x7b /* { */ && --depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Whether a parsed JSON value nests objects and arrays more than `max` levels deep. Iterative
 * (the value may be nested tens of thousands of levels) and stops at the first level too deep.
 */
export function isNestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
