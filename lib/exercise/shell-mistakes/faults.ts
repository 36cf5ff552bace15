/**
 * What a shell did to a pasted command before the tool ran it (issue 19, classes 1 and 4):
 * the evidence is in the command's own characters, deeper in the paste than the first error
 * line. A line continuation with a space after it, curly quotes from a word processor, a
 * non-breaking or zero-width character where a space belongs, an `&` outside quotes (bash
 * and cmd.exe end the command there, PowerShell refuses it), single quotes in cmd.exe, zsh's
 * glob on an unquoted `?`. Each is the root cause of whatever the server or curl said next,
 * so it is told first, with the fix that is true in the shell that ran it.
 *
 * One pass over at most the first lines of the paste, each line scanned once, character by
 * character: linear in the input. Pure and browser-safe.
 */
import { detectShell, type ShellKind } from './shell';

export type CommandFault =
  /** A continuation character with a space (or an invisible character) after it, or a line without one. */
  | { kind: 'continuation'; shell: ShellKind | null; line: string; char: string; after: string | null; wrongChar?: boolean }
  /** Curly quotes around a word of the command: the shell passed them on as characters. */
  | { kind: 'smart_quotes'; shell: ShellKind | null; word: string }
  /** A character that looks like a space, or nothing, inside the command; `marked` quotes it in place as [U+XXXX]. */
  | { kind: 'invisible'; shell: ShellKind | null; char: string; before: string; after: string; marked: string }
  /** An en dash, em dash or minus sign where an option's hyphens belong (`–data`): the tool took it for an argument. */
  | { kind: 'dash'; shell: ShellKind | null; char: string; word: string; marked: string }
  /** A `$` inside a value, outside single quotes: the shell put a variable's value (usually nothing) in its place. */
  | { kind: 'expansion'; shell: ShellKind | null; word: string; variable: string; kept: string }
  /** A `#` starting a comment inside the command: the rest of the line, its continuation too, was dropped. */
  | { kind: 'comment'; shell: ShellKind | null; line: string }
  /** An `&` outside quotes inside a value: the shell ended the command there. */
  | { kind: 'ampersand'; shell: ShellKind | null; kept: string; lost: string }
  /** cmd.exe: single quotes are characters, not quotes. */
  | { kind: 'cmd_single_quotes'; shell: 'cmd'; word: string }
  /** zsh: an unquoted `?` or `[` made the URL a file pattern, and nothing ran. */
  | { kind: 'zsh_glob'; shell: 'posix'; word: string }
  /** bash/zsh: a `!` outside single quotes started a history expansion, and nothing ran. */
  | { kind: 'history'; shell: 'posix'; word: string }
  /** The body was not a form: httpie's JSON default, a JSON body or a JSON Content-Type with -d. */
  | { kind: 'not_a_form'; shell: ShellKind | null; how: 'httpie' | 'json_body' | 'json_header' };

const MAX_LINES = 200;
const MAX_LINE = 2000;
const MAX_TEXT = 32 * 1024;

