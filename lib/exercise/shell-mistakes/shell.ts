/**
 * Which shell or tool produced a paste (issue 19, class 4): bash or zsh, PowerShell,
 * Windows cmd.exe, or a browser's console; curl, httpie, wget, Invoke-WebRequest or fetch;
 * typed, or copied from the browser's devtools ("Copy as cURL (bash)", "Copy as cURL
 * (cmd)", "Copy as PowerShell", "Copy as fetch"). Advice about quoting and continuing lines
 * is only true in one shell: a backslash continues a line in bash, a backtick in
 * PowerShell, a caret in cmd.exe, where single quotes quote nothing.
 *
 * One pass over at most the first lines of the paste, each line read once by anchored or
 * fixed-string tests: linear in the input. Pure and browser-safe.
 */

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'browser';
export type ToolKind = 'curl' | 'httpie' | 'wget' | 'invoke-webrequest' | 'fetch';

export interface ShellGuess {
  /** null: nothing in the paste tells. */
  shell: ShellKind | null;
  tool: ToolKind | null;
  /** Copied from a browser's devtools ("Copy as …"), not typed. */
  devtools: boolean;
  /** The line (start) that told the shell, for a message. */
  clue: string | null;
}

const MAX_LINES = 200;
const MAX_LINE = 2000;
const MAX_TEXT = 16 * 1024;

/**
 * Prompts: `PS C:\Users\ana>` and its continuation `>> `; `C:\Users\ana>` and cmd.exe's
 * continuation `More? `; `ana@host:~$ `, `ana@mac ~ % ` (zsh), `$ `, `% `, oh-my-zsh's arrow (U+279C).
 */
