/**
 * What kind of text a learner pasted (issue 19): before a step judges a paste as the
 * artefact it asked for, it asks what the paste *is* — a tool's error (curl, PowerShell,
 * cmd.exe), an HTTP error or an HTML page instead of the server's JSON, another artefact of
 * the exercise (a URL, the command itself), or a template with its placeholders still in.
 * Such a paste tells its own story, and the answer is that story, not "paste the JSON".
 *
 * One pass over at most the first lines of the paste, each line read at most once by
 * anchored, bounded patterns: linear in the input, whatever it holds. Pure and browser-safe.
 */

/** What a paste is, with the facts the answer quotes. `null` from {@link classifyPaste}: nothing but (maybe broken) JSON. */
export type PasteKind =
  | { kind: 'curl_error'; exitCode: number; line: string; host: string | null; port: number | null }
  | { kind: 'powershell_error'; line: string; parameter: string | null; status: number | null }
  | { kind: 'http_error'; status: number | null; reason: string; path: string | null }
  | { kind: 'html'; title: string | null; status: number | null }
  | { kind: 'url'; url: string; role: UrlRole }
  | { kind: 'command'; tool: string; placeholders: string[] };

export type UrlRole = 'authorize' | 'redirect' | 'token' | 'other';

const MAX_LINES = 200;
const MAX_LINE = 2000;

/** `curl: (7) Failed to connect to localhost port 3001 after 0 ms: Couldn't connect to server` */
const CURL_ERROR = /^curl: \((\d{1,3})\) (.{1,300})/;
/** curl's usage errors, which have no exit-code prefix: `curl: no URL specified!`, `curl: option -d: requires parameter`. */
const CURL_USAGE = /^curl: ((?:no URL specified|option .{1,80}|\(\d{1,3}\) .{1,80}|try 'curl --help'.{0,40}))$/;
/** `Failed to connect to HOST port PORT` (curl 7.x and 8.x wordings). */
const CONNECT = /to ([^\s:]{1,255}) port (\d{1,5})/;
/** `Could not resolve host: HOST` */
const RESOLVE = /resolve host: ?([^\s;]{1,255})/;

/** PowerShell's error record for a cmdlet: `Invoke-WebRequest : …` or the newer one-line form. */
const POWERSHELL_ERROR =
  /^(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\s*:|^A parameter cannot be found that matches parameter name|^Cannot bind parameter|^\+ FullyQualifiedErrorId|^\s*\+ CategoryInfo/;
const POWERSHELL_PARAMETER = /parameter name '([^']{1,40})'|Cannot bind parameter '([^']{1,40})'/;
const POWERSHELL_STATUS = /\((\d{3})\) [A-Z]/;

const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.{0,80}))?$/;
/** A bare error answer: a reason phrase, Express's `Cannot POST /path`, Go's `404 page not found`. */
const BARE_ERROR =
  /^(?:(\d{3})[ :]+)?(Not Found|Method Not Allowed|Unauthorized|Forbidden|Bad Request|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|page not found|Unsupported Media Type)\.?$|^Cannot (GET|POST|PUT|PATCH|DELETE) (\/\S{0,300})$/i;

