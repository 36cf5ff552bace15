/** findCommandFault: what a shell did to a pasted command, per shell, and what it must not take for a fault. */
import { describe, expect, it } from 'vitest';

import { ADVERSARIAL_FAMILIES, KIB } from '../../../tests/support/adversarial';
import { answerCommandFault } from '../paste/command-faults';
import { findCommandFault } from './faults';
import { fastestRun } from './fixtures/timing';

const URL = 'http://localhost:3000/oauth2/default/v1/token';
const ERROR = '{"error":"invalid_request","error_description":"The request is missing a required parameter: grant_type."}';

describe('a line continuation that did not continue', () => {
  it('names a backslash with a space after it in bash, and the line it is on', () => {
    const fault = findCommandFault(`$ curl -X POST ${URL} \\\n>   -d grant_type=authorization_code \\ \n>   -d code=abc\n${ERROR}`);
    expect(fault).toMatchObject({
      kind: 'continuation',
      shell: 'posix',
      char: '\\',
      after: ' ',
      line: '-d grant_type=authorization_code \\',
    });
    const answer = answerCommandFault(fault!);
    expect(answer.code).toBe('request.command_split');
    expect(answer.message).toContain('followed by a space');
    expect(answer.hint).toContain('very last character');
  });

  it('names a backtick with a space after it in PowerShell, never a backslash', () => {
    const paste = `PS C:\\> curl.exe -X POST ${URL} \`\n>> -d grant_type=authorization_code \` \n>> -d code=abc\n-d : The term '-d' is not recognized as the name of a cmdlet`;
    const fault = findCommandFault(paste);
    expect(fault).toMatchObject({ kind: 'continuation', shell: 'powershell', char: '`', after: ' ' });
    expect(answerCommandFault(fault!).message).toContain('a backtick (`) followed by a space');
    expect(answerCommandFault(fault!).message).not.toContain('backslash');
  });

  it('names a non-breaking space after a caret in cmd.exe', () => {
    const fault = findCommandFault(`C:\\Users\\ana>curl -X POST ${URL} ^\u00A0\nMore? -d grant_type=authorization_code`);
    expect(fault).toMatchObject({ kind: 'continuation', shell: 'cmd', char: '^', after: '\u00A0' });
    expect(answerCommandFault(fault!).message).toContain('non-breaking space (U+00A0)');
  });

  it('names the line that lacks its continuation when the shell ran the next line as a command', () => {
    const fault = findCommandFault(
      `$ curl -X POST ${URL} \\\n  -d grant_type=authorization_code\n  -d code=abc\nbash: -d: command not found`,
    );
    expect(fault).toMatchObject({ kind: 'continuation', char: '\\', after: null, line: '-d grant_type=authorization_code' });
    expect(answerCommandFault(fault!).message).toContain('does not end with a backslash');
  });

  it("does not take curl -v's request lines for continuation prompts", () => {
    const paste = `$ curl -v -X POST ${URL} -d grant_type=authorization_code\n* Connected\n> POST /oauth2/default/v1/token HTTP/1.1\n> Host: localhost:3000\n>\n< HTTP/1.1 400 Bad Request\n${ERROR}`;
    expect(findCommandFault(paste)).toBeNull();
  });
});

describe('characters the shell passed on', () => {
  it('finds curly quotes around a URL or a value in bash and cmd.exe', () => {
    expect(findCommandFault(`$ curl -X POST “${URL}” -d grant_type=authorization_code\ncurl: (3) URL rejected`)).toMatchObject({
      kind: 'smart_quotes',
      word: `“${URL}”`,
    });
    expect(findCommandFault(`C:\\>curl ${URL} -d ‘grant_type=authorization_code’\n${ERROR}`)).toMatchObject({
      kind: 'smart_quotes',
      shell: 'cmd',
    });
  });

  it('leaves curly quotes alone in PowerShell, which takes them as quotes', () => {
    expect(findCommandFault(`PS C:\\> curl.exe -X POST “${URL}” -d “grant_type=authorization_code”\n${ERROR}`)).toBeNull();
  });

  it('names a non-breaking space or a zero-width space inside the command, and what is on either side', () => {
    const nbsp = findCommandFault(`$ curl -X POST ${URL} -d\u00A0grant_type=authorization_code\n${ERROR}`);
    expect(nbsp).toMatchObject({ kind: 'invisible', char: '\u00A0', before: '-d', after: 'grant_type=authorization_code' });
    const answer = answerCommandFault(nbsp!, { who: 'server', said: 'invalid_request' });
    expect(answer.code).toBe('request.shell_quoting');
    expect(answer.message).toContain('non-breaking space (U+00A0)');
    expect(answer.message).toContain('the server answered "invalid_request"');
    expect(findCommandFault(`$ curl ${URL} -d gr\u200Bant_type=authorization_code\n${ERROR}`)).toMatchObject({ char: '\u200B' });
  });

  it("names cmd.exe's single quotes, but leaves -u credentials to the Basic-header check", () => {
    const fault = findCommandFault(`C:\\Users\\ana>curl -X POST "${URL}" --data-urlencode 'client_id=0oa1'\n${ERROR}`);
    expect(fault).toMatchObject({ kind: 'cmd_single_quotes', word: "'client_id=0oa1'" });
    expect(answerCommandFault(fault!).hint).toContain('double quotes');
    expect(findCommandFault(`C:\\Users\\ana>curl -X POST "${URL}" -u '0oa1:secret' -d grant_type=authorization_code\n${ERROR}`)).toBeNull();
    // The same quotes in bash quote.
    expect(findCommandFault(`$ curl -X POST '${URL}' --data-urlencode 'client_id=0oa1'\n${ERROR}`)).toBeNull();
  });
});