/** Prompts and continuation prompts in front of a command line. */
const PROMPT = /^(?:PS [^>]{0,200}> ?|>> ?|> |More\? |[A-Za-z]:\\[^>]{0,200}>|[\w.-]{1,64}@[\w.-]{1,64}[^$#%\n]{0,200}[$#%] |[$%#] )/;
const TOOL = /^(?:curl(?:\.exe)?|wget|https?|Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\s/;
const CONTINUATION = new Set(['\\', '`', '^']);
const SMART_QUOTES = /[\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B]/;
const INVISIBLE = /[\u00A0\u2007\u202F\u200B\u200C\u200D\u2060\uFEFF\u00AD]/;
/** A dash that is not a hyphen at a word's start, before a letter or another dash: `–data`, `—d`, U+2212 before `H`. */
const DASH = /(^|[ \t])[\u2010-\u2015\u2212](?=[A-Za-z\u2010-\u2015-])/;
/** A message of the shell itself (`-bash: !x: event not found`), never a line of the command, though it starts with a dash. */
const SHELL_MESSAGE = /^-?(?:ba|z|k|da)?sh: /;
/** `[1] 12345`: bash put a command in the background. */
const JOB_LINE = /^\[\d{1,3}\][ +-]{0,3}\d{1,7}$/;
const ZSH_GLOB = /^zsh: no matches found: (\S{1,300})/;
/** `bash: !x3: event not found`, `zsh: event not found: x3`. */
const HISTORY = /^(?:-?bash: (!\S{1,80}): event not found|zsh: event not found: (\S{1,80}))/;
/** `bash: -d: command not found`, `'-d' is not recognized …`, PowerShell's `-d : The term '-d' …`. */
const OPTION_RUN_AS_COMMAND =
  /(?:^|: )-{1,2}[A-Za-z][\w-]*: command not found|command not found: -{1,2}[A-Za-z]|^'-{1,2}[A-Za-z][\w-]*' is not recognized|^-{1,2}[A-Za-z][\w-]{0,40} ?: The term '-|^Missing expression after unary operator '--'/;

interface CommandLine {
  /** The line without its prompt, trailing whitespace kept. */
  raw: string;
  /** Whether the line before it asked for a continuation (ends with \ ` ^) or it has a continuation prompt. */
  continued: boolean;
}

/** The lines of the paste that belong to a command (the tool's line and the lines continuing it). */
function commandLines(text: string, shell: ShellKind | null): { lines: CommandLine[]; outputs: string[] } {
  const endsWithContinuation = (raw: string) => continues(raw, shell);
  const lines: CommandLine[] = [];
  const outputs: string[] = [];
  let inCommand = false;
  let start = 0;
  for (let n = 0; n < MAX_LINES && start < text.length; n += 1) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const full = text.slice(start, Math.min(end, start + MAX_LINE)).replace(/\r$/, '');
    start = end + 1;
    const prompt = PROMPT.exec(full.trimStart());
    const continuationPrompt = prompt !== null && /^(?:>>? ?|More\? )$/.test(prompt[0]);
    const raw = prompt ? full.trimStart().slice(prompt[0].length) : full;
    const bare = raw.trim();
    if (OPTION_RUN_AS_COMMAND.test(bare) || SHELL_MESSAGE.test(bare)) {
      outputs.push(bare);
      inCommand = false;
    } else if (TOOL.test(bare)) {
      inCommand = true;
      lines.push({ raw: raw.trimStart(), continued: false });
    } else if (inCommand && (/^-{1,2}[A-Za-z]/.test(bare) || (continuationPrompt && endsWithContinuation(lines.at(-1)?.raw ?? '')))) {
      // A `> ` line is bash's continuation prompt only after a line that asked to continue (else curl -v's request).
      lines.push({ raw: raw.trimStart(), continued: continuationPrompt || endsWithContinuation(lines.at(-1)?.raw ?? '') });
    } else {
      if (bare !== '') outputs.push(bare);
      inCommand = inCommand && endsWithContinuation(lines.at(-1)?.raw ?? '');
    }
  }
  return { lines, outputs };
}

/** Whether a line asks to be continued: with its shell's character when the shell is known (a \\ continues nothing in PowerShell). */
function continues(raw: string, shell: ShellKind | null): boolean {
  const last = raw.trimEnd().at(-1) ?? '';
  return shell === null || shell === 'browser' ? CONTINUATION.has(last) : last === continuationChar(shell);
}

/** The first fault the paste's command shows, or null. */
export function findCommandFault(paste: string, shellHint?: ShellKind | null): CommandFault | null {
  const text = paste.length > MAX_TEXT ? paste.slice(0, MAX_TEXT) : paste;
  const shell = shellHint !== undefined ? shellHint : detectShell(text).shell;
  const { lines, outputs } = commandLines(text, shell);
  if (lines.length === 0) return null;

  const glob = outputs.map((line) => ZSH_GLOB.exec(line)).find((match) => match !== null);
  if (glob) return { kind: 'zsh_glob', shell: 'posix', word: glob[1]! };
  const history = outputs.map((line) => HISTORY.exec(line)).find((match) => match !== null);
  if (history) return { kind: 'history', shell: 'posix', word: history[1] ?? `!${history[2]}` };

  const splitSeen = outputs.some((line) => OPTION_RUN_AS_COMMAND.test(line));
  const jobs = outputs.some((line) => JOB_LINE.test(line));
  // bash put the command in the background ([1] 12345): the & cut it, whatever ran as a command after.
  if (jobs) {
    for (const { raw } of lines) {
      const fault = ampersandFault(raw, shell, true);
      if (fault) return fault;
    }
  }
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const comment = commentFault(line.raw, next !== undefined || splitSeen, shell);
    if (comment) return comment;
    const continuation = continuationFault(line.raw, next !== undefined || splitSeen, shell);
    if (continuation) return continuation;
    // The last line shown may be the one the shell stopped at: what ran next is the shell's error, not a command line.
    if (splitSeen && (next === undefined || !next.continued) && !continues(line.raw, shell)) {
      // The shell ran the next line as a command of its own: this line did not ask to continue (or with another shell's character).
      const last = line.raw.trimEnd().at(-1) ?? '';
      const wrongChar = CONTINUATION.has(last);
      return {
        kind: 'continuation',
        shell,
        line: line.raw.trim(),
        char: wrongChar ? last : continuationChar(shell),
        after: null,
        wrongChar,
      };
    }
  }
  for (const { raw } of lines) {
    const fault = characterFault(raw, shell);
    if (fault) return fault;
  }
  for (const { raw } of lines) {
    const fault = ampersandFault(raw, shell, jobs) ?? expansionFault(raw, shell);
    if (fault) return fault;
  }
  const how = notAForm(lines);
  return how ? { kind: 'not_a_form', shell, how } : null;
}

/** httpie without --form sends its name=value items as JSON; curl with a JSON body or Content-Type sends no form. */
function notAForm(lines: CommandLine[]): 'httpie' | 'json_body' | 'json_header' | null {
  const first = lines[0]!.raw.trim();
  if (/^https? /.test(first)) {
    const all = lines.map((line) => line.raw).join(' ');
    return / (?:-f|--form)\b/.test(all) || !/ [\w.-]{1,40}=/.test(all) ? null : 'httpie';
  }
  for (const { raw } of lines) {
    if (/(?:-d|--data(?:-raw|-binary)?)\s+['"]?\{/.test(raw)) return 'json_body';
    if (/content-type:\s*application\/json/i.test(raw)) return 'json_header';
  }
  return null;
}

const continuationChar = (shell: ShellKind | null) => (shell === 'powershell' ? '`' : shell === 'cmd' ? '^' : '\\');

/** `\ ` at a line's end: the backslash escapes the space, and the newline ends the command. */
function continuationFault(raw: string, more: boolean, shell: ShellKind | null): CommandFault | null {
  if (!more) return null;
  const trimmed = raw.replace(/[ \t\u00A0\u2007\u202F\u200B\uFEFF]+$/, '');
  const char = trimmed.at(-1);
  if (char === undefined || !CONTINUATION.has(char) || trimmed === raw) return null;
  const after = raw.slice(trimmed.length, trimmed.length + 1);
  return { kind: 'continuation', shell, line: trimmed.trim(), char, after };
}

/** Curly quotes (not in PowerShell, which takes them as quotes) and invisible characters. */
function characterFault(raw: string, shell: ShellKind | null): CommandFault | null {
  if (shell !== 'powershell') {
    const at = raw.search(SMART_QUOTES);
    if (at >= 0) return { kind: 'smart_quotes', shell, word: wordAround(raw, at) };
  }
  const hidden = raw.trimEnd().search(INVISIBLE);
  if (hidden >= 0) {
    return {
      kind: 'invisible',
      shell,
      char: raw[hidden]!,
      before: lastWord(raw.slice(Math.max(0, hidden - 60), hidden)),
      after: firstWord(raw.slice(hidden + 1, hidden + 80)),
      marked: markAt(raw, hidden),
    };
  }
  // PowerShell's cmdlets take – and — as a parameter's dash; curl and the others do not.
  const dash = shell === 'powershell' && !/^(?:curl|wget)/i.test(raw.trimStart()) ? null : DASH.exec(raw);
  if (dash) {
    const at = dash.index + dash[1]!.length;
    return { kind: 'dash', shell, char: raw[at]!, word: firstWord(raw.slice(at, at + 60)), marked: markAt(raw, at) };
  }
  if (shell === 'cmd') {
    // Credentials after -u are told by the Basic-header check (recipe-errors.ts), which names what reached the server.
    const quoted = /(?:^|\s)(-u |--user )?('[^'\s]{1,200}'?)/.exec(raw);
    if (quoted && !quoted[1]) return { kind: 'cmd_single_quotes', shell: 'cmd', word: quoted[2]! };
  }
  return null;
}

/**
 * An `&` outside quotes followed by `name=`: bash and cmd.exe end the command there (bash
 * runs it in the background, `[1] 12345`), PowerShell refuses the line. The `&&` operator and
 * an `&` at a word's end are a shell's own.
 */
function ampersandFault(raw: string, shell: ShellKind | null, jobs: boolean): CommandFault | null {
  let quote: string | null = null;
  let wordStart = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || (ch === "'" && shell !== 'cmd')) quote = ch;
    else if (ch === ' ' || ch === '\t') wordStart = i + 1;
    else if (ch === '\\' && shell !== 'cmd' && shell !== 'powershell') i += 1;
    else if (ch === '&' && raw[i + 1] !== '&' && raw[i - 1] !== '&' && i > wordStart) {
      const rest = firstWord(raw.slice(i + 1, i + 200));
      if (/^[\w.-]{1,40}=/.test(rest) || (jobs && rest !== '')) {
        return { kind: 'ampersand', shell, kept: raw.slice(wordStart, i), lost: `&${rest}` };
      }
    }
  }
  return null;
}

/**
 * `#` at the start of a word outside quotes (bash, zsh, PowerShell) starts a comment: the rest
 * of the line goes, its continuation character too, so a command continued on the next line
 * ends there. Told when the comment swallowed a continuation the command needed.
 */
function commentFault(raw: string, more: boolean, shell: ShellKind | null): CommandFault | null {
  if (!more || shell === 'cmd' || !raw.includes('#')) return null;
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && shell !== 'powershell') i += 1;
    else if (ch === '#' && (i === 0 || raw[i - 1] === ' ' || raw[i - 1] === '\t')) {
      const comment = raw.slice(i).trimEnd();
      return CONTINUATION.has(comment.at(-1) ?? '') ? { kind: 'comment', shell, line: raw.trim() } : null;
    }
  }
  return null;
}

