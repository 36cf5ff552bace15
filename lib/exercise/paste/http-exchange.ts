/**
 * The one reader of an HTTP exchange shown in a paste (issue 19, class 1): what `curl -v`
 * (`> ` request, `< ` response), `curl -i` (a status line and headers before the body),
 * `curl --trace-ascii`, HTTPie's `-v` (the request and the response as plain text) and
 * PowerShell's `-Verbose` and error record print around the body. Every paste check reads the
 * request line and headers sent, the status line and headers received, and the body after
 * them from here, so an answer comes from the real status and body — a 401 with an empty
 * body and a `WWW-Authenticate` header, a 302 to a login page, a 405 for a GET — instead of
 * "paste the JSON".
 *
 * One pass over at most the first lines of the paste, each line matched by anchored, bounded
 * patterns: linear in the input. Pure and browser-safe (the response parser runs in the page).
 */
import { quote } from '../report';
import { readBasicHeader } from '../shell-mistakes/basic';

/** The request the paste shows being sent. */
export interface RequestSeen {
  method: string;
  /** The request target as sent (a path with its query, or a whole URL for PowerShell). */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

/** The response the paste shows coming back (the last one that is not 1xx). */
export interface ResponseSeen {
  status: number;
  reason: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

export interface HttpExchange {
  request: RequestSeen | null;
  response: ResponseSeen | null;
}

const MAX_LINES = 200;
const MAX_LINE = 2000;
const MAX_HEADERS = 40;

const REQUEST_LINE = /^([A-Z]{3,7}) (\S{1,2000}) HTTP\/\d(?:\.\d)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.{0,80}))?$/;
const HEADER = /^([A-Za-z][\w-]{0,60}): ?(.{0,1500})$/;
/** PowerShell's `-Verbose`: `VERBOSE: POST https://host/path with -1-byte payload` (5.1), `VERBOSE: HTTP/1.1 POST with 0-byte payload` (7). */
const POWERSHELL_VERBOSE = /^VERBOSE: (?:HTTP\/[\d.]{1,3} )?([A-Z]{3,7})(?: (\S{1,2000}))? with -?\d{1,12}-byte payload/;
/** `curl --trace-ascii`: `=> Send header, 226 bytes (0xe2)` then `0000: POST /v1/token HTTP/1.1`. */
const TRACE_DIRECTION = /^(=>|<=) (Send|Recv) (header|data)/;
const TRACE_LINE = /^[0-9a-f]{4}: (.{0,2000})$/;

/** Reads the request and the response a paste shows. Both null when it shows neither. */
export function readHttpExchange(text: string): HttpExchange {
  let request: RequestSeen | null = null;
  let response: ResponseSeen | null = null;
  /** Where header lines go now: the request's, the response's, or nowhere. */
  let into: Record<string, string> | null = null;
  let traceSide: 'request' | 'response' | null = null;
  let start = 0;
  for (let n = 0; n < MAX_LINES && start < text.length; n += 1) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, Math.min(end, start + MAX_LINE)).trim();
    start = end + 1;

    const trace = TRACE_DIRECTION.exec(line);
    if (trace) {
      traceSide = trace[3] === 'header' ? (trace[1] === '=>' ? 'request' : 'response') : null;
      continue;
    }
    const traced = traceSide ? TRACE_LINE.exec(line) : null;
    if (traced) line = traced[1]!.trim();
    else if (line.startsWith('> ') || line.startsWith('< ')) line = line.slice(2).trim();
    else if (line === '>' || line === '<') line = '';

    if (line === '') {
      into = null;
      continue;
    }
    const verbose = POWERSHELL_VERBOSE.exec(line);
    if (verbose) {
      request ??= { method: verbose[1]!, target: verbose[2] ?? '', headers: {} };
      continue;
    }
    const requestLine = REQUEST_LINE.exec(line);
    if (requestLine) {
      request = { method: requestLine[1]!, target: requestLine[2]!, headers: {} };
      into = request.headers;
      continue;
    }
    const status = STATUS_LINE.exec(line);
    if (status) {
      const code = Number(status[1]);
      // 100 Continue and other interim answers come before the real one.
      if (code >= 200 || response === null) response = { status: code, reason: (status[2] ?? '').trim(), headers: {} };
      into = response.headers;
      continue;
    }
    const header = into ? HEADER.exec(line) : null;
    if (header && into && Object.keys(into).length < MAX_HEADERS) into[header[1]!.toLowerCase()] = header[2]!.trim();
    else if (!header) into = null;
  }
  return { request, response };
}

/** Whether the exchange's answer had no body (Content-Length: 0), when the headers say so. */
export function emptyBody(response: ResponseSeen): boolean {
  return response.headers['content-length'] === '0';
}

/**
 * The Basic credentials of an Authorization header, read for what they show — never the
 * secret: the client ID, whether each side is empty, the secret's length. Null when the header
 * is not Basic or does not decode to `id:secret`.
 */
