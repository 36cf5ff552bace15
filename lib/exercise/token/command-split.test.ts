/**
 * A curl command the shell cut in two is explained with the line continuation of the shell
 * that ran it (issue 19, class 4): bash's backslash, PowerShell's backtick, cmd.exe's caret.
 */
import { describe, expect, it } from 'vitest';

import { ctx } from './test-support';
import { checkTokenResponse } from './token-step';

const ANSWER = `{"error":"invalid_request","error_description":"missing required parameter 'grant_type'"}`;

describe('request.command_split', () => {
  it.each([
    ['bash', `$ curl -X POST http://localhost:3000/oauth2/default/v1/token \\ \n${ANSWER}\nbash: -d: command not found`, /backslash/],
    [
      'PowerShell 5.1',
      `PS C:\\Users\\ana> curl.exe -X POST http://localhost:3000/oauth2/default/v1/token\n${ANSWER}\n-d : The term '-d' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
      /^In PowerShell: end every line but the last with a backtick/,
    ],
    [
      'PowerShell 7',
      `${ANSWER}\n-d: The term '-d' is not recognized as a name of a cmdlet, function, script file, or executable program.`,
      /backtick/,
    ],
    [
      'cmd.exe',
      `C:\\Users\\ana>curl -X POST http://localhost:3000/oauth2/default/v1/token\n${ANSWER}\n'-d' is not recognized as an internal or external command,\noperable program or batch file.`,
      /^In Windows cmd\.exe: end every line but the last with a caret \(\^\)/,
    ],
  ])('in %s, says how that shell continues a line', async (_shell, paste, hint) => {
    const report = await checkTokenResponse(paste, ctx());
    const result = report.results.find((r) => r.code === 'request.command_split');
    expect(result?.status).toBe('fail');
    expect(result?.hint).toMatch(hint);
  });
});