/**
 * A `$` inside a word (after a letter or digit: `secret=Tq8$vR2p`), outside single quotes, in
 * bash, zsh or PowerShell: the shell replaced `$name` with that variable's value — nothing,
 * when it is not set — so the value sent is cut there. `$NAME` at a word's or a value's start
 * (`"$CLIENT_ID:$CLIENT_SECRET"`, `code=$CODE`) is a variable meant as one.
 */
function expansionFault(raw: string, shell: ShellKind | null): CommandFault | null {
  if (shell === 'cmd' || !raw.includes('$')) return null;
  let quote: string | null = null;
  let wordStart = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    if (quote === "'") {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"') quote = quote === '"' ? null : '"';
    else if (ch === "'" && quote === null) quote = "'";
    else if ((ch === ' ' || ch === '\t') && quote === null) wordStart = i + 1;
    else if (ch === '\\' && shell !== 'powershell') i += 1;
    else if (ch === '$' && /[A-Za-z0-9]/.test(raw[i - 1] ?? '') && /[A-Za-z_]/.test(raw[i + 1] ?? '')) {
      let end = i + 1;
      while (end < raw.length && end - i <= 64 && /\w/.test(raw[end]!)) end += 1;
      const word = raw
        .slice(wordStart, Math.min(raw.length, end + 40))
        .split(/[ \t]/)[0]!
        .replace(/^["']|["']$/g, '');
      const start = raw.slice(wordStart, i).replace(/^["']/, '');
      return { kind: 'expansion', shell, word, variable: raw.slice(i, end), kept: start };
    }
  }
  return null;
}

/** Up to 30 characters either side of position `at`, the character there shown as [U+XXXX]. */
function markAt(raw: string, at: number): string {
  const code = (raw.codePointAt(at) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `${raw.slice(Math.max(0, at - 30), at).trimStart()}[U+${code}]${raw.slice(at + 1, at + 31).trimEnd()}`;
}

/** The shell word around position `at` (up to the blanks on either side), at most 80 characters. */
function wordAround(raw: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 80 && raw[start - 1] !== ' ' && raw[start - 1] !== '\t') start -= 1;
  let end = at + 1;
  while (end < raw.length && end - at < 80 && raw[end] !== ' ' && raw[end] !== '\t') end += 1;
  return raw.slice(start, end);
}

const lastWord = (text: string) => text.trimEnd().split(/[ \t]/).at(-1) ?? '';
const firstWord = (text: string) => text.trimStart().split(/[ \t]/)[0] ?? '';