const PROMPT = /^(?:PS [^>]{0,200}> ?|[$%#>] )/;
const COMMAND = /^(curl(?:\.exe)?|wget|http|https|Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\s/;
/** Placeholders the site's templates and provider docs use: YOUR_CLIENT_SECRET, {yourOktaDomain}, ${CLIENT_ID}, <client_secret>. */
const PLACEHOLDER = /\{[A-Za-z_]{2,40}\}|\$\{[A-Za-z_]{2,40}\}|<[A-Za-z_ -]{2,40}>|\b(?:YOUR|your)_?[A-Za-z_]{2,40}\b/g;

/** The lines of a paste, trimmed, without blank ones: at most MAX_LINES of at most MAX_LINE characters. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length && lines.length < MAX_LINES) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE)).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** Classifies a paste; null when it is (perhaps broken) JSON, a lone token or other text the JSON checks explain. */
export function classifyPaste(text: string): PasteKind | null {
  const lines = linesOf(text);
  if (lines.length === 0) return null;

  for (const line of lines) {
    const curl = CURL_ERROR.exec(line);
    if (curl) return curlError(Number(curl[1]), line);
    if (CURL_USAGE.test(line)) return { kind: 'curl_error', exitCode: 2, line, host: null, port: null };
    if (POWERSHELL_ERROR.test(line)) return powershellError(lines, line);
  }

  const first = lines[0]!.replace(PROMPT, '');
  const status = STATUS_LINE.exec(first);
  const bodyStart = status ? lines.findIndex((line) => line.startsWith('{') || line.startsWith('<') || line.startsWith('[')) : 0;
  const body = bodyStart >= 0 ? (lines[bodyStart] ?? '') : '';
  if (/^<(?:!doctype html|html|head|body|title)\b/i.test(body)) {
    return { kind: 'html', title: htmlTitle(lines.slice(bodyStart)), status: status ? Number(status[1]) : null };
  }
  if (status && Number(status[1]) >= 400 && !body.startsWith('{')) {
    return { kind: 'http_error', status: Number(status[1]), reason: (status[2] ?? '').trim(), path: null };
  }

  if (lines.length === 1) {
    const bare = BARE_ERROR.exec(first);
    if (bare) {
      const reason = bare[2] ?? `Cannot ${bare[3]}`;
      return { kind: 'http_error', status: bare[1] ? Number(bare[1]) : statusOfReason(reason), reason, path: bare[4] ?? null };
    }
    if (/^https?:\/\/\S+$/.test(first)) return { kind: 'url', url: first, role: urlRole(first) };
  }

  const command = COMMAND.exec(first);
  if (command && !lines.some((line) => line.startsWith('{') || STATUS_LINE.test(line))) {
    const joined = lines.join('\n');
    return { kind: 'command', tool: command[1]!, placeholders: [...new Set(joined.match(PLACEHOLDER) ?? [])].slice(0, 5) };
  }
  return null;
}

function curlError(exitCode: number, line: string): PasteKind {
  const connect = CONNECT.exec(line);
  const resolve = RESOLVE.exec(line);
  return {
    kind: 'curl_error',
    exitCode,
    line,
    host: connect?.[1] ?? resolve?.[1] ?? null,
    port: connect ? Number(connect[2]) : null,
  };
}

function powershellError(lines: string[], line: string): PasteKind {
  let parameter: string | null = null;
  let status: number | null = null;
  for (const each of lines) {
    const named = POWERSHELL_PARAMETER.exec(each);
    if (named && parameter === null) parameter = named[1] ?? named[2] ?? null;
    const code = POWERSHELL_STATUS.exec(each);
    if (code && status === null) status = Number(code[1]);
  }
  return { kind: 'powershell_error', line, parameter, status };
}

function htmlTitle(lines: string[]): string | null {
  for (const line of lines) {
    const open = line.toLowerCase().indexOf('<title>');
    if (open < 0) continue;
    const close = line.toLowerCase().indexOf('</title>', open);
    const title = line.slice(open + 7, close < 0 ? undefined : close).trim();
    return title === '' ? null : title.slice(0, 120);
  }
  return null;
}

const REASON_STATUS: Record<string, number> = {
  'not found': 404,
  'page not found': 404,
  'method not allowed': 405,
  unauthorized: 401,
  forbidden: 403,
  'bad request': 400,
  'internal server error': 500,
  'bad gateway': 502,
  'service unavailable': 503,
  'gateway timeout': 504,
  'unsupported media type': 415,
};

function statusOfReason(reason: string): number | null {
  if (reason.startsWith('Cannot ')) return 404;
  return REASON_STATUS[reason.toLowerCase()] ?? null;
}

/** What a pasted URL is in this exercise, from its path and parameters. */
export function urlRole(text: string): UrlRole {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'other';
  }
  const params = url.searchParams;
  if (params.has('code') || (params.has('error') && params.has('state'))) return 'redirect';
  if (/\/authorize$/.test(url.pathname) || params.has('response_type')) return 'authorize';
  if (/\/token$/.test(url.pathname)) return 'token';
  return 'other';
}