const POWERSHELL_PROMPT = /^(?:PS(?: [A-Za-z]:\\[^>]{0,200}| \/[^>]{0,200}| [A-Za-z]+:[^>]{0,200})?> ?|>> )/;
const CMD_PROMPT = /^(?:[A-Za-z]:\\[^>]{0,200}>|More\? )/;
const POSIX_PROMPT = /^(?:[\w.-]{1,64}@[\w.-]{1,64}[^$#%\n]{0,200}[$#%] |[$%#] |\u279C {1,2}\S)/;

const POWERSHELL_WORDS = [
  'Invoke-RestMethod',
  'Invoke-WebRequest',
  'ConvertTo-Json',
  'ConvertFrom-Json',
  'New-Object',
  'Get-FileHash',
  '[Convert]::',
  '[System.Convert]::',
  '[Text.Encoding]::',
  '$env:',
  '-Headers @{',
  '-Body @{',
  'curl.exe',
  // PowerShell 5.1 says "as the name of a cmdlet", 7 "as a name of a cmdlet".
  'name of a cmdlet',
  'FullyQualifiedErrorId',
];
const CMD_WORDS = ['is not recognized as an internal or external command', '^"', 'set /p', 'certutil'];
const POSIX_WORDS = ['command not found', 'bash:', 'zsh:', '$(', 'printf %s', '| base64', '| tr ', 'export ', '--compressed'];

/** The shells' own error messages: as telling as a prompt. */
const ERRORS = new Set(['name of a cmdlet', 'is not recognized as an internal or external command', 'command not found', 'bash:', 'zsh:']);

const TOOL_STARTS: [string, ToolKind][] = [
  ['curl.exe ', 'curl'],
  ['curl ', 'curl'],
  ['http ', 'httpie'],
  ['https ', 'httpie'],
  ['wget ', 'wget'],
  ['Invoke-RestMethod ', 'invoke-webrequest'],
  ['Invoke-WebRequest ', 'invoke-webrequest'],
  ['irm ', 'invoke-webrequest'],
  ['iwr ', 'invoke-webrequest'],
  ['fetch(', 'fetch'],
  ['await fetch(', 'fetch'],
];

/** What a line says about the shell: a prompt or an error message weighs 3, a line continuation 2, a word 1. */
function scoreLine(line: string, scores: Record<Exclude<ShellKind, 'browser'>, number>): Exclude<ShellKind, 'browser'> | null {
  let told: Exclude<ShellKind, 'browser'> | null = null;
  const add = (shell: Exclude<ShellKind, 'browser'>, weight: number) => {
    scores[shell] += weight;
    if (weight >= 2 && told === null) told = shell;
  };
  if (POWERSHELL_PROMPT.test(line)) add('powershell', 3);
  else if (CMD_PROMPT.test(line)) add('cmd', 3);
  else if (POSIX_PROMPT.test(line)) add('posix', 3);
  const last = line.at(-1);
  const beforeLast = line.at(-2);
  if (last === '`' && beforeLast === ' ') add('powershell', 2);
  if (last === '^' && beforeLast === ' ') add('cmd', 2);
  if (last === '\\' && beforeLast === ' ') add('posix', 2);
  for (const word of POWERSHELL_WORDS) if (line.includes(word)) add('powershell', ERRORS.has(word) ? 3 : 1);
  for (const word of CMD_WORDS) if (line.includes(word)) add('cmd', ERRORS.has(word) ? 3 : 1);
  for (const word of POSIX_WORDS) if (line.includes(word)) add('posix', ERRORS.has(word) ? 3 : 1);
  return told;
}

/** Strips a prompt, so the tool's name starts the line. */
function afterPrompt(line: string): string {
  const prompt = POWERSHELL_PROMPT.exec(line) ?? CMD_PROMPT.exec(line) ?? POSIX_PROMPT.exec(line);
  if (!prompt) return line;
  // oh-my-zsh prints the directory after its arrow: `<arrow>  lab curl …`.
  const rest = line.slice(prompt[0].length).trimStart();
  return prompt[0].startsWith('\u279C') ? rest.slice(rest.indexOf(' ') + 1) : rest;
}

/**
 * Guesses the shell and tool that produced `paste` from prompts, line continuations
 * (`\`, `` ` ``, `^`), quoting (`^"`), error messages and tool names.
 */
export function detectShell(paste: string): ShellGuess {
  const text = paste.length > MAX_TEXT ? paste.slice(0, MAX_TEXT) : paste;
  const scores = { posix: 0, powershell: 0, cmd: 0 };
  let tool: ToolKind | null = null;
  let devtools = false;
  let clue: string | null = null;
  let clueShell: ShellKind | null = null;
  let start = 0;
  for (let n = 0; n < MAX_LINES && start < text.length; n += 1) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + MAX_LINE)).trim();
    start = end + 1;
    if (line === '') continue;
    const told = scoreLine(line, scores);
    if (told !== null && clue === null) {
      clue = line.slice(0, 80);
      clueShell = told;
    }
    const command = afterPrompt(line);
    if (tool === null) for (const [prefix, kind] of TOOL_STARTS) if (command.startsWith(prefix)) tool = kind;
    // wget prints its progress, not the command: `HTTP request sent, awaiting response... 400 Bad Request`.
    if (tool === null && command.startsWith('HTTP request sent, awaiting response')) tool = 'wget';
    if (command.startsWith('curl ^"')) devtools = true;
    if (command.startsWith('$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession')) devtools = true;
    if (/^-H \^?["']sec-ch-ua|^"sec-ch-ua"|^"referrerPolicy"|^-UserAgent "Mozilla/.test(command)) devtools = true;
  }
  if (tool === 'fetch') return { shell: 'browser', tool, devtools, clue: clue ?? 'fetch(' };
  const best = (Object.entries(scores) as [Exclude<ShellKind, 'browser'>, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  const shell = best[1] > 0 ? best[0] : tool === 'invoke-webrequest' ? 'powershell' : null;
  return { shell, tool, devtools, clue: shell !== null && clueShell === shell ? clue : null };
}

export interface ShellAdvice {
  /** The shell's name, for a sentence ("In PowerShell, …"). */
  name: string;
  /** How to continue a command on the next line. */
  continueLine: string;
  /** How to quote a value so it arrives as typed. */
  quoting: string;
  /** How to hand a value to a pipe without a line ending. */
  withoutNewline: string;
}

const ADVICE: Record<ShellKind, ShellAdvice> = {
  posix: {
    name: 'bash/zsh',
    continueLine: 'End every line but the last with a backslash (\\) and nothing after it, not even a space.',
    quoting:
      "Put values in single quotes ('…'): nothing inside them is expanded, neither $ nor !. Inside double quotes, $VAR and $(…) are.",
    withoutNewline: 'printf %s "$VALUE" prints the value alone; echo adds a newline (and echo -n prints "-n" in some shells).',
  },
  powershell: {
    name: 'PowerShell',
    continueLine: 'End every line but the last with a backtick (`) and nothing after it, or break the line after a | or an opening {.',
    quoting:
      "Single quotes ('…') are literal; double quotes expand $variables. Run curl.exe, not curl: in Windows PowerShell 5.1, curl is Invoke-WebRequest.",
    withoutNewline:
      'A string piped to a native command (openssl, base64) gets a line ending appended: hash and encode with .NET ([Convert]::ToBase64String, SHA256) instead.',
  },
  cmd: {
    name: 'Windows cmd.exe',
    continueLine: 'End every line but the last with a caret (^) and nothing after it, not even a space.',
    quoting:
      "Only double quotes quote: single quotes are passed on as part of the value (curl gets 'value' with the quotes). A % starts a variable (%NAME%).",
    withoutNewline:
      'echo adds a line ending, and keeps the space before a |: cmd.exe has no way to hash or base64-encode a value. Use curl.exe -u "id:secret", or PowerShell.',
  },
  browser: {
    name: "the browser's console",
    continueLine: 'A fetch(…) call may span lines as it is; paste it whole.',
    quoting: 'Strings are JavaScript strings: quote them with "…" and escape a " inside as \\".',
    withoutNewline: 'Strings have no trailing newline unless you add one.',
  },
};

/** How to continue lines, quote values and print without a newline in `shell`. */
export function shellAdvice(shell: ShellKind): ShellAdvice {
  return ADVICE[shell];
}

/** What a tool needs that curl users do not expect: the form encoding, the auth option, where the answer goes. */
export function toolAdvice(tool: ToolKind): string | null {
  switch (tool) {
    case 'httpie':
      return "httpie sends JSON unless told otherwise: use http --form POST … with name=value fields, -a 'id:secret' for Basic authentication, and a header as 'Authorization:Basic …'.";
    case 'wget':
      return "wget posts with --post-data='name=value&name=value' (one string, & between fields), adds a header with --header='Authorization: Basic …', and needs -O - --content-on-error to print an error's JSON.";
    case 'invoke-webrequest':
      return 'Invoke-RestMethod shows a response as a list, and throws on an error status: run curl.exe instead, or pipe to ConvertTo-Json.';
    case 'fetch':
      return "A fetch() in the browser's console runs under the page's origin and CORS rules: run the request from a terminal with curl instead.";
    case 'curl':
      return null;
  }
}
