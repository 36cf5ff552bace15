/**
 * Turns what a learner pasted into the "Token Response" / "Refresh Token Response" box into
 * a JSON object, or into results that say exactly what is wrong with the paste.
 *
 * Learners paste far more than the JSON body: `curl -i` / `curl -v` output, text that went
 * through a word processor (smart quotes, non-breaking spaces), a lone token, the command
 * they ran, a shell's "no newline" marker. What can be repaired safely is repaired with a
 * warning, so the rest of the response still gets checked in the same run.
 *
 * Pure and browser-safe: no Node built-ins, no network. lib/client/browser-storage.ts runs it
 * in the browser, so it imports nothing that needs Node (not inspect.ts, whose fingerprints use
 * node:crypto). Where the JSON breaks, and why, is worked out in json-syntax.ts.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';

import { explainSyntaxError, isNestedDeeperThan, locateJsonSyntaxError, matchingOpenBrace, MAX_DEPTH } from './json-syntax';
import { fail, pass, quote, warn, type CheckResult } from '../report';
import { commandSplit, powershellList, readTerminalClues, type TerminalClues } from './terminal-output';
import { detectShell } from '../shell-mistakes/shell';
import { answerCommandFault } from '../paste/command-faults';
import { stripHttpTranscript } from '../paste/http-exchange';
import type { CommandFault } from '../shell-mistakes/faults';

/** The paste parsed into a JSON object (warnings about repairs are in `results`). */
export interface ParsedResponse {
  ok: true;
  /** What else the terminal output says (a broken command, the access token sent as refresh token). */
  clues: TerminalClues;
  body: Record<string, unknown>;
  /**
   * `JSON.stringify(body)`: the same response pasted with other whitespace, with or without
   * headers, gives the same string. Hash it; never store it (it holds the tokens).
   */
  canonical: string;
  results: CheckResult[];
}

/** The paste could not be turned into a JSON object; `results` says why (at least one fail). */
export interface UnparsedResponse {
  ok: false;
  clues?: TerminalClues;
  results: CheckResult[];
}

export type ParseResponseResult = ParsedResponse | UnparsedResponse;

const CHECK = 'json';

/**
 * Parses a pasted token endpoint response (RFC 6749 §5.1 success or §5.2 error JSON).
 *
 * Repairs with a warning: HTTP headers from `curl -i`/`curl -v` (`json.http_headers`),
 * smart quotes and other word-processor characters (`json.smart_quotes`), text around the
 * JSON such as the curl command itself (`json.extra_text`). Fails with `input.empty`,
 * `json.only_access_token`, `json.invalid` (with line, column and the character found) or
 * `json.not_object`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc8259
 */
