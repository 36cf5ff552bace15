/**
 * The answer to a fault the shell made of a pasted command (issue 19, classes 1 and 4; the
 * faults are found by lib/exercise/shell-mistakes/faults.ts): what the shell did with the
 * character, what the tool received therefore, and the fix that is true in that shell. It
 * leads the report: whatever the server or curl said after is a consequence. Pure.
 */
import { nameCharacter } from '../explain-difference';
import { fail, quote, type CheckResult } from '../report';
import type { CommandFault } from '../shell-mistakes/faults';
import { shellAdvice, type ShellKind } from '../shell-mistakes/shell';

const CHECK = 'request';
const AGAIN = 'and run the command again';

const shellName = (shell: ShellKind | null) => (shell === null ? 'the shell' : shellAdvice(shell).name);
const CHAR_NAME: Record<string, string> = { '\\': 'a backslash (\\)', '`': 'a backtick (`)', '^': 'a caret (^)' };
const EXPECTED_CHAR: Partial<Record<ShellKind, string>> = { posix: '\\', powershell: '`', cmd: '^' };

/** Secret values shortened and long token runs cut, so a quoted piece of a command shows no secret. */
export function maskArgument(text: string): string {
  return text
    .replace(/\b((?:code|code_verifier|client_secret|refresh_token|access_token|id_token|password)=)[^\s&'"]{5,}/gi, '$1…')
    .replace(/[A-Za-z0-9_~+-]{24,}/g, (run) => `${run.slice(0, 8)}…`);
}

/** What came back after the faulty command: told as the fault's consequence. */
export interface FaultConsequence {
  who: 'server' | 'curl' | 'PowerShell';
  said: string;
}

/** The lead result for a fault, with what the server or the tool said after it as its consequence. */
export function answerCommandFault(fault: CommandFault, after?: FaultConsequence | null): CheckResult {
  const consequence = after
    ? `. What came back follows from it: ${after.who === 'server' ? 'the server answered' : `${after.who} said`} ${quote(maskArgument(after.said), 100)}`
    : '';
  const shell = shellName(fault.shell);
  switch (fault.kind) {
    case 'continuation': {
      const expected = fault.shell ? EXPECTED_CHAR[fault.shell] : undefined;
      const wrongChar = fault.wrongChar === true || (expected !== undefined && fault.after !== null && fault.char !== expected);
      const line = quote(maskArgument(fault.line), 90);
      const message =
        fault.after === null && !wrongChar
          ? `The line ${line} of your command does not end with ${CHAR_NAME[expected ?? '\\']}, so ${shell} ended the command there and ran the next line (an option such as -d) as a command of its own: curl sent an incomplete request${consequence}.`
          : wrongChar
            ? `The line ${line} of your command ends with ${CHAR_NAME[fault.char]}, which does not continue a line in ${shell}: the command ended there and curl sent an incomplete request${consequence}.`
            : `The line ${line} of your command ends with ${CHAR_NAME[fault.char]} followed by ${nameCharacter(fault.after ?? ' ')}: ${shell} then reads the ${fault.char} as escaping that character, not as continuing the line, so the command ended there and curl sent an incomplete request${consequence}.`;
      const hint =
        fault.after === null || wrongChar
          ? `${
              fault.shell
                ? `In ${shellAdvice(fault.shell).name}: ${lowerFirst(shellAdvice(fault.shell).continueLine)}`
                : 'End every line but the last with the line-continuation character of your shell (\\ in bash/zsh, ` in PowerShell, ^ in cmd.exe).'
            } Fix that line, or write the command on one line, ${AGAIN}.`
          : `Delete ${nameCharacter(fault.after ?? ' ')} after the ${CHAR_NAME[fault.char]!.slice(2)} at the end of that line (it must be the line's very last character), or write the command on one line, ${AGAIN}.`;
      return fail(CHECK, 'request.command_split', message, hint);
    }
    case 'smart_quotes':
      return fail(
        CHECK,
        'request.shell_quoting',
        `Your command has curly quotes (${quote(maskArgument(fault.word), 80)}): a word processor, a chat app or a web page turned straight quotes into them. ${capitalize(shell)} does not take “ ” or ‘ ’ as quotes, so curl received them as characters of the URL or the value${consequence}.`,
        `Type those quotes again as straight ones (" or '), or copy the command with its Copy button straight into the terminal, ${AGAIN}.`,
      );
    case 'invisible':
      return fail(
        CHECK,
        'request.shell_quoting',
        `Between ${quote(maskArgument(fault.before), 40)} and ${quote(maskArgument(fault.after), 60)} your command has ${nameCharacter(fault.char)}, not a plain space (${quote(maskArgument(fault.marked), 80)}): ${shell} does not split the command there, so curl received the two as one piece and the server did not find the parameter or header by its name${consequence}.`,
        `Delete that character and type a plain space (documents, chat apps and some web pages put such characters in), or copy the command with its Copy button straight into the terminal, ${AGAIN}.`,
      );
    case 'ampersand': {
      const kept = quote(maskArgument(fault.kept), 80);
      const lost = quote(maskArgument(fault.lost), 60);
      const what =
        fault.shell === 'powershell'
          ? `PowerShell does not accept a bare & inside an argument, so the command did not run as written`
          : fault.shell === 'cmd'
            ? `cmd.exe ended the command at the & and ran ${lost} as another command: curl sent only ${kept}`
            : `${fault.shell === 'posix' ? 'bash/zsh' : 'the shell'} ended the command at the & (and ran it in the background): curl sent only ${kept}, and ${lost} never reached the server`;
      const quoteIt =
        fault.shell === 'cmd'
          ? `Put that value in double quotes ("${maskArgument(fault.kept)}${maskArgument(fault.lost)}")`
          : `Put that value in single quotes ('${maskArgument(fault.kept)}${maskArgument(fault.lost)}')`;
      return fail(
        CHECK,
        'request.shell_quoting',
        `The & in ${quote(maskArgument(fault.kept + fault.lost), 100)} is outside quotes: ${what}${consequence}.`,
        `${quoteIt}, or give each parameter its own -d (one -d name=value per parameter, as in the step's command), ${AGAIN}.`,
      );
    }
    case 'dash': {
      const name = DASH_NAME[fault.char] ?? nameCharacter(fault.char);
      const option = fault.word.replace(/^[\u2010-\u2015\u2212-]+/, '');
      const hyphens = option.length <= 1 ? '-' : '--';
      const meant = `${hyphens}${option}`;
      return fail(
        CHECK,
        'request.shell_quoting',
        `Your command has ${name} where ${option.length <= 1 ? 'a hyphen belongs' : 'two hyphens belong'}: ${quote(maskArgument(fault.word), 40)} (${quote(maskArgument(fault.marked), 80)}). A word processor or chat app turned ${hyphens} into a dash, so curl did not read ${quote(maskArgument(fault.word), 30)} as an option but as another address to fetch, and what should have followed it was never sent${consequence}.`,
        `Type ${meant} with plain ${option.length <= 1 ? 'hyphen' : 'hyphens'} — every such dash in the command — or copy the command with its Copy button straight into the terminal, ${AGAIN}.`,
      );
    }
    case 'expansion': {
      // The value is often a secret: show the $ with a few characters either side, not the value.
      const variable = fault.variable.length > 4 ? `${fault.variable.slice(0, 3)}…` : fault.variable;
      const kept = fault.kept.length > 4 ? `…${fault.kept.slice(-3)}` : fault.kept;
      return fail(
        CHECK,
        'request.shell_quoting',
        `A value in your command has a $ (${quote(`${kept}${variable}`, 60)}), and outside single quotes ${shell} replaces ${quote(variable, 20)} with the value of a variable of that name — nothing, as none is set — so curl sent ${quote(kept, 40)} and the rest of the value never reached the server${consequence}.`,
        fault.shell === 'powershell'
          ? `Put that value in single quotes ('…'), where PowerShell expands nothing (or write the $ as \`$), ${AGAIN}.`
          : `Put that value in single quotes ('…'), where bash and zsh expand nothing (or write the $ as \\$), ${AGAIN}.`,
      );
    }
    case 'comment':
      return fail(
        CHECK,
        'request.command_split',
        `The line ${quote(maskArgument(fault.line), 80)} holds a comment: ${shell} ignores everything after the # — the line-continuation character at its end too — so the command ended there, curl sent an incomplete request, and the lines after it ran as commands of their own${consequence}.`,
        `Delete that line (a comment cannot sit inside a command continued over several lines), or move it above the command, ${AGAIN}.`,
      );
    case 'cmd_single_quotes':
      return fail(
        CHECK,
        'request.shell_quoting',
        `This command ran in Windows Command Prompt (cmd.exe), where a single quote is an ordinary character, not a quote: curl received ${quote(maskArgument(fault.word), 60)} with the ' in it, so the server did not find that parameter by its name, and a quoted header split into pieces${consequence}.`,
        `In cmd.exe use double quotes ("…") — or none around values without spaces — and end continued lines with ^, ${AGAIN}.`,
      );
    case 'not_a_form': {
      const what = {
        httpie: 'HTTPie sends name=value items as JSON unless told --form',
        json_body: "your command sends a JSON body (-d '{…}')",
        json_header: 'your command labels its body as JSON (Content-Type: application/json)',
      }[fault.how];
      return fail(
        CHECK,
        'request.not_a_form',
        `${capitalize(what)}, but a token endpoint reads only a form (application/x-www-form-urlencoded, RFC 6749 §4.1.3), so it found none of your parameters${consequence}.`,
        fault.how === 'httpie'
          ? `Add --form (or -f): http --form POST <token endpoint> grant_type=… code=… — ${AGAIN}.`
          : `Send each parameter as -d name=value${fault.how === 'json_header' ? ' and remove the Content-Type: application/json header' : ' instead of the JSON'} (curl then sends a form), ${AGAIN}.`,
      );
    }
    case 'history':
      return fail(
        CHECK,
        'request.shell_quoting',
        `The shell took ${quote(fault.word.length > 6 ? `${fault.word.slice(0, 5)}…` : fault.word, 60)} in your command for a history expansion (a ! outside single quotes) and ran nothing: the command was never sent.`,
        `Put the value that holds the ! in single quotes ('…'), where bash and zsh expand nothing, ${AGAIN}.`,
      );
    case 'zsh_glob':
      return fail(
        CHECK,
        'request.shell_quoting',
        `zsh read ${quote(maskArgument(fault.word), 100)} as a file-name pattern (because of its ? or [ ]), found no such file and did not run the command at all.`,
        `Put the URL in single quotes ('…') ${AGAIN}.`,
      );
  }
}

const DASH_NAME: Record<string, string> = {
  '\u2013': 'an en dash (–, U+2013)',
  '\u2014': 'an em dash (—, U+2014)',
  '\u2212': 'a minus sign (U+2212)',
  '\u2010': 'a Unicode hyphen (U+2010)',
  '\u2011': 'a non-breaking hyphen (U+2011)',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
