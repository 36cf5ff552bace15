/** detectShell and readPastedCommand on real pastes of each shell and tool (fixtures/pastes.ts). */
import { describe, expect, it } from 'vitest';

import { ADVERSARIAL_FAMILIES, KIB } from '../../../tests/support/adversarial';
import { readPastedCommand } from './command';
import { SHELL_PASTES } from './fixtures/pastes';
import { fastestRun } from './fixtures/timing';
import { detectShell, shellAdvice, toolAdvice, type ShellKind, type ToolKind } from './shell';

describe.each(SHELL_PASTES)('$name', ({ paste, shell, tool, devtools, sent }) => {
  it(`is ${shell ?? 'no known shell'}, ${tool ?? 'no known tool'}${devtools ? ', from devtools' : ''}`, () => {
    expect(detectShell(paste)).toMatchObject({ shell, tool, devtools });
  });

  it('gives back what the command sent, as the tool received it', () => {
    expect(readPastedCommand(paste, detectShell(paste))).toEqual(sent);
  });
});

describe('readPastedCommand', () => {
  const read = (paste: string, shell: ShellKind | null = 'posix', tool: ToolKind | null = 'curl') =>
    readPastedCommand(paste, { shell, tool });

  it('reads a double-quoted header with escaped quotes inside, as bash passes it', () => {
    expect(read('curl -H "Authorization: Basic \\"abc=\\"" x').authorization).toBe('Basic "abc="');
    expect(read(`curl -H 'Authorization: Basic "abc="' x`).authorization).toBe('Basic "abc="');
  });

  it('keeps single quotes in cmd.exe, where they quote nothing', () => {
    expect(read(`curl -u 'id:secret' x`, 'cmd').user).toBe("'id:secret'");
    expect(read(`curl -u 'id:secret' x`, 'posix').user).toBe('id:secret');
  });

  it('reads curl -u glued to its value and --user=', () => {
    expect(read('curl -uid:secret x').user).toBe('id:secret');
    expect(read('curl --user=id:secret x').user).toBe('id:secret');
    expect(read('curl --user-agent test x').user).toBeNull();
  });

  it('percent-decodes a verifier and ignores a shell variable', () => {
    expect(read('-d code_verifier=abc%2Ddef').codeVerifier).toBe('abc-def');
    expect(read('-d code_verifier="$CODE_VERIFIER"').codeVerifier).toBeNull();
    expect(read('"error_description":"code_verifier must be provided"').codeVerifier).toBeNull();
  });
});

describe('shellAdvice and toolAdvice', () => {
  it('continue lines with each shell’s own character', () => {
    expect(shellAdvice('posix').continueLine).toContain('backslash (\\)');
    expect(shellAdvice('powershell').continueLine).toContain('backtick (`)');
    expect(shellAdvice('cmd').continueLine).toContain('caret (^)');
    expect(shellAdvice('cmd').quoting).toMatch(/single quotes are passed on/);
  });

  it('tell what httpie and wget need', () => {
    expect(toolAdvice('httpie')).toContain('--form');
    expect(toolAdvice('wget')).toContain('--post-data');
    expect(toolAdvice('curl')).toBeNull();
  });
});

describe('hostile pastes of 64 KiB', () => {
  it.each(ADVERSARIAL_FAMILIES.map((f) => [f.name, f.make(64 * KIB)] as const))('%s', async (_name, paste) => {
    expect(await fastestRun(() => readPastedCommand(paste, detectShell(paste)))).toBeLessThan(50);
  });

  it.each([
    ['prompts', 'ana@host:~$ '.repeat(6 * KIB)],
    ['carets', ' ^'.repeat(32 * KIB)],
    ['headers', '-H "Authorization: '.repeat(3 * KIB)],
    ['quotes', `-u "${'\\"'.repeat(32 * KIB)}`],
    ['verifiers', 'code_verifier='.repeat(4 * KIB)],
    ['options', ' -u'.repeat(20 * KIB)],
    ['a long line', `PS C:\\${'a'.repeat(64 * KIB)}`],
  ])('%s', async (_name, paste) => {
    const ms = await fastestRun(() => {
      detectShell(paste);
      for (const shell of ['posix', 'powershell', 'cmd', null] as const) readPastedCommand(paste, { shell, tool: 'httpie' });
    });
    expect(ms).toBeLessThan(50);
  });
});
