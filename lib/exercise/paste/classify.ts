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

import { parseUrl } from '../authorize-url/normalize';
import { findCommandFault, type CommandFault } from '../shell-mistakes/faults';
import type { FaultConsequence } from './command-faults';
import { readHttpExchange, type HttpExchange } from './http-exchange';

/** What a paste is, with the facts the answer quotes. `null` from {@link classifyPaste}: nothing but (maybe broken) JSON. */
export type PasteKind =
  | { kind: 'curl_error'; exitCode: number; line: string; host: string | null; port: number | null; commandUrl: string | null }
  | { kind: 'powershell_error'; line: string; parameter: string | null; status: number | null }
  /** A browser console's error for a fetch() (CORS, a network error), with the page's origin and a status when it names them. */
  | { kind: 'browser_error'; line: string; origin: string | null; status: number | null }
  | { kind: 'http_error'; status: number | null; reason: string; path: string | null; sent?: CommandTraits; exchange?: HttpExchange }
  | { kind: 'html'; title: string | null; status: number | null; path: string | null }
  | { kind: 'url'; url: string; role: UrlRole }
  | { kind: 'command'; tool: string; placeholders: string[] }
  /** The shell changed the command before curl ran it; `said` is what came back (told as the consequence). */
  | { kind: 'command_fault'; fault: CommandFault; after: FaultConsequence | null };

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
  /^(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\s*:|^A parameter cannot be found that matches parameter name|^Cannot bind parameter|^The ampersand \(&\) character is not allowed|^Missing expression after unary operator|^\+ FullyQualifiedErrorId|^\s*\+ CategoryInfo/;
const POWERSHELL_PARAMETER = /parameter name '([^']{1,40})'|Cannot bind parameter '([^']{1,40})'/;
const POWERSHELL_STATUS = /\((\d{3})\) [A-Z]/;

/** Chrome's, Firefox's and Safari's console errors for a fetch() the page could not read. */
const BROWSER_ERROR =
  /blocked by CORS policy|^Cross-Origin Request Blocked|(?:^|: )TypeError: (?:Failed to fetch|NetworkError when attempting to fetch|Load failed)|net::ERR_FAILED|Fetch API cannot load/;
const BROWSER_ORIGIN = /from origin '([^']{1,200})'/;
const BROWSER_STATUS = /Status code: (\d{3})|net::ERR_FAILED (\d{3})|status of (\d{3})/;

const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.{0,80}))?$/;
/** A bare error answer: a reason phrase, Express's `Cannot POST /path`, Go's `404 page not found`. */
const BARE_ERROR =
  /^(?:(\d{3})[ :]+)?(Not Found|Method Not Allowed|Unauthorized|Forbidden|Bad Request|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|page not found|Unsupported Media Type)\.?$|^Cannot (GET|POST|PUT|PATCH|DELETE) (\/\S{0,300})$/i;