export function readBasicCredentials(
  value: string | undefined,
  appClientId?: string,
): { clientId: string; secretLength: number; swapped: boolean } | null {
  // The header's reader of the Basic recipes (UTF-8, base64 or base64url, padded or not); a
  // value that names no Basic scheme is not read.
  const read = value ? readBasicHeader(value) : null;
  if (!read || read.mistakes.has('wrong_scheme') || read.mistakes.has('no_scheme')) return null;
  const decoded = read.credentials;
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const clientId = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  // The app's client ID on the secret's side: -u "$SECRET:$ID" (compared, never quoted).
  const swapped = Boolean(appClientId) && secret === appClientId && clientId !== appClientId;
  return { clientId, secretLength: secret.length, swapped };
}

/**
 * The client ID side of a Basic header as a message may show it. It is quoted only when it is
 * the app's client ID or a near miss of it (the same first characters, about the same length: another app's ID or a typo);
 * anything else may be the secret sent in the wrong place, so only its length and first
 * characters are shown.
 */
export function shownClientId(sent: string, appClientId: string | undefined): { text: string; quoted: boolean } {
  const nearMiss =
    appClientId !== undefined &&
    appClientId.length >= 3 &&
    sent.startsWith(appClientId.slice(0, 3)) &&
    Math.abs(sent.length - appClientId.length) <= 10;
  if (sent === appClientId || nearMiss) return { text: quote(sent, 60), quoted: true };
  return { text: `a value of ${sent.length} characters${sent.length > 8 ? ` starting "${sent.slice(0, 4)}…"` : ''}`, quoted: false };
}

// ---------------------------------------------------------------------------------------------
// The body among the transcript (used by the response parser)

export type TranscriptKind = 'verbose' | 'headers' | 'powershell' | null;

/**
 * Cuts curl's closing note ("}* Connection #0 to host … left intact") off the body's last
 * line, keeping the "}" or "]". Everything after the note goes: a pattern ending in `\d+.*$`
 * would backtrack quadratically over a long run of digits that is not followed by the end.
 */
function cutConnectionNote(line: string): string {
  const note = /[}\]]\* (?:Connection #\d|Closing connection)/.exec(line);
  return note ? line.slice(0, note.index + 1) : line;
}

/** PowerShell's error record for a web cmdlet, with the server's JSON body after the colon (5.1 and 7). */
const POWERSHELL_BODY = /^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr) ?: ?(\{.{0,60000}\})\s*$/;

/**
 * Removes what curl prints around the body. `curl -v` writes `*` (info), `>` (request) and
 * `<` (response) lines to stderr, which a terminal interleaves with the body on stdout; when
 * the body has no final newline, the closing "* Connection #0 … left intact" lands on the
 * same line as the body's last `}`. `curl -i` prints the status line and headers, a blank
 * line, then the body (several header blocks after a `100 Continue` or a proxy). PowerShell
 * puts the body of an error answer inside its error record (`Invoke-RestMethod : {…}`).
 */
export function stripHttpTranscript(text: string): { body: string; kind: TranscriptKind; statusLine: string | null } {
  let kind: TranscriptKind = null;
  let statusLine: string | null = null;
  let lines = text.split(/\r\n|\r|\n/);

  for (const line of lines) {
    const record = POWERSHELL_BODY.exec(line.trim());
    if (record) return { body: record[1]!, kind: 'powershell', statusLine: null };
  }

  // A "> " line is curl -v's request (a request line, a header, the blank after them), or else
  // the shell's continuation prompt before a line of the command, which is not transcript.
  const isVerboseLine = (line: string) =>
    /^[*<](?: |$)/.test(line) ||
    /^>(?: [A-Z]{3,7} \S+ HTTP\/| [\w-]{1,60}: | ?$)/.test(line) ||
    /^[{}] \[\d+ bytes data\]\s*$/.test(line) ||
    /^Note: Unnecessary use of -X/.test(line);
  if (lines.some(isVerboseLine)) {
    lines = lines.filter((line) => !isVerboseLine(line)).map(cutConnectionNote);
    kind = 'verbose';
  }

  const isStatusLine = (line: string | undefined) => line !== undefined && /^HTTP\/\d(?:\.\d)?\s+\d{3}\b/.test(line.trim());
  let start = 0;
  while (lines[start] !== undefined && lines[start]!.trim() === '') start++;
  if (isStatusLine(lines[start])) {
    kind ??= 'headers';
    while (isStatusLine(lines[start])) {
      statusLine = lines[start]!.trim();
      start++;
      // Headers end at the blank line; tolerate a paste that lost it by stopping at the body.
      while (lines[start] !== undefined && lines[start]!.trim() !== '' && !/^\s*[{["]/.test(lines[start]!)) start++;
      while (lines[start] !== undefined && lines[start]!.trim() === '') start++;
    }
    lines = lines.slice(start);
  }

  let body = lines.join('\n');
  // zsh marks output without a final newline with a "%"; terminals copy it along.
  body = body.replace(/([}\]])\s*%\s*$/, '$1');
  return { body, kind, statusLine };
}