export function parseResponse(text: string): ParseResponseResult {
  const results: CheckResult[] = [];
  /** The paste is not a parsable response: what was found so far, and why it stops here. */
  const refuse = (result: CheckResult): ParseResponseResult => ({ ok: false, results: [...results, result] });

  if (text.trim() === '') {
    return refuse(
      fail(
        'input',
        'input.empty',
        'Nothing was pasted.',
        'Run the curl command, then paste everything it printed, from the opening { to the closing }.',
      ),
    );
  }

  const clues = readTerminalClues(text);
  if (clues.powershellList) return { ok: false, clues, results: [powershellList()] };
  if (clues.commandFault?.kind === 'continuation' || clues.commandFault?.kind === 'comment')
    results.push(answerCommandFault(clues.commandFault));
  // An & outside quotes cut the command (its fault leads below): what ran after it is its consequence, not a continuation.
  else if (clues.commandSplit !== null && clues.commandFault?.kind !== 'ampersand')
    results.push(commandSplit(clues.commandSplit, detectShell(text).shell));

  let body = text.replace(/^\uFEFF/, '');

  const cleaned = normalizeWordProcessorCharacters(body);
  body = cleaned.text;
  if (cleaned.found.length > 0) {
    results.push(
      warn(
        CHECK,
        'json.smart_quotes',
        `The text contains characters a word processor or chat app puts in: ${cleaned.found.join(', ')}. We replaced them with plain ones and checked it anyway.`,
        'Copy the response straight from the terminal into this box. Editors like Word, Pages or Google Docs turn " into “ ” and can change the tokens themselves.',
      ),
    );
  }

  const stripped = stripHttpTranscript(body);
  body = stripped.body;
  if (stripped.kind === 'powershell') {
    results.push(
      warn(
        CHECK,
        'json.extra_text',
        "The server's JSON is inside PowerShell's error record (after “Invoke-RestMethod :”): PowerShell shows an error answer that way. We checked that JSON.",
        'Nothing to fix in how you ran the command: read the error below. (curl.exe prints the JSON alone.)',
      ),
    );
  } else if (stripped.kind !== null) {
    const what =
      stripped.kind === 'verbose'
        ? 'curl -v output (lines starting with *, > and <)'
        : `HTTP headers from curl -i (starting with ${quote(stripped.statusLine ?? 'HTTP/…', 40)})`;
    results.push(
      warn(
        CHECK,
        'json.http_headers',
        `The paste includes ${what}. We removed them and checked the body.`,
        'Paste only the response body — the JSON from { to }. Run curl without -i and -v to get just the body.',
      ),
    );
  }

  const trimmed = body.trim();
  if (trimmed === '') {
    return refuse(
      fail(
        CHECK,
        'json.invalid',
        'After the HTTP headers there is no response body.',
        'The server answered without a body. Check the status line: a 3xx means the URL redirects (use the exact token endpoint), a 4xx/5xx means the request itself failed. Paste the body once curl prints one.',
      ),
    );
  }

  const lone = describeLoneToken(trimmed);
  if (lone !== null) {
    return refuse(
      fail(
        CHECK,
        'json.only_access_token',
        lone,
        'Paste the whole JSON response the token endpoint returned, from { to }, including token_type, expires_in and refresh_token — not just one value from it.',
      ),
    );
  }

  // JSON.parse accepts any depth, but it is slow on thousands of levels (tens of ms for 64 KiB
  // of "["), and JSON.stringify (the canonical form, the API's answer) overflows the stack past
  // a few thousand. The scanner stops at MAX_DEPTH in linear time: refuse such text before
  // parsing it.
  const tooDeep = locateJsonSyntaxError(trimmed)?.problem === 'too_deep';
  if (tooDeep) return refuse(nestedTooDeep());

  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    const extracted = extractEmbeddedObject(trimmed);
    if (extracted !== null) {
      results.push(
        warn(
          CHECK,
          'json.extra_text',
          `There is text around the JSON (${extracted.around}). We checked only the JSON object inside it.`,
          'Paste only the JSON the server returned, from { to } — not the command or other text around it.',
        ),
      );
      value = extracted.value;
    } else {
      return refuse(describeSyntaxError(trimmed));
    }
  }

  // Belt and braces: what was parsed is never deeper than the scanner allowed.
  if (isNestedDeeperThan(value, MAX_DEPTH + 1)) return refuse(nestedTooDeep());

  if (!isPlainObject(value)) {
    if (typeof value === 'string') {
      const inner = describeLoneToken(value.trim());
      if (inner !== null) {
        return refuse(
          fail(CHECK, 'json.only_access_token', inner, 'Paste the whole JSON response the token endpoint returned, from { to }.'),
        );
      }
    }
    return refuse(
      fail(
        CHECK,
        'json.not_object',
        `This is valid JSON, but ${describeJsonKind(value)}, not an object.`,
        Array.isArray(value)
          ? 'A token response is a single JSON object ({ … }). Paste the object itself, not a list around it.'
          : 'A token response is a JSON object ({ "access_token": …, "token_type": "Bearer", … }). Paste the whole response body.',
      ),
    );
  }

  // The shell changed the command (issue 19): the server's error is its consequence, told after it.
  const cut = clues.commandFault?.kind === 'continuation' || clues.commandFault?.kind === 'comment';
  if (clues.commandFault !== null && !cut && explainsError(clues.commandFault, value)) {
    results.unshift(answerCommandFault(clues.commandFault, { who: 'server', said: serverSaid(value) }));
  }

  const keys = Object.keys(value);
  results.push(
    pass(
      CHECK,
      keys.length > 0
        ? `The response is a JSON object with ${keys.length === 1 ? 'the field' : 'the fields'} ${keys.join(', ')}.`
        : 'The response is a JSON object.',
    ),
  );
  return { ok: true, clues, body: value, canonical: JSON.stringify(value), results };
}

