/**
 * The values a pasted command sent, read back from the paste (learners often paste the
 * command along with its output): the `code_verifier`, the `Authorization` header and the
 * credentials of curl's `-u` (httpie's `-a`). Each value is read as the shell hands it to
 * the tool — in bash and PowerShell quotes quote, in cmd.exe single quotes are part of the
 * value — so a quote that reached the server can be told from one the shell removed.
 *
 * One pass over at most the first lines, with fixed-string searches and bounded scans:
 * linear in the input. Pure and browser-safe.
 */
import type { ShellGuess, ShellKind, ToolKind } from './shell';

export interface PastedCommand {
  /** The last `code_verifier` value in the paste (percent-decoded); null when absent or a shell variable. */
  codeVerifier: string | null;
  /** The last Authorization header value (`Basic …`) as the tool received it. */
  authorization: string | null;
  /** The last `-u`/`--user` (curl) or `-a`/`--auth` (httpie) credentials, as the tool received them. */
  user: string | null;
}

const MAX_LINES = 200;
const MAX_LINE = 2000;
const MAX_TEXT = 32 * 1024;
/** Characters a verifier can have (RFC 7636 §4.1), and % for a percent-encoded one. */
const VERIFIER_CHAR = /[A-Za-z0-9._~%-]/;

/** A shell variable in a command's value ($NAME, ${NAME}, $env:NAME, $(…), %NAME%): the paste does not show its value. */
export const holdsShellVariable = (value: string): boolean => /\$[A-Za-z_{(]|%[A-Za-z_]\w*%/.test(value);

/** Reads the values a pasted command sent; see {@link PastedCommand}. */
export function readPastedCommand(paste: string, { shell, tool }: Pick<ShellGuess, 'shell' | 'tool'>): PastedCommand {
  const text = paste.length > MAX_TEXT ? paste.slice(0, MAX_TEXT) : paste;
  const found: PastedCommand = { codeVerifier: null, authorization: null, user: null };
  let start = 0;
  for (let n = 0; n < MAX_LINES && start < text.length; n += 1) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE));
    start = end + 1;
    const verifier = readVerifier(line);
    if (verifier !== undefined) found.codeVerifier = verifier;
    const header = readHeader(line, shell);
    if (header !== null) found.authorization = header;
    const user = readUser(line, shell, tool);
    if (user !== null) found.user = user;
  }
  return found;
}

