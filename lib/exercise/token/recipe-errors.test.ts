/**
 * The token and refresh steps name a shell recipe mistake behind a refused PKCE check or
 * client authentication (issue 19, class 4): from the pasted command, or from what the
 * practice server recorded. Challenges and headers are literals printed by real tools
 * (lib/exercise/shell-mistakes/fixtures/recipes.json).
 */
import { describe, expect, it } from 'vitest';

import type { RecipeMistakeKind, RecipeMistakeRecord, TokenCheckContext } from './context';
import { RECORD_FRESH_MS } from './recipe-errors';
import { checkRefreshResponse } from './refresh-step';
import { ctx, NOW } from './test-support';
import { checkTokenResponse } from './token-step';
import { BASIC_NEWLINE, CLIENT_ID, CLIENT_SECRET, SHELL_PASTES, VERIFIER } from '../shell-mistakes/fixtures/pastes';
import recipes from '../shell-mistakes/fixtures/recipes.json';

const TABLE = recipes.pkce[VERIFIER] as Record<string, string>;
const PKCE_FAILED = '{"error":"invalid_grant","error_description":"PKCE verification failed."}';
const CLIENT_FAILED = '{"error":"invalid_client","error_description":"Client authentication failed."}';
const TOKEN = 'http://localhost:3000/oauth2/default/v1/token';

const practice = (o: Partial<TokenCheckContext> = {}): TokenCheckContext =>
  ctx({ practice: true, clientId: CLIENT_ID, lookupClientSecret: async () => CLIENT_SECRET, ...o });

const recorded =
  (label: string, o: Partial<RecipeMistakeRecord> = {}, kind: RecipeMistakeKind = 'pkce') =>
  async (asked: RecipeMistakeKind) =>
    asked === kind ? { label, recordedAt: new Date(NOW.getTime() - 60_000), sameCode: null, ...o } : null;

async function only(text: string, context: TokenCheckContext) {
  const report = await checkTokenResponse(text, context);
  expect(report.status).toBe('fail');
  const failing = report.results.filter((r) => r.status === 'fail');
  expect(failing).toHaveLength(1);
  return failing[0]!;
}

const bash = (verifier: string, output = PKCE_FAILED) =>
  `ana@laptop:~$ curl -X POST ${TOKEN} \\\n  -d grant_type=authorization_code \\\n  -d code_verifier=${verifier}\n${output}`;

describe('a refused PKCE check, the command in the paste', () => {
  it('names the recipe that made the challenge of the checked URL (hex text of the hash plus a newline)', async () => {
    const result = await only(bash(VERIFIER), ctx({ codeChallenge: TABLE['verifier.hex_newline.base64url'] }));
    expect(result.code).toBe('pkce.challenge_recipe');
    expect(result.message).toContain('base64url of the hex text, plus a newline, of the SHA-256 hash of the verifier');
    expect(result.hint).toContain("printf %s \"$VERIFIER\" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '='");
    expect(result.hint).not.toContain('PowerShell');
  });

  it("gives PowerShell's recipe to a PowerShell paste, and both to a paste that shows no shell", async () => {
    const powershell = SHELL_PASTES.find((p) => p.name.startsWith('PowerShell, curl.exe'))!.paste;
    const result = await only(powershell, ctx({ codeChallenge: TABLE['verifier_newline.binary.base64url'] }));
    expect(result.code).toBe('pkce.challenge_recipe');
    expect(result.message).toContain('plus a newline');
    expect(result.hint).toContain('in PowerShell: [Convert]::ToBase64String(');
    expect(result.hint).not.toContain('openssl');
    const bare = await only(`-d code_verifier=${VERIFIER}\n${PKCE_FAILED}`, ctx({ codeChallenge: TABLE['verifier.binary.base64'] }));
    expect(bare.hint).toMatch(/bash\/zsh: .* PowerShell: /);
  });

  it('tells a challenge sent as the verifier (or a verifier as the challenge)', async () => {
    const result = await only(bash(VERIFIER), ctx({ codeChallenge: VERIFIER }));
    expect(result.code).toBe('pkce.challenge_recipe');
    expect(result.message).toContain('the same text');
  });

  it('says the verifier is not the one hashed when no recipe connects them', async () => {
    const other = recipes.pkce['Ahz6r0t1Vq9LwB8yX3mK5pN7sD2fG4hJ6kL8zX0cV1b']['verifier.binary.base64url'];
    const result = await only(bash(VERIFIER), ctx({ codeChallenge: other }));
    expect(result.code).toBe('response.error');
    expect(result.message).toContain('not the verifier that was hashed');
  });

  it('says the code came from another URL when verifier and checked challenge belong together', async () => {
    const result = await only(bash(VERIFIER), ctx({ codeChallenge: TABLE['verifier.binary.base64url'] }));
    expect(result.code).toBe('response.error');
    expect(result.message).toContain('another authorization URL');
  });

  it('keeps the usual explanation without a checked challenge or a verifier in the paste', async () => {
    expect((await only(bash(VERIFIER), ctx())).message).toContain('does not match the code_challenge');
    expect((await only(bash('"$CODE_VERIFIER"'), ctx({ codeChallenge: VERIFIER }))).code).toBe('response.error');
  });
});