/**
 * Hides what may be secret in a piece of pasted text before it is quoted: long runs of
 * token characters keep a short prefix (`eyJraWQi…`), and values of parameters named like
 * codes, tokens, secrets or verifiers are masked, as is the secret of curl's `-u id:secret`.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(
      // curl's -u client_id:client_secret: the ID may show, the secret not.
      /((?:^|\s)(?:-u|--user)[\s=]+["']?[^\s:"']{1,200}:)([^\s"']+)/g,
      (_m, before: string, secret: string) => `${before}${secret.length > 6 ? `${secret.slice(0, 2)}…` : '…'}`,
    )
    .replace(
      /\b((?:code|code_verifier|client_secret|access_token|refresh_token|id_token|token|assertion)["']?\s*[=:]\s*["']?)([^\s"'&,}]+)/gi,
      (_m, name: string, val: string) => `${name}${val.length > 6 ? `${val.slice(0, 4)}…` : '…'}`,
    )
    .replace(/[A-Za-z0-9_\-.~+/=]{24,}/g, (run) => `${run.slice(0, 8)}…`);
}

// ---------------------------------------------------------------------------------------------
// Repairs

const WORD_PROCESSOR_CHARACTERS: ReadonlyArray<[RegExp, string, string]> = [
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"', 'curly double quotes (“ ”)'],
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'", 'curly single quotes (‘ ’)'],
  [/[\u00A0\u2007\u202F]/g, ' ', 'non-breaking spaces'],
  [/[\u200B\u200C\u200D\u2060]/g, '', 'invisible zero-width characters'],
];

function normalizeWordProcessorCharacters(text: string): { text: string; found: string[] } {
  const found: string[] = [];
  let out = text;
  for (const [pattern, replacement, label] of WORD_PROCESSOR_CHARACTERS) {
    const next = out.replace(pattern, replacement);
    if (next !== out) found.push(label + (replacement === '"' || replacement === "'" ? '' : whereFirst(out, pattern)));
    out = next;
  }
  return { text: out, found };
}

/**
 * Where the first character a pattern matches sits, in words: the JSON field it is in (the
 * last `"name":` within the 120 characters before it), so an invisible one can be found
 * (issue 19). Empty when no field is near.
 */
function whereFirst(text: string, pattern: RegExp): string {
  const at = text.search(new RegExp(pattern.source));
  if (at < 0) return '';
  const window = text.slice(Math.max(0, at - 120), at);
  const colon = window.lastIndexOf('":');
  if (colon < 0) return '';
  const open = window.lastIndexOf('"', colon - 1);
  const field = window.slice(open + 1, colon);
  return /^[\w.-]{1,40}$/.test(field) ? ` (the first in the value of "${field}")` : '';
}

function nestedTooDeep(): CheckResult {
  return fail(
    CHECK,
    'json.invalid',
    `The JSON is nested more than ${MAX_DEPTH} levels deep, so it is not a token response.`,
    'A token response is one flat object ({ "access_token": …, "token_type": "Bearer", … }). Paste the JSON the token endpoint returned, unchanged.',
  );
}

/**
 * Finds one JSON object inside surrounding text (e.g. a shell prompt and the curl command).
 * Text holding two objects (say, both responses) is not guessed at: that stays invalid.
 *
 * The object must end at the last "}" and start before the first "}". Only one "{" can
 * start a valid object ending there: the one that matches the last "}" when braces are
 * paired backwards, string- and escape-aware. So one scan finds it and one JSON.parse
 * checks it, whatever the number of "{" in the text (parsing from every "{" was quadratic).
 */
function extractEmbeddedObject(text: string): { value: Record<string, unknown>; around: string } | null {
  const end = text.lastIndexOf('}');
  if (end === -1 || text.includes('{', end + 1)) return null;
  const start = matchingOpenBrace(text, end);
  if (start === -1 || start > text.indexOf('}')) return null;
  // The scanner first: it rejects invalid and too deeply nested candidates in linear time.
  const candidate = text.slice(start, end + 1);
  if (locateJsonSyntaxError(candidate) !== null) return null;
  let value: unknown;
  try {
    value = JSON.parse(candidate);
  } catch {
    return null;
  }
  if (!isPlainObject(value)) return null;
  const before = text.slice(0, start).trim();
  const after = text.slice(end + 1).trim();
  if (before === '' && after === '') return null;
  const parts: string[] = [];
  if (before !== '') parts.push(`before it: ${quote(redactSecrets(firstLine(before)), 40)}`);
  if (after !== '') parts.push(`after it: ${quote(redactSecrets(firstLine(after)), 40)}`);
  return { value, around: parts.join('; ') };
}

