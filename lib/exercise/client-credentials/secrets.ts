/**
 * A client secret the paste shows written out: in the command line (`-u id:secret`,
 * `-d client_secret=…`, a literal `Authorization: Basic …` header), where the shell's history
 * and the machine's process list keep it, or in the URL's query, where every server log and
 * proxy on the way records it. A value held in a shell variable is not written out.
 *
 * The answers quote what was seen with the secret masked, and give the commands that keep
 * it off the command line (commands.ts). One pass over at most the first lines of the
 * paste (paste/classify.ts `linesOf`), fixed-string searches and bounded scans: linear.
 * Pure.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1 ("MUST NOT be included in the request URI")
 */
import { linesOf } from '../paste/classify';
import { quote, warn, type CheckResult } from '../report';
import { detectShell, holdsShellVariable, readPastedCommand } from '../shell-mistakes';
import { configFileCommand, netrcCommand, type CommandInput, type CommandShell } from './commands';

/** Where the paste shows a secret: the masked text to quote for each place. */
export interface ExposedSecret {
  commandLine: string | null;
  url: string | null;
}

const mask = (value: string) => (value.length > 4 ? `${value.slice(0, 2)}…` : '…');

/** A literal Basic header on a command line (not curl -v's "> Authorization:" echo of it). */
const LITERAL_BASIC = /authorization:\s*basic\s+[A-Za-z0-9+/=_-]{8,}/i;

/** Finds the secret written out in a pasted command line or URL. */
export function findExposedSecret(text: string): ExposedSecret {
  const found: ExposedSecret = { commandLine: null, url: null };
  for (const line of linesOf(text)) {
    if (line.startsWith('>') || line.startsWith('<') || line.startsWith('*')) continue; // curl -v's transcript
    for (let at = line.indexOf('client_secret='); at >= 0; at = line.indexOf('client_secret=', at + 1)) {
      const value = readValue(line, at + 'client_secret='.length);
      if (value === '') continue;
      const before = line[at - 1];
      const inUrl = (before === '?' || before === '&') && urlStartBefore(line, at);
      if (inUrl) found.url ??= `…${before}client_secret=${mask(value)}`;
      else if (!holdsShellVariable(value)) found.commandLine ??= `client_secret=${mask(value)}`;
    }
    const header = LITERAL_BASIC.exec(line);
    if (header && !holdsShellVariable(line.slice(header.index, header.index + 40))) {
      found.commandLine ??= `Authorization: Basic ${mask(header[0].split(/\s+/).pop()!)}`;
    }
  }
  if (found.commandLine === null) {
    const user = readPastedCommand(text, detectShell(text)).user;
    const colon = user?.indexOf(':') ?? -1;
    if (user && colon > 0 && colon < user.length - 1 && !holdsShellVariable(user.slice(colon + 1))) {
      found.commandLine = `-u ${user.slice(0, colon)}:${mask(user.slice(colon + 1))}`;
    }
  }
  return found;
}

/** The value from `start` to the next separator of a form field, a URL or a shell word. */
function readValue(line: string, start: number): string {
  let end = start;
  while (end < line.length && end - start < 512 && !` \t&#"'\`\\`.includes(line[end]!)) end += 1;
  return line.slice(start, end);
}

/** Whether the text before `at` on the line is a URL without a space in it (http…?…). */
function urlStartBefore(line: string, at: number): boolean {
  const space = Math.max(line.lastIndexOf(' ', at), line.lastIndexOf('\t', at));
  const word = line.slice(space + 1, at);
  return /^["']?https?:\/\//i.test(word);
}

/**
 * The warnings for a secret written out, with the commands that keep it off the command
 * line in the shell the paste comes from (bash/zsh unless it tells PowerShell).
 */
export function secretWarnings(text: string, input: CommandInput): CheckResult[] {
  const exposed = findExposedSecret(text);
  if (exposed.commandLine === null && exposed.url === null) return [];
  const shell: CommandShell = ['powershell', 'cmd'].includes(detectShell(text).shell ?? '') ? 'powershell' : 'bash';
  // One line each for a sentence: the commands' lines joined with ;, which both shells accept.
  const config = configFileCommand(input, shell).replaceAll('\n', '; ');
  const netrc = netrcCommand(input, shell).replaceAll('\n', '; ');
  const results: CheckResult[] = [];
  if (exposed.url !== null) {
    results.push(
      warn(
        'secret',
        'client_credentials.secret_in_url',
        `The client secret is in the URL's query (${quote(exposed.url, 60)}): web servers, proxies and browsers log URLs, so the secret is now in their logs.`,
        `Never put a secret in a URL: take ?client_id=…&client_secret=… off the address, and let curl send the credentials as HTTP Basic authentication read from a file — ${config} — then generate a new client secret for the app, since the old one was logged.`,
      ),
    );
  }
  if (exposed.commandLine !== null) {
    results.push(
      warn(
        'secret',
        'client_credentials.secret_on_command_line',
        `The client secret is written out in the command (${quote(exposed.commandLine, 60)}): the shell's history keeps it, and other users of the machine can see it in the process list while curl runs.`,
        `Keep it in a file only you can read, and give curl the file: with a curl config file — ${config} — or with a netrc file — ${netrc}. Then clear the line from your history${shell === 'bash' ? ' (history -d <number>, or edit ~/.bash_history / ~/.zsh_history)' : ' (Clear-History, and the PSReadLine history file: (Get-PSReadLineOption).HistorySavePath)'}.`,
      ),
    );
  }
  return results;
}
