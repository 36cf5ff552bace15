/**
 * Clues in a paste about what happened in the learner's terminal, beyond the JSON: the
 * shell running parts of a broken curl command as commands of their own, PowerShell's
 * list display of a response object, a command that sent the access token as the refresh
 * token. They explain the mistake at its root, so the learner is not sent after its
 * consequences. One pass over at most the first lines; pure and browser-safe.
 */
import { fail, quote, type CheckResult } from '../report';
import { findCommandFault, type CommandFault } from '../shell-mistakes/faults';
import { shellAdvice, type ShellKind } from '../shell-mistakes/shell';
import { sentValue } from './command-evidence';

export interface TerminalClues {
  /** The shell cut the command in two: its error for a curl option run as a command, or the line whose continuation failed, quoted. */
  commandSplit: string | null;
  /** What the shell did to the command before curl ran it (shell-mistakes/faults.ts), or null. */
  commandFault: CommandFault | null;
  /** The form parameters the pasted command sent (-d name=value): values of the public ones, only the length of secrets; null when no command is in the paste. */
  sent: SentParams | null;
  /** PowerShell's `Invoke-RestMethod` list of the response's fields (`name : value` lines). */
  powershellList: boolean;
  /** The pasted command sent a JWT, i.e. an access token, as `refresh_token`. */
  accessTokenAsRefreshToken: boolean;
}

const MAX_LINES = 200;
const MAX_LINE = 2000;

/** `bash: -d: command not found`, `zsh: command not found: -d`, `'-d' is not recognized as …` (cmd). */
const SHELL_ERROR =
  /^(?:[\w./-]+: (?:line \d+: |\d+: )?)?(?:(-{1,2}[A-Za-z][\w-]*)\b.{0,40}?(?:command not found|not found|No such file)|command not found: (-{1,2}[A-Za-z][\w-]*))|^'(-{1,2}[A-Za-z][\w-]*)' is not recognized/;

/** PowerShell 5.1 and 7: `-d : The term '-d' is not recognized as the name of a cmdlet, …`. */
const POWERSHELL_TERM = /^-{1,2}[A-Za-z][\w-]{0,40} ?: The term '-/;

/** A field of a token response as PowerShell lists it: `access_token  : eyJ…`. */
const POWERSHELL_FIELD = /^(access_token|token_type|expires_in|refresh_token|scope|id_token|error|error_description) +: /;

/** `refresh_token=eyJ…` in a pasted command: a JWT (three base64url parts) is an access or ID token. */
const JWT_AS_REFRESH = /refresh_token=['"]?eyJ[\w-]*\.[\w-]*\./;

/** A parameter the command sent: its value when it is not a secret, and its length. */
export interface SentParam {
  value: string | null;
  length: number;
}
export type SentParams = Partial<Record<SentName, SentParam>> & {
  /** The command authenticates with HTTP Basic (curl -u, an Authorization: Basic header). */
  basic?: boolean;
};

/** `-u id:secret`, `--user`, `-H "Authorization: Basic …"` on a line of the paste. */
const BASIC_AUTH = /(?:^|\s)(?:-u|--user)[\s=]?\S|authorization: ?basic/i;

const PUBLIC_PARAMS = ['grant_type', 'redirect_uri', 'client_id', 'scope'] as const;
const SECRET_PARAMS = ['code', 'code_verifier', 'client_secret', 'refresh_token'] as const;
type SentName = (typeof PUBLIC_PARAMS)[number] | (typeof SECRET_PARAMS)[number];

/** The form parameters a pasted command sent; secrets by length only (SPEC §7: never kept). Null: no command sent any. */
export function readSentParams(text: string): SentParams | null {
  const sent: SentParams = {};
  for (const name of [...PUBLIC_PARAMS, ...SECRET_PARAMS]) {
    const value = sentValue(text, name);
    if (value === null) continue;
    sent[name] = { value: (PUBLIC_PARAMS as readonly string[]).includes(name) ? value : null, length: value.length };
  }
  if (BASIC_AUTH.test(text.slice(0, 32 * 1024))) sent.basic = true;
  return Object.keys(sent).length > 0 ? sent : null;
}

export function readTerminalClues(text: string): TerminalClues {
  const clues: TerminalClues = {
    commandSplit: null,
    commandFault: findCommandFault(text),
    sent: readSentParams(text),
    powershellList: false,
    accessTokenAsRefreshToken: false,
  };
  let fields = 0;
  let braces = false;
  let start = 0;
  for (let n = 0; n < MAX_LINES && start < text.length; n += 1) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE)).trim();
    start = end + 1;
    if (line.includes('{')) braces = true;
    // bash's “event not found” is a history expansion that ran nothing (shell-mistakes/faults.ts), not a split command.
    if (clues.commandSplit === null && !line.endsWith('event not found') && (SHELL_ERROR.test(line) || POWERSHELL_TERM.test(line)))
      clues.commandSplit = line.slice(0, 80);
    if (POWERSHELL_FIELD.test(line)) fields += 1;
    if (!clues.accessTokenAsRefreshToken && line.includes('refresh_token=') && JWT_AS_REFRESH.test(line))
      clues.accessTokenAsRefreshToken = true;
  }
  clues.powershellList = fields >= 2 && !braces;
  // A continuation that failed cut the command as surely as a shell error shows it.
  if (clues.commandFault?.kind === 'continuation' || clues.commandFault?.kind === 'comment')
    clues.commandSplit ??= clues.commandFault.line.slice(0, 80);
  return clues;
}

/**
 * The root cause when the shell split the curl command, with how to continue a line in the
 * shell that ran it: a backslash in bash and zsh, a backtick in PowerShell, a caret in cmd.exe.
 */
export function commandSplit(line: string, shell: ShellKind | null = null): CheckResult {
  const continuation =
    shell === 'powershell' || shell === 'cmd'
      ? `In ${shellAdvice(shell).name}: ${lowerFirst(shellAdvice(shell).continueLine)}`
      : 'Each line of the command but the last must end with a backslash and nothing after it — no space after the "\\".';
  return fail(
    'request',
    'request.command_split',
    `The shell ran part of the curl command as a command of its own (${quote(line, 80)}): the command was cut in two, so curl sent an incomplete request and any error it printed is a consequence.`,
    `${continuation} Copy the command again with its Copy button and paste it as a whole.`,
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** PowerShell's list display instead of the JSON. */
export function powershellList(): CheckResult {
  return fail(
    'json',
    'json.powershell_output',
    "This is PowerShell's list of the response's fields (name : value lines), not the JSON the server sent.",
    'In PowerShell, run the command with curl.exe (the real curl, as shown), or add | ConvertTo-Json to Invoke-RestMethod, and paste the JSON from { to }.',
  );
}