const QUOTED_LINE_MAX = 400;
const TOKEN_CHARACTER = /[A-Za-z0-9_\-.~+/=]/;

/**
 * The first line of a text, at most a few hundred characters of it (only its start is
 * quoted). A cut through a run of token characters drops the run: its tail would be too short
 * for {@link redactSecrets} to recognise as a secret.
 */
function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  const end = newline === -1 ? text.length : newline;
  if (end <= QUOTED_LINE_MAX) return text.slice(0, end);
  let cut = QUOTED_LINE_MAX;
  if (TOKEN_CHARACTER.test(text[cut]!)) while (cut > 0 && TOKEN_CHARACTER.test(text[cut - 1]!)) cut--;
  return text.slice(0, cut);
}

// ---------------------------------------------------------------------------------------------
// A lone token instead of the JSON

const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWE_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const OPAQUE_SHAPE = /^[A-Za-z0-9_\-.~+/]{16,}={0,2}$/;

/** Describes a pasted single token (never quoting it), or returns null when it is not one. */
function describeLoneToken(text: string): string | null {
  const candidate = text
    .replace(/^(?:authorization:\s*)?bearer\s+/i, '')
    .replace(/^["'](.*)["']$/s, '$1')
    .trim();
  if (/\s/.test(candidate) || candidate === '') return null;

  if (candidate.length >= 20 && JWS_SHAPE.test(candidate)) {
    try {
      const header = decodeProtectedHeader(candidate);
      const payload = decodeJwt(candidate);
      const facts = [
        typeof header.alg === 'string' ? `alg ${header.alg}` : null,
        typeof payload.iss === 'string' ? `iss ${quote(payload.iss, 60)}` : null,
        typeof payload.sub === 'string' ? `sub ${quote(payload.sub, 40)}` : null,
      ].filter(Boolean);
      const looksLikeIdToken = 'nonce' in payload || 'at_hash' in payload || ('auth_time' in payload && !('scp' in payload));
      return `You pasted a single JWT (${candidate.slice(0, 7)}…${facts.length > 0 ? `, ${facts.join(', ')}` : ''}) — ${looksLikeIdToken ? 'it looks like an ID token' : 'probably the access token'} on its own, not the token response.`;
    } catch {
      return `You pasted a single token that looks like a JWT (${candidate.slice(0, 7)}…), not the token response.`;
    }
  }
  if (JWE_SHAPE.test(candidate)) {
    return `You pasted a single encrypted token (a JWE, ${candidate.slice(0, 7)}…), not the token response.`;
  }
  if (OPAQUE_SHAPE.test(candidate) && !/^\d+$/.test(candidate)) {
    return `You pasted a single ${candidate.length}-character value (${candidate.slice(0, 4)}…) — a token or code on its own, not the token response.`;
  }
  return null;
}

function describeSyntaxError(text: string): CheckResult {
  const { line, column, lineText, found, expected, hint } = explainSyntaxError(text);
  const near = redactSecrets(lineText.slice(Math.max(0, column - 31), column + 9));

  const message =
    `The text is not valid JSON: at line ${line}, column ${column} we found ${found} where ${expected} was expected` +
    (near.trim() !== '' ? `, near ${quote(near, 48)}.` : '.');

  return fail(CHECK, 'json.invalid', message, hint);
}

function describeJsonKind(value: unknown): string {
  if (value === null) return 'it is null';
  if (Array.isArray(value)) return `it is a list with ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'string') return 'it is a quoted string';
  return `it is a ${typeof value} (${quote(String(value), 20)})`;
}

/** The errors of a server that could not read a parameter: what a body that is not a form gets. */
const UNREAD = new Set(['invalid_request', 'unsupported_grant_type', 'invalid_client', 'unauthorized_client']);

/** A fault explains an error answer; a body that is not a form explains only an error about reading parameters. */
function explainsError(fault: CommandFault, body: Record<string, unknown>): boolean {
  if (typeof body.error !== 'string' && typeof body.errorCode !== 'string') return false;
  return fault.kind !== 'not_a_form' || UNREAD.has(String(body.error));
}

function serverSaid(body: Record<string, unknown>): string {
  const error = typeof body.error === 'string' ? body.error : String(body.errorCode);
  return typeof body.error_description === 'string' ? `${error}: ${body.error_description}` : error;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