describe('an & outside quotes', () => {
  it('says what bash sent and what it cut, and how to quote it', () => {
    const fault = findCommandFault(`$ curl -X POST ${URL} -d grant_type=authorization_code&code=abcdef\n[1] 48213\n${ERROR}`);
    expect(fault).toMatchObject({ kind: 'ampersand', shell: 'posix', kept: 'grant_type=authorization_code', lost: '&code=abcdef' });
    const answer = answerCommandFault(fault!);
    expect(answer.message).toContain('curl sent only "grant_type=authorization_code"');
    expect(answer.hint).toContain("single quotes ('grant_type=authorization_code&code=…')");
    expect(answer.message).not.toContain('abcdef');
  });

  it('finds it in an unquoted URL too, and gives cmd.exe its double quotes', () => {
    const fault = findCommandFault(
      `C:\\>curl ${URL}?grant_type=authorization_code&code=abcdef\n'code' is not recognized as an internal or external command`,
    );
    expect(fault).toMatchObject({ kind: 'ampersand', shell: 'cmd' });
    expect(answerCommandFault(fault!).hint).toContain('double quotes');
  });

  it('leaves quoted values, && and a trailing & alone', () => {
    expect(findCommandFault(`$ curl -X POST ${URL} -d 'grant_type=authorization_code&code=abc'\n${ERROR}`)).toBeNull();
    expect(findCommandFault(`$ curl -X POST "${URL}?a=b&c=d"\n${ERROR}`)).toBeNull();
    expect(findCommandFault(`$ curl -X POST ${URL} -d code=abc && echo done\n${ERROR}`)).toBeNull();
  });
});

describe('a body that is not a form, and zsh', () => {
  it('names HTTPie without --form, a JSON body and a JSON Content-Type', () => {
    expect(findCommandFault(`$ http POST ${URL} grant_type=authorization_code\n${ERROR}`)).toMatchObject({
      kind: 'not_a_form',
      how: 'httpie',
    });
    expect(findCommandFault(`$ http --form POST ${URL} grant_type=authorization_code\n${ERROR}`)).toBeNull();
    expect(findCommandFault(`$ curl ${URL} -d '{"grant_type":"authorization_code"}'\n${ERROR}`)).toMatchObject({ how: 'json_body' });
    expect(findCommandFault(`$ curl ${URL} -H 'Content-Type: application/json' -d grant_type=x\n${ERROR}`)).toMatchObject({
      how: 'json_header',
    });
  });

  it("names zsh's file-name pattern", () => {
    const fault = findCommandFault(`% curl ${URL}?grant_type=x\nzsh: no matches found: ${URL}?grant_type=x`);
    expect(fault).toMatchObject({ kind: 'zsh_glob' });
    expect(answerCommandFault(fault!).hint).toContain("single quotes ('…')");
  });
});

describe('bounds', () => {
  it('finds nothing in text without a command', () => {
    expect(findCommandFault(ERROR)).toBeNull();
    expect(findCommandFault('')).toBeNull();
  });

  it.each(ADVERSARIAL_FAMILIES)('stays linear on "$name" behind a curl prompt (64 KiB within 50 ms)', async ({ make }) => {
    for (const text of [
      `$ curl ${make(64 * KIB)}`,
      make(64 * KIB),
      `$ curl -d ${'&a'.repeat(32 * KIB)}`,
      `$ curl “${'\u00A0'.repeat(64 * KIB)}`,
    ]) {
      expect(await fastestRun(() => findCommandFault(text))).toBeLessThan(50);
    }
  });
});

describe("another shell's continuation character", () => {
  it('names a backslash in PowerShell, where it continues nothing, with the backtick', () => {
    const paste = `PS C:\\Users\\ana> curl.exe -X POST ${URL} \\\n-d grant_type=authorization_code \\\n-d code=abc\n-d : The term '-d' is not recognized as the name of a cmdlet, function, script file, or operable program.`;
    const fault = findCommandFault(paste);
    expect(fault).toMatchObject({ kind: 'continuation', shell: 'powershell', char: '\\', wrongChar: true });
    const answer = answerCommandFault(fault!);
    expect(answer.message).toContain('does not continue a line in PowerShell');
    expect(answer.hint).toContain('backtick (`)');
  });
});