/** `code_verifier=abc`, `"code_verifier": "abc"`, `code_verifier = 'abc'`; undefined: not on this line. */
function readVerifier(line: string): string | null | undefined {
  const at = line.lastIndexOf('code_verifier');
  if (at < 0) return undefined;
  let i = at + 'code_verifier'.length;
  while (i < line.length && (line[i] === '"' || line[i] === "'" || line[i] === ' ')) i += 1;
  if (line[i] !== '=' && line[i] !== ':') return undefined;
  i += 1;
  while (i < line.length && (line[i] === ' ' || line[i] === '"' || line[i] === "'" || line[i] === '^')) i += 1;
  let value = '';
  while (i < line.length && VERIFIER_CHAR.test(line[i]!) && value.length <= 1024) value += line[i++];
  if (value === '') return null;
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Where a quoted shell word that starts at `open` ends, and its text (bash's \" and cmd's ^" inside double quotes handled). */
function readQuoted(line: string, open: number, shell: ShellKind | null): { value: string; end: number } {
  const quote = line[open];
  let value = '';
  let i = open + 1;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === quote) {
      if (shell === 'cmd' && line[i - 1] === '^') {
        value = value.slice(0, -1);
        break;
      }
      return { value, end: i + 1 };
    }
    if (quote === '"' && ch === '\\' && shell !== 'cmd' && shell !== 'powershell' && i + 1 < line.length) {
      value += line[i + 1];
      i += 2;
      continue;
    }
    if (quote === '"' && ch === '`' && shell === 'powershell' && i + 1 < line.length) {
      value += line[i + 1];
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }
  return { value, end: i + 1 };
}

/** The quote characters that quote in `shell` (cmd.exe: only the double quote). */
const quotesIn = (shell: ShellKind | null, ch: string | undefined) => ch === '"' || (ch === "'" && shell !== 'cmd');

/**
 * `-H "Authorization: Basic …"`, `--header=…`, `'Authorization:Basic …'` (httpie),
 * `"authorization": "Basic …"` (fetch), `Authorization = "Basic …"` (PowerShell).
 */
function readHeader(line: string, shell: ShellKind | null): string | null {
  const lower = line.toLowerCase();
  let found: string | null = null;
  // Every mention of the name on the line (grant_type=authorization_code is one too): the last header wins.
  for (let at = lower.indexOf('authorization'); at >= 0; at = lower.indexOf('authorization', at + 1)) {
    const header = readHeaderAt(line, at, shell);
    if (header !== null) found = header;
  }
  return found;
}

function readHeaderAt(line: string, at: number, shell: ShellKind | null): string | null {
  let i = at + 'authorization'.length;
  if (!['"', "'", ' ', ':', '='].includes(line[i] ?? '')) return null;
  // A shell word that starts right before the name: the header's value ends where it does.
  const open = at - 1;
  if (quotesIn(shell, line[open])) {
    const word = readQuoted(line, open, shell);
    const colon = word.value.indexOf(':');
    if (colon > 0 && word.value.slice(0, colon).trim().toLowerCase() === 'authorization') return word.value.slice(colon + 1).trim();
  }
  // `name": "value"` or `name = 'value'`: skip the name's closing quote, the separator, then read the value.
  if (line[i] === '"' || line[i] === "'") i += 1;
  while (line[i] === ' ') i += 1;
  if (line[i] !== ':' && line[i] !== '=') return null;
  i += 1;
  while (line[i] === ' ') i += 1;
  if (line[i] === '^' && line[i + 1] === '"') i += 1;
  if (quotesIn(shell, line[i])) return readQuoted(line, i, shell).value.trim();
  // Unquoted (curl -v's "> Authorization: Basic …"): the scheme and the word after it.
  const scheme = readWord(line, i);
  if (scheme === '') return null;
  return `${scheme} ${readWord(line, i + scheme.length + 1)}`.trim();
}

/** A shell word without quotes, from `at` to the next blank. */
function readWord(line: string, at: number): string {
  let end = at;
  while (end < line.length && line[end] !== ' ' && line[end] !== '\t') end += 1;
  return line.slice(at, end);
}

/** curl `-u 'id:secret'`, `-uid:secret`, `--user=id:secret`; httpie `-a id:secret`, `--auth id:secret`. */
function readUser(line: string, shell: ShellKind | null, tool: ToolKind | null): string | null {
  const options = tool === 'httpie' ? ['--auth', '-a'] : ['--user', '-u'];
  let found: string | null = null;
  for (let pos = 0; pos < line.length; pos += 1) {
    if (line[pos] !== '-' || (pos > 0 && line[pos - 1] !== ' ' && line[pos - 1] !== '\t')) continue;
    const option = options.find((o) => line.startsWith(o, pos));
    if (option === undefined) continue;
    let i = pos + option.length;
    const glued = i < line.length && line[i] !== ' ' && line[i] !== '\t';
    if (glued && option.startsWith('--')) {
      if (line[i] !== '=') continue; // --user-agent, --auth-type
      i += 1;
    }
    while (!glued && (line[i] === ' ' || line[i] === '\t')) i += 1;
    const value = quotesIn(shell, line[i]) ? readQuoted(line, i, shell).value : readWord(line, i);
    if (value !== '' && !value.startsWith('-')) found = value;
  }
  return found;
}

/** A hashing pipeline on a command line: the tools the usual S256 recipes use. */
const HASHING = /openssl (?:dgst|sha256)|sha256sum|shasum|Get-FileHash|SHA256\]::Create|createHash\(/;
/** What such a pipeline prints as the challenge: one run of base64 or base64url characters (a wrapped second line is read too). */
const PRINTED = /^[A-Za-z0-9+/_=-]{20,120}$/;
/** `echo "V"`, `echo -n 'V'`, `printf %s "V"`, `printf '%s' V`: the value the recipe hashed. */
const ECHOED = /(?:echo(?: -n)?|printf(?: ['"]?%s['"]?)?) +['"]?([A-Za-z0-9._~-]{20,200})['"]?/;

/**
 * The challenge a hashing recipe printed in the paste, with the verifier it echoed when that
 * is written out (issue 19, class 4): a learner who pastes the recipe along with the token
 * error shows both sides of the PKCE check. The line after the recipe's line is its output.
 */
export function readPrintedChallenge(paste: string): { challenge: string; verifier: string | null } | null {
  const text = paste.length > MAX_TEXT ? paste.slice(0, MAX_TEXT) : paste;
  let recipe: string | null = null;
  let start = 0;
  for (let n = 0; n < MAX_LINES && start < text.length; n += 1) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE)).trim();
    start = end + 1;
    if (line === '') continue;
    if (recipe !== null) {
      if (!PRINTED.test(line)) return null;
      // base64 without -A wraps at 64 or 76 characters: the next line may continue it.
      let challenge = line;
      const nextEnd = text.indexOf('\n', start);
      const next = text.slice(start, nextEnd < 0 ? text.length : Math.min(nextEnd, start + MAX_LINE)).trim();
      if ((line.length === 64 || line.length === 76) && /^[A-Za-z0-9+/_=-]{1,120}$/.test(next)) challenge += next;
      return { challenge, verifier: ECHOED.exec(recipe)?.[1] ?? null };
    }
    if (HASHING.test(line)) recipe = line;
  }
  return null;
}