describe("a refused PKCE check, the practice server's record", () => {
  it('names the recorded recipe when only the error is pasted', async () => {
    const result = await only(PKCE_FAILED, practice({ lookupRecipeMistake: recorded('verifier.shasum_line.base64url') }));
    expect(result.code).toBe('pkce.challenge_recipe');
    expect(result.message).toContain('the practice server compared');
    expect(result.message).toContain('the line shasum prints');
  });

  it("prefers the record of the learner's own code to the pasted command", async () => {
    const lookup = recorded('verifier.openssl_line.base64url', { sameCode: true });
    const result = await only(bash(VERIFIER), practice({ codeChallenge: VERIFIER, lookupRecipeMistake: lookup }));
    expect(result.message).toContain('SHA2-256(stdin)');
  });

  it('tells a verifier that no recipe connects, as the server recorded it', async () => {
    const result = await only(PKCE_FAILED, practice({ lookupRecipeMistake: recorded('unrelated') }));
    expect(result).toMatchObject({ code: 'response.error', message: expect.stringContaining('not the one that was hashed') });
  });

  it('ignores a stale record of another code, an unknown label and a failing lookup', async () => {
    const stale = recorded('verifier.hex.base64url', { sameCode: false, recordedAt: new Date(NOW.getTime() - RECORD_FRESH_MS - 1) });
    for (const lookupRecipeMistake of [
      stale,
      recorded('verifier.sha3.base64url'),
      async () => {
        throw new Error('database is locked');
      },
    ]) {
      expect((await only(PKCE_FAILED, practice({ lookupRecipeMistake }))).code).toBe('response.error');
    }
  });
});

describe('a refused client authentication', () => {
  it('names an echo newline in a pasted Basic header, with the advice of that shell', async () => {
    const paste = SHELL_PASTES.find((p) => p.name.startsWith('bash, with its prompt'))!.paste;
    const result = await only(paste, practice());
    expect(result.code).toBe('client.basic_header_recipe');
    expect(result.message).toContain('a newline was encoded after the secret');
    expect(result.hint).toContain('printf %s "$CLIENT_ID:$CLIENT_SECRET" | openssl base64 -A');
    expect(result.hint).toContain('echo adds a newline');
    expect(result.message).not.toContain(CLIENT_SECRET);
  });

  it("names cmd.exe's single quotes around curl -u, and says how cmd.exe quotes", async () => {
    const paste = SHELL_PASTES.find((p) => p.name.startsWith('cmd.exe, carets'))!.paste;
    const result = await only(paste, practice());
    expect(result.code).toBe('client.basic_header_recipe');
    expect(result.message).toContain('quotes were encoded around the credentials');
    expect(result.hint).toContain('curl.exe -u "CLIENT_ID:CLIENT_SECRET"');
    expect(result.hint).toContain('Only double quotes quote');
  });

  it("explains the practice server's invalid_request for a malformed header the same way", async () => {
    const text = `-H "Authorization: Basic ${BASIC_NEWLINE.replace(/=+$/, '').replaceAll('+', '-')}" \n{"error":"invalid_request","error_description":"invalid authorization header value format"}`;
    expect((await only(text, practice())).code).toBe('client.basic_header_recipe');
  });

  it('tells a wrong secret and another client ID without naming the secret', async () => {
    const wrong = Buffer.from(`${CLIENT_ID}:not-it`).toString('base64');
    const result = await only(`-H "Authorization: Basic ${wrong}"\n${CLIENT_FAILED}`, practice());
    expect(result).toMatchObject({ code: 'response.error', message: expect.stringContaining('the secret is not') });
    const other = Buffer.from(`0oaSOMEONEELSE:not-it`).toString('base64');
    expect((await only(`-H "Authorization: Basic ${other}"\n${CLIENT_FAILED}`, practice())).message).toContain('the client ID is not');
  });

  it("uses the practice server's record when only the error is pasted, in the refresh step too", async () => {
    const lookupRecipeMistake = recorded('wrapped+newline', {}, 'basic');
    const report = await checkRefreshResponse(CLIENT_FAILED, { ...practice({ lookupRecipeMistake }), first: null });
    const result = report.results.find((r) => r.status === 'fail' && r.code !== 'refresh.no_first_response');
    expect(result?.code).toBe('client.basic_header_recipe');
    expect(result?.message).toContain('the Authorization header the practice server received');
    expect(result?.message).toContain('broken over two lines');
  });

  it('keeps the usual explanation when nothing tells the recipe', async () => {
    expect((await only(CLIENT_FAILED, practice())).message).toContain("did not get My Web App's client secret");
    expect((await only(CLIENT_FAILED, practice({ lookupRecipeMistake: recorded('none', {}, 'basic') }))).code).toBe('response.error');
  });
});