describe('a history expansion', () => {
  it('reads “-bash: …” as the shell speaking, not as an option line of the command', () => {
    const fault = findCommandFault(`$ curl -u "oauth-lab:Zk9!xQ2mWv7Lr4Tp" -d grant_type=x ${URL}\n-bash: !xQ2mWv7Lr4Tp": event not found`);
    expect(fault).toMatchObject({ kind: 'history' });
    expect(answerCommandFault(fault!).message).toContain('"!xQ2m…"');
  });

  it('names the ! that bash took for one, and single quotes as the fix', () => {
    const fault = findCommandFault(`$ curl ${URL} -d "client_secret=ab!x3Yz"\nbash: !x3Yz: event not found`);
    expect(fault).toMatchObject({ kind: 'history', word: '!x3Yz' });
    expect(answerCommandFault(fault!).hint).toContain("single quotes ('…')");
  });
});

describe('characters deep inside a command (issue 19, third round)', () => {
  it('names an en dash where -- belongs, marks it in place, and gives the option back', () => {
    const fault = findCommandFault(`$ curl ${URL} \u2013data grant_type=authorization_code\ncurl: (6) Could not resolve host: \u2013data`);
    expect(fault).toMatchObject({ kind: 'dash', char: '\u2013', word: '\u2013data' });
    const answer = answerCommandFault(fault!);
    expect(answer.code).toBe('request.shell_quoting');
    expect(answer.message).toContain('an en dash (–, U+2013)');
    expect(answer.message).toContain('[U+2013]data');
    expect(answer.hint).toContain('Type --data');
  });

  it("leaves a dash alone in PowerShell's cmdlets, which take it as a parameter's", () => {
    expect(findCommandFault(`PS C:\\> Invoke-RestMethod \u2013Method Post \u2013Uri ${URL}`)).toBeNull();
  });

  it('marks a narrow no-break space after -H in place', () => {
    const fault = findCommandFault(`$ curl ${URL} -H\u202F"Authorization: Basic abc"\n${ERROR}`);
    expect(fault).toMatchObject({ kind: 'invisible', before: '-H' });
    expect(answerCommandFault(fault!).message).toContain('-H[U+202F]"Authorization');
  });
});

describe('what the shell did with $ and #', () => {
  it('names a $ inside a secret in double quotes, what was sent, and single quotes as the fix', () => {
    const fault = findCommandFault(`$ curl -u "oauth-lab:Tq8$vR2pLx5Nw3Ks" -d grant_type=x ${URL}`);
    expect(fault).toMatchObject({ kind: 'expansion', kept: 'oauth-lab:Tq8', variable: '$vR2pLx5Nw3Ks' });
    const answer = answerCommandFault(fault!, { who: 'server', said: 'invalid_client' });
    // The value is a secret: the $ is shown with a few characters either side, not the value.
    expect(answer.message).toContain('curl sent "…Tq8"');
    expect(answer.message).not.toContain('vR2p');
    expect(answer.message).not.toContain('Lx5Nw3Ks');
    expect(answer.hint).toContain("single quotes ('…')");
  });

  it('leaves variables meant as such alone, and a $ in single quotes', () => {
    expect(findCommandFault(`$ curl -u "$CLIENT_ID:$CLIENT_SECRET" -d code=$CODE ${URL}`)).toBeNull();
    expect(findCommandFault(`$ curl -u 'oauth-lab:Tq8$vR2p' ${URL}`)).toBeNull();
    expect(findCommandFault(`C:\\> curl -u "oauth-lab:Tq8$vR2p" ${URL}`)).toBeNull();
  });

  it('names a commented-out line inside a continued command', () => {
    const paste = `$ curl -X POST ${URL} \\\n>   -d grant_type=authorization_code \\\n>   # -d scope=offline_access \\\n${ERROR}\n-bash: -d: command not found`;
    const fault = findCommandFault(paste);
    expect(fault).toMatchObject({ kind: 'comment', line: '# -d scope=offline_access \\' });
    const answer = answerCommandFault(fault!);
    expect(answer.code).toBe('request.command_split');
    expect(answer.message).toContain('ignores everything after the #');
  });

  it('leaves a # inside a word (a URL fragment) alone', () => {
    expect(findCommandFault(`$ curl ${URL}#frag \\\n>   -d a=b`)).toBeNull();
  });

  it('tells the & that backgrounded the command before the option that ran as a command after it', () => {
    const paste = `$ curl -X POST ${URL}?grant_type=authorization_code&code=abc -u id:secret\n[1] 48213\n-bash: -u: command not found`;
    expect(findCommandFault(paste)).toMatchObject({ kind: 'ampersand', lost: '&code=abc' });
  });

  it.each(ADVERSARIAL_FAMILIES)('stays linear on "$name" with $, # and dashes (64 KiB within 50 ms)', async ({ make }) => {
    for (const text of [
      `$ curl -u "${'a$b'.repeat(20 * KIB)}" ${make(4 * KIB)}`,
      `$ curl ${' #'.repeat(32 * KIB)} \\\n> -d a=b`,
      `$ curl ${' \u2013'.repeat(32 * KIB)}`,
      `$ curl x \\\n${'> # a \\\n'.repeat(8 * KIB)}`,
    ]) {
      expect(await fastestRun(() => findCommandFault(text))).toBeLessThan(50);
    }
  });
});