/** A shell prompt before a command: `$ `, `ana@laptop:~$ `, `% `, `PS C:\> `, `C:\Users\ana>`. */
const PROMPT = /^(?:PS [^>]{0,200}> ?|[A-Za-z]:\\[^>]{0,200}> ?|[\w.@-]{0,64}(?::[^$%#\s]{0,200})?[$%#>] )/;
const COMMAND = /^(curl(?:\.exe)?|wget|http|https|Invoke-RestMethod|Invoke-WebRequest|irm|iwr|(?:await )?fetch(?=\())\s?/;
/** The first http(s) URL on a command line, without the quotes around it. */
const COMMAND_URL = /https?:\/\/[^\s'"`^\\]{1,500}/;
/** Jetty's and Tomcat's error pages as text: `HTTP ERROR 405`, `HTTP Status 404 – Not Found`. */
const ERROR_PAGE_STATUS = /^HTTP (?:ERROR|Status) (\d{3})\b/;
/** wget's progress: `HTTP request sent, awaiting response... 401 Unauthorized`. */
const WGET_STATUS = /^HTTP request sent, awaiting response\.\.\. (\d{3})(?: (.{0,80}))?$/;
/** `Problem accessing /oauth2/token.` (Jetty) */
const PROBLEM_PATH = /^Problem accessing (\/\S{0,300}?)\.? Reason/;
/** Placeholders the site's templates and provider docs use: YOUR_CLIENT_SECRET, {yourOktaDomain}, ${CLIENT_ID}, <client_secret>. */
const PLACEHOLDER = /\{[A-Za-z_]{2,40}\}|\$\{[A-Za-z_]{2,40}\}|<[A-Za-z_ -]{2,40}>|\b(?:YOUR|your)_?[A-Za-z_]{2,40}\b/g;

/** The lines of a paste, trimmed, without blank ones: at most MAX_LINES of at most MAX_LINE characters. */
export function linesOf(text: string): string[] {
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

/**
 * Classifies a paste; null when it is (perhaps broken) JSON, a lone token or other text the
 * JSON checks explain. A command the shell changed (curly quotes, an `&` outside quotes, a
 * broken continuation: shell-mistakes/faults.ts) is told before what it printed, which is
 * its consequence — unless the paste is the command alone.
 */
export function classifyPaste(text: string): PasteKind | null {
  const output = classifyOutput(text);
  if (output?.kind === 'command' || output?.kind === 'url') return output;
  const fault = findCommandFault(text);
  return fault ? { kind: 'command_fault', fault, after: output ? consequenceOf(output) : null } : output;
}

function consequenceOf(paste: PasteKind): FaultConsequence | null {
  switch (paste.kind) {
    case 'curl_error':
      return { who: 'curl', said: paste.line };
    case 'powershell_error':
      return { who: 'PowerShell', said: paste.line };
    case 'browser_error':
      return null;
    case 'http_error':
      return { who: 'server', said: `${paste.status ?? ''} ${paste.reason}`.trim() };
    case 'html':
      return paste.title ? { who: 'server', said: paste.title } : null;
    default:
      return null;
  }
}

function classifyOutput(text: string): PasteKind | null {
  const lines = linesOf(text);
  if (lines.length === 0) return null;

  // The command the paste shows, if any: where the request went.
  let commandUrl: string | null = null;
  for (const line of lines) {
    if (!COMMAND.test(line.replace(PROMPT, ''))) continue;
    commandUrl = COMMAND_URL.exec(line)?.[0] ?? null;
    break;
  }
  const pathOfCommand = commandUrl ? pathOf(commandUrl) : null;

  let status: number | null = null;
  let reason = '';
  let path: string | null = null;
  for (const line of lines) {
    const curl = CURL_ERROR.exec(line);
    if (curl) return curlError(Number(curl[1]), line, commandUrl);
    if (CURL_USAGE.test(line)) return { kind: 'curl_error', exitCode: 2, line, host: null, port: null, commandUrl };
    if (POWERSHELL_ERROR.test(line)) return powershellError(lines, line);
    if (BROWSER_ERROR.test(line)) return browserError(lines, line);
    // curl -v prints the response's status line after "< " (issue 19: evidence deeper in the paste).
    const statusLine =
      STATUS_LINE.exec(line.startsWith('< ') ? line.slice(2) : line) ?? ERROR_PAGE_STATUS.exec(line) ?? WGET_STATUS.exec(line);
    if (statusLine && status === null) {
      status = Number(statusLine[1]);
      reason = (statusLine[2] ?? '').trim();
    }
    path ??= PROBLEM_PATH.exec(line)?.[1] ?? null;
  }

  // The exchange curl -v / -i, HTTPie or PowerShell showed: the real answer (after a 100 Continue) and the request sent.
  const exchange = readHttpExchange(text);
  if (exchange.response && exchange.response.status !== status) {
    status = exchange.response.status;
    reason = exchange.response.reason;
  }
  const requestPath = exchange.request?.target.startsWith('/') ? exchange.request.target.split('?')[0]! : null;
  const htmlAt = lines.findIndex((line) => /^<(?:!doctype html|html|head|body|title)\b/i.test(line));
  if (htmlAt >= 0) return { kind: 'html', title: htmlTitle(lines.slice(htmlAt)), status, path: path ?? pathOfCommand };
  const json = lines.some((line) => line.startsWith('{') || /\{"/.test(line));
  // A redirect is an answer too (issue 19): to a login page, to https, elsewhere.
  if (status !== null && status >= 300 && !json) {
    return {
      kind: 'http_error',
      status,
      reason: reason || REASON_OF[status] || `HTTP ${status}`,
      path: path ?? requestPath ?? pathOfCommand,
      sent: commandTraits(lines),
      exchange,
    };
  }

  const output = lines.filter((line) => !COMMAND.test(line.replace(PROMPT, '')) && !/^>\s/.test(line) && !/\\$/.test(line));
  const last = output.length === 1 ? output[0]!.replace(PROMPT, '') : lines.length === 1 ? lines[0]!.replace(PROMPT, '') : null;
  if (last !== null) {
    const bare = BARE_ERROR.exec(last);
    if (bare) {
      const said = bare[2] ?? `Cannot ${bare[3]}`;
      return {
        kind: 'http_error',
        status: bare[1] ? Number(bare[1]) : statusOfReason(said),
        reason: said,
        path: bare[4] ?? pathOfCommand,
        sent: commandTraits(lines),
      };
    }
    if (lines.length === 1 && /^https?:\/\/\S+$/.test(last)) return { kind: 'url', url: last, role: urlRole(last) };
  }

  const first = lines[0]!.replace(PROMPT, '');
  const command = COMMAND.exec(first);
  // A fetch() call spans lines of JavaScript (devtools' "Copy as fetch"): all of it is the command.
  if (command && (output.length === 0 || /fetch$/.test(command[1]!))) {
    const joined = lines.join('\n');
    return { kind: 'command', tool: command[1]!, placeholders: [...new Set(joined.match(PLACEHOLDER) ?? [])].slice(0, 5) };
  }
  return null;
}

/** What the pasted command shows about how it authenticated the client (for an HTTP error without a body). */
export interface CommandTraits {
  tool: 'curl' | 'wget' | 'httpie' | 'other' | null;
  /** A Basic header built with `$(… | base64)` without -w 0 / -A: GNU base64 wraps after 76 characters. */
  wrappingBase64: boolean;
  /** The command sends client credentials (-u, an Authorization header, client_secret=). */
  credentials: boolean;
  /** Shell variables the credentials were written with (`${client_id}`, `$CLIENT_SECRET`), by side of `-u id:secret`: empty when unset. */
  credentialVariables: { id: string[]; secret: string[] };
}

/** The variables behind the empty side(s) of Basic credentials: only those can be the unset ones. */
export function unsetCredentialVariables(traits: CommandTraits | undefined, empty: { id: boolean; secret: boolean }): string[] {
  if (!traits) return [];
  return [...(empty.id ? traits.credentialVariables.id : []), ...(empty.secret ? traits.credentialVariables.secret : [])];
}

/** A shell assignment of each variable, for a hint: `CLIENT_ID='…' CLIENT_SECRET='…'`. */
export const assignmentsOf = (variables: string[]): string => variables.map((v) => `${v.replace(/[${}]/g, '')}='…'`).join(' ');

/** Reads the command lines of a paste for {@link CommandTraits}: fixed-string tests per line. */
export function commandTraits(lines: string[]): CommandTraits {
  const traits: CommandTraits = { tool: null, wrappingBase64: false, credentials: false, credentialVariables: { id: [], secret: [] } };
  for (const line of lines) {
    const bare = line.replace(PROMPT, '');
    const tool = COMMAND.exec(bare)?.[1];
    if (tool && traits.tool === null) {
      traits.tool = tool.startsWith('curl') ? 'curl' : tool === 'wget' ? 'wget' : tool.startsWith('http') ? 'httpie' : 'other';
    }
    const lower = bare.toLowerCase();
    if (lower.includes('authorization: basic') || /(?:^|\s)(?:-u|--user|-a|--auth)[\s=]/.test(bare) || lower.includes('client_secret=')) {
      traits.credentials = true;
    }
    const user = USER_ARGUMENT.exec(bare);
    if (user && traits.credentialVariables.id.length + traits.credentialVariables.secret.length === 0) {
      const colon = user[1]!.indexOf(':');
      const [id, secret] = colon < 0 ? [user[1]!, ''] : [user[1]!.slice(0, colon), user[1]!.slice(colon + 1)];
      traits.credentialVariables = {
        id: (id.match(SHELL_VARIABLE) ?? []).slice(0, 1),
        secret: (secret.match(SHELL_VARIABLE) ?? []).slice(0, 1),
      };
    }
    const base64 = lower.indexOf('| base64');
    if (base64 >= 0 && lower.includes('basic')) {
      const rest = lower.slice(base64, base64 + 60);
      if (!/-w ?0|--wrap=0|-a\b|\| ?tr -d/.test(rest)) traits.wrappingBase64 = true;
    }
  }
  return traits;
}

/** curl's `-u id:secret` argument, without the quotes around it. */
const USER_ARGUMENT = /(?:^|\s)(?:-u|--user)[\s=]+["']?([^\s"']{1,300})/;
const SHELL_VARIABLE = /\$\{?[A-Za-z_][A-Za-z0-9_]{0,40}\}?/g;

function pathOf(url: string): string | null {
  return parseUrl(url)?.pathname ?? null;
}

function curlError(exitCode: number, line: string, commandUrl: string | null): PasteKind {
  const connect = CONNECT.exec(line);
  const resolve = RESOLVE.exec(line);
  return {
    kind: 'curl_error',
    exitCode,
    line,
    host: connect?.[1] ?? resolve?.[1] ?? null,
    port: connect ? Number(connect[2]) : null,
    commandUrl,
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

function browserError(lines: string[], line: string): PasteKind {
  let origin: string | null = null;
  let status: number | null = null;
  for (const each of lines) {
    origin ??= BROWSER_ORIGIN.exec(each)?.[1] ?? null;
    const code = BROWSER_STATUS.exec(each);
    if (code && status === null) status = Number(code[1] ?? code[2] ?? code[3]);
  }
  return { kind: 'browser_error', line, origin, status };
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

/** The reason phrase of a status, for an HTTP/2 status line, which has none. */
const REASON_OF: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

function statusOfReason(reason: string): number | null {
  if (reason.startsWith('Cannot ')) return 404;
  return REASON_STATUS[reason.toLowerCase()] ?? null;
}

/** What a pasted URL is in this exercise, from its path and parameters. */
export function urlRole(text: string): UrlRole {
  const url = parseUrl(text);
  if (!url) return 'other';
  const params = url.searchParams;
  if (params.has('code') || (params.has('error') && params.has('state'))) return 'redirect';
  if (/\/authorize$/.test(url.pathname) || params.has('response_type')) return 'authorize';
  if (/\/token$/.test(url.pathname)) return 'token';
  return 'other';
}

const SECRET_PARAMS = ['code', 'access_token', 'id_token', 'refresh_token', 'code_verifier', 'client_secret', 'token'];

/** A URL to quote back: the values of secret parameters shortened to their first characters. */
export function maskUrlSecrets(text: string): string {
  const url = parseUrl(text);
  if (!url) {
    return text.replace(/([?&](?:code|[a-z_]*token|client_secret|code_verifier)=)[^&#\s]{5,}/gi, '$1…');
  }
  for (const name of SECRET_PARAMS) {
    const value = url.searchParams.get(name);
    if (value && value.length > 4) url.searchParams.set(name, `${value.slice(0, 4)}…`);
  }
  return url.href;
}

/**
 * Template placeholders in the command lines of a paste (the command pasted along with its
 * answer): `YOUR_CLIENT_SECRET`, `{yourOktaDomain}`. Only lines that are part of a command.
 */
export function placeholdersInCommand(text: string): string[] {
  const found = new Set<string>();
  let inCommand = false;
  for (const line of linesOf(text)) {
    const bare = line.replace(PROMPT, '');
    if (COMMAND.test(bare)) inCommand = true;
    if (!inCommand) continue;
    for (const match of bare.match(PLACEHOLDER) ?? []) found.add(match);
    if (!/[\\`^]$/.test(line)) inCommand = false; // the command's last line
  }
  return [...found].slice(0, 5);
}

/**
 * Where a display shortened a token with "…" (or "..."): the field it is in, when it can be
 * told. Looks only at the characters around each ellipsis: linear, no backtracking.
 */
export function truncatedField(text: string): { field: string | null } | null {
  for (const line of linesOf(text)) {
    for (const mark of ['…', '...']) {
      let at = line.indexOf(mark);
      while (at >= 0) {
        let start = at;
        // A token's characters, dots included (a JWT's three parts).
        while (start > 0 && /[A-Za-z0-9_.-]/.test(line[start - 1]!)) start -= 1;
        // A token's run, not a word ("awaiting response...", "Resolving localhost..."): a digit and a letter, or a JWT's start.
        const run = line.slice(start, at);
        if (at - start >= 8 && ((/\d/.test(run) && /[A-Za-z]/.test(run)) || run.startsWith('eyJ'))) {
          const before = line.slice(Math.max(0, start - 40), start);
          const field = /["']?([a-z_]{2,20})["']?\s*[:=]\s*["']?$/i.exec(before)?.[1] ?? null;
          return { field };
        }
        at = line.indexOf(mark, at + mark.length);
      }
    }
  }
  return null;
}
