/**
 * Issue 19: evidence deeper in a paste — curl -v's and wget's status lines, a browser
 * console's error, a command the shell changed told before what it printed — and the
 * answers to a 400/401 without JSON read with the command.
 */
import { describe, expect, it } from 'vitest';

import { ADVERSARIAL_FAMILIES, KIB } from '../../../tests/support/adversarial';
import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { answerResponsePaste } from './answers';
import { classifyPaste, truncatedField } from './classify';

const TOKEN = 'http://localhost:3000/oauth2/default/v1/token';
const answer = (text: string, practice = true) =>
  answerResponsePaste(classifyPaste(text)!, { tokenEndpoint: TOKEN, practice, grant: 'authorization_code' });

describe('status lines inside tool output', () => {
  it("reads curl -v's response status after “< ”", () => {
    const paste = `$ curl -v -X POST ${TOKEN} -u "0oa1:wrong" -d grant_type=authorization_code\n* Connected to localhost\n> POST /oauth2/default/v1/token HTTP/1.1\n>\n< HTTP/1.1 401 Unauthorized\n< Content-Length: 0\n<\n* Connection #0 to host localhost left intact`;
    expect(classifyPaste(paste)).toMatchObject({ kind: 'http_error', status: 401, sent: { tool: 'curl', credentials: true } });
    const result = answer(paste);
    expect(result.message).toContain('did not accept the client');
    expect(result.hint).toContain('Fill in my practice secret');
  });

  it("reads wget's status, says the command sent no credentials, and how wget shows the JSON", () => {
    const paste = `$ wget --post-data 'grant_type=authorization_code&code=abc' ${TOKEN}\nConnecting to localhost (localhost)|::1|:3000... connected.\nHTTP request sent, awaiting response... 401 Unauthorized\nUsername/Password Authentication Failed.`;
    expect(classifyPaste(paste)).toMatchObject({ kind: 'http_error', status: 401, sent: { tool: 'wget', credentials: false } });
    const result = answer(paste, false);
    expect(result.message).toContain('sends no client secret');
    expect(result.hint).toContain('--content-on-error');
  });

  it('names GNU base64 wrapping a Basic header when the server refuses the request without JSON', () => {
    const paste = `$ curl -i -X POST ${TOKEN} -H "Authorization: Basic $(echo -n "$ID:$SECRET" | base64)" -d grant_type=authorization_code\nHTTP/1.1 400 Bad Request\nConnection: close`;
    const result = answer(paste);
    expect(result.code).toBe('client.basic_header_recipe');
    expect(result.message).toContain('76 characters');
    expect(result.hint).toContain('-u "$CLIENT_ID:$CLIENT_SECRET"');
    const unwrapped = paste.replace('| base64)', '| base64 -w 0)');
    expect(answer(unwrapped).code).toBe('paste.http_error');
  });

  it('does not take words before "..." for a shortened token', () => {
    expect(truncatedField('HTTP request sent, awaiting response... 401 Unauthorized')).toBeNull();
    expect(truncatedField('Resolving localhost (localhost)... ::1')).toBeNull();
    expect(truncatedField('{"access_token":"eyJraWQiOiJYbTJrOVEiLCJhbGc…"}')).toEqual({ field: 'access_token' });
  });
});

describe("a browser console's error", () => {
  it('names CORS, the page origin and the status, and sends the learner to a terminal', () => {
    const paste = `Access to fetch at '${TOKEN}' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nPOST ${TOKEN} net::ERR_FAILED 401 (Unauthorized)\nUncaught (in promise) TypeError: Failed to fetch`;
    expect(classifyPaste(paste)).toMatchObject({ kind: 'browser_error', origin: 'http://localhost:5173', status: 401 });
    const result = answer(paste);
    expect(result.code).toBe('paste.browser_error');
    expect(result.message).toContain('CORS');
    expect(result.hint).toContain('terminal');
  });
});

describe('a command the shell changed, told before what it printed', () => {
  it('leads with the curly quotes, and tells curl’s error as their consequence', () => {
    const paste = `$ curl -X POST “${TOKEN}” -d grant_type=authorization_code\ncurl: (1) Protocol "“http" not supported`;
    expect(classifyPaste(paste)).toMatchObject({ kind: 'command_fault', after: { who: 'curl' } });
    const result = answer(paste);
    expect(result.code).toBe('request.shell_quoting');
    expect(result.message).toContain('curl said');
  });

  it('keeps the command alone a command (run it first)', () => {
    expect(classifyPaste(`$ curl -X POST “${TOKEN}” -d grant_type=authorization_code`)).toMatchObject({ kind: 'command' });
  });

  it.each(ADVERSARIAL_FAMILIES)('classifies "$name" in linear time (64 KiB within 50 ms)', async ({ make }) => {
    for (const text of [make(64 * KIB), `$ curl ${make(64 * KIB)}`, `< HTTP/1.1 401 x\n${make(64 * KIB)}`]) {
      expect(await fastestRun(() => classifyPaste(text))).toBeLessThan(50);
    }
  });
});

describe("devtools' Copy as fetch", () => {
  it('is the command alone: run the curl command in a terminal instead', () => {
    const paste = `fetch("${TOKEN}", {\n  "headers": { "content-type": "application/x-www-form-urlencoded" },\n  "body": "grant_type=authorization_code&code=abc",\n  "method": "POST"\n});`;
    expect(classifyPaste(paste)).toMatchObject({ kind: 'command', tool: 'fetch' });
    expect(answer(paste).hint).toContain('CORS');
  });
});
