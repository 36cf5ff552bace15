import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { parseResponse, redactSecrets } from './parse-response';

const NOW = new Date('2026-01-15T10:00:00Z');
const ISSUER = 'http://localhost:3000/oauth2/default';

let accessToken: string;
let okta: Record<string, unknown>;
let pretty: string;
let compact: string;
const refreshToken = 'hY6OEJqn4dbXr0Yb1ZbMZWGN2hC8K3fJ4Zx5Zt0Ykn8';

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256');
  const iat = Math.floor(NOW.getTime() / 1000) - 60;
  accessToken = await new SignJWT({ ver: 1, cid: '0oa1b2c3d4EXAMPLE', uid: '00u1a2b3c4EXAMPLE', scp: ['offline_access', 'api:read'] })
    .setProtectedHeader({ alg: 'RS256', kid: 'Xm2k9Q' })
    .setIssuer(ISSUER)
    .setAudience('api://default')
    .setSubject('learner@example.com')
    .setJti('AT.6bUu3KdI6YQIu0uWw2w4xGvPfJ6d')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(privateKey);
  okta = {
    token_type: 'Bearer',
    expires_in: 3600,
    access_token: accessToken,
    scope: 'offline_access api:read',
    refresh_token: refreshToken,
  };
  pretty = JSON.stringify(okta, null, 2);
  compact = JSON.stringify(okta);
});

const codesOf = (r: ReturnType<typeof parseResponse>) => r.results.filter((x) => x.status !== 'pass').map((x) => `${x.status}:${x.code}`);

describe('parseResponse: what learners paste', () => {
  const cases: { name: string; paste: () => string; ok: boolean; codes: string[] }[] = [
    { name: 'pretty JSON from jq', paste: () => pretty, ok: true, codes: [] },
    { name: 'compact JSON as curl prints it', paste: () => compact, ok: true, codes: [] },
    { name: 'JSON with Windows line endings and a BOM', paste: () => `\uFEFF${pretty.replace(/\n/g, '\r\n')}\r\n`, ok: true, codes: [] },
    {
      name: 'an OAuth error JSON (parsed; explained by the step check)',
      paste: () => '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}',
      ok: true,
      codes: [],
    },
    {
      name: 'curl -i output',
      paste: () =>
        [
          'HTTP/1.1 200 OK',
          'Date: Thu, 15 Jan 2026 10:00:00 GMT',
          'Content-Type: application/json;charset=UTF-8',
          'Cache-Control: no-cache, no-store',
          'Pragma: no-cache',
          'X-Okta-Request-Id: aGx1bWJlcg',
          '',
          compact,
        ].join('\r\n'),
      ok: true,
      codes: ['warn:json.http_headers'],
    },
    {
      name: 'curl -i output after a 100 Continue, HTTP/2',
      paste: () =>
        ['HTTP/1.1 100 Continue', '', 'HTTP/2 200 ', 'content-type: application/json', 'cache-control: no-store', '', pretty].join('\n'),
      ok: true,
      codes: ['warn:json.http_headers'],
    },
    {
      name: 'curl -v output with the connection note glued to the body',
      paste: () =>
        [
          'Note: Unnecessary use of -X or --request, POST is already inferred.',
          '*   Trying 127.0.0.1:3000...',
          '* Connected to localhost (127.0.0.1) port 3000 (#0)',
          '> POST /oauth2/default/v1/token HTTP/1.1',
          '> Host: localhost:3000',
          '> User-Agent: curl/7.88.1',
          '> Accept: */*',
          '> Content-Length: 312',
          '> Content-Type: application/x-www-form-urlencoded',
          '> ',
          '< HTTP/1.1 200 OK',
          '< content-type: application/json; charset=utf-8',
          '< cache-control: no-store',
          '< content-length: 1043',
          '< ',
          '{ [1043 bytes data]',
          `${compact}* Connection #0 to host localhost left intact`,
        ].join('\n'),
      ok: true,
      codes: ['warn:json.http_headers'],
    },
    {
      name: 'text that went through a word processor (smart quotes, non-breaking spaces)',
      paste: () => pretty.replace(/"/g, (_m, offset: number) => (offset % 2 === 0 ? '“' : '”')).replace(/ {2}/g, '\u00A0\u00A0'),
      ok: true,
      codes: ['warn:json.smart_quotes'],
    },
    {
      name: "a macOS zsh paste ending with the shell's no-newline %",
      paste: () => `${compact}%`,
      ok: true,
      codes: [],
    },
    {
      name: 'the command and the prompt pasted along with the output',
      paste: () =>
        `$ curl -X POST http://localhost:3000/oauth2/default/v1/token -d grant_type=authorization_code -d code=Hs7FqlJ3kd9X2mN0pQrStUvWx\n${pretty}\n$ `,
      ok: true,
      codes: ['warn:json.extra_text'],
    },
    {
      name: 'output piped through jq with the progress meter',
      paste: () =>
        [
          '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
          '                                 Dload  Upload   Total   Spent    Left  Speed',
          '100  1355  100  1043  100   312  61352  18352 --:--:-- --:--:-- --:--:-- 84687',
          pretty,
        ].join('\n'),
      ok: true,
      codes: ['warn:json.extra_text'],
    },
    { name: 'nothing', paste: () => '', ok: false, codes: ['fail:input.empty'] },
    { name: 'only whitespace', paste: () => '  \n\t ', ok: false, codes: ['fail:input.empty'] },
    { name: 'a bare JWT (the access token alone)', paste: () => accessToken, ok: false, codes: ['fail:json.only_access_token'] },
    { name: 'a Bearer header', paste: () => `Authorization: Bearer ${accessToken}`, ok: false, codes: ['fail:json.only_access_token'] },
    { name: 'a quoted JWT copied from the JSON', paste: () => `"${accessToken}"`, ok: false, codes: ['fail:json.only_access_token'] },
    { name: 'an opaque refresh token alone', paste: () => `${refreshToken}\n`, ok: false, codes: ['fail:json.only_access_token'] },
    {
      name: 'an encrypted (JWE) token alone',
      paste: () => 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..N3ZnOHp6d2Fwbm9s.bXlfZW5jcnlwdGVkX3BheWxvYWQ.aGVsbG8gdGFnIDEyMw',
      ok: false,
      codes: ['fail:json.only_access_token'],
    },
    {
      name: 'a trailing comma',
      paste: () => '{\n  "token_type": "Bearer",\n  "expires_in": 3600,\n}',
      ok: false,
      codes: ['fail:json.invalid'],
    },
    { name: 'cut off while copying', paste: () => compact.slice(0, 200), ok: false, codes: ['fail:json.invalid'] },
    { name: 'JavaScript-style single quotes', paste: () => "{'token_type': 'Bearer'}", ok: false, codes: ['fail:json.invalid'] },
    {
      name: 'curl -i headers but no body',
      paste: () => 'HTTP/1.1 302 Found\r\nLocation: http://localhost:3000/login\r\n\r\n',
      ok: false,
      codes: ['warn:json.http_headers', 'fail:json.invalid'],
    },
    {
      name: 'an HTML error page',
      paste: () => '<!DOCTYPE html>\n<html><head><title>404: This page could not be found</title></head></html>',
      ok: false,
      codes: ['fail:json.invalid'],
    },
    { name: 'a JSON list', paste: () => `[${compact}]`, ok: false, codes: ['fail:json.not_object'] },
    { name: 'a number', paste: () => '3600', ok: false, codes: ['fail:json.not_object'] },
    { name: 'null', paste: () => 'null', ok: false, codes: ['fail:json.not_object'] },
  ];

  it.each(cases)('$name', ({ paste, ok, codes }) => {
    const result = parseResponse(paste());
    expect(result.ok).toBe(ok);
    expect(codesOf(result)).toEqual(codes);
    if (result.ok) {
      expect(result.body).toEqual(JSON.parse(result.canonical));
      if (result.body.access_token !== undefined) expect(result.body).toEqual(okta);
    }
  });

  it('gives the same canonical JSON for the same response pasted differently', () => {
    const a = parseResponse(pretty);
    const b = parseResponse(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${compact}`);
    expect(a.ok && b.ok && a.canonical === b.canonical).toBe(true);
  });
});

describe('parseResponse: messages say where and never quote a token', () => {
  it.each([
    { paste: '{\n  "token_type": "Bearer",\n  "expires_in": 3600,\n}', where: 'line 4, column 1', found: '"}"', hint: /trailing comma/ },
    { paste: '{\n  "token_type": "Bearer"\n  "expires_in": 3600\n}', where: 'line 3, column 3', found: '"""', hint: /comma is missing/ },
    { paste: "{'token_type': 'Bearer'}", where: 'line 1, column 2', found: `"'"`, hint: /double quotes/ },
    { paste: '{token_type: "Bearer"}', where: 'line 1, column 2', found: '"t"', hint: /Field names must be in double quotes/ },
    { paste: '{"token_type": "Bearer"', where: 'line 1, column 24', found: 'the end of the text', hint: /cut off/ },
    { paste: '<!DOCTYPE html><html></html>', where: 'line 1, column 1', found: '"<"', hint: /HTML page/ },
    {
      paste: 'http://localhost:3000/redirect?code=Hs7FqlJ3kd9X2mN0pQrStUvWxYz012345&state=abc',
      where: 'line 1, column 1',
      found: '"h"',
      hint: /This is a URL/,
    },
    {
      paste: 'curl -X POST http://localhost:3000/oauth2/default/v1/token \\\n  -d grant_type=authorization_code',
      where: 'line 1, column 1',
      found: '"c"',
      hint: /curl command itself/,
    },
    { paste: '{"a": 1} {"b": 2}', where: 'line 1, column 10', found: '"{"', hint: /more text after the JSON/ },
  ])('$where: found $found', ({ paste, where, found, hint }) => {
    const result = parseResponse(paste);
    expect(result.ok).toBe(false);
    const invalid = result.results.find((r) => r.code === 'json.invalid');
    expect(invalid?.message).toContain(where);
    expect(invalid?.message).toContain(`found ${found}`);
    expect(invalid?.hint).toMatch(hint);
    expect(invalid?.message).not.toContain('Hs7FqlJ3kd9X2mN0pQrStUvWxYz012345');
  });

  it('reports a token wrapped over two lines without quoting the token', () => {
    const broken = pretty.replace(accessToken, `${accessToken.slice(0, 120)}\n${accessToken.slice(120)}`);
    const result = parseResponse(broken);
    const invalid = result.results.find((r) => r.code === 'json.invalid');
    expect(invalid?.message).toContain('found a line break');
    expect(invalid?.hint).toMatch(/split over two lines/);
    expect(invalid?.message).not.toContain(accessToken.slice(0, 40));
  });

  it('never quotes the whole token when a lone token is pasted', () => {
    const result = parseResponse(accessToken);
    const message = result.results[0]?.message ?? '';
    expect(message).toContain('eyJhbGc…');
    expect(message).toContain(ISSUER);
    expect(message).not.toContain(accessToken.split('.')[1]!.slice(0, 20));
  });

  it('does not quote the code or the refresh token found in text around the JSON', () => {
    const result = parseResponse(`$ curl -d code=Hs7FqlJ3kd9X2mN0pQrStUvWx -d refresh_token=${refreshToken}\n${compact}`);
    const text = JSON.stringify(result.results);
    expect(text).not.toContain('Hs7FqlJ3kd9X2mN0pQrStUvWx');
    expect(text).not.toContain(refreshToken);
  });
});

describe('redactSecrets', () => {
  it('keeps a short prefix of long token-like runs and masks named secrets', () => {
    expect(redactSecrets('"access_token": "eyJraWQiOiJYbTJrOVEiLCJhbGciOiJSUzI1NiJ9"')).toBe('"access_token": "eyJr…"');
    expect(redactSecrets('-d client_secret=kYb4N2x9-Q_1aZ -d code=abc')).toBe('-d client_secret=kYb4… -d code=…');
    expect(redactSecrets('"token_type": "Bearer"')).toBe('"token_type": "Bearer"');
  });
});

// Issue 8, "Hostile input": anything pasted may be 64 KiB of the worst case. These guard the
// shape of the work (one scan, a bounded number of parses), never its duration.
describe('parseResponse: hostile pastes', () => {
  const KIB = 1024;

  it('parses at most twice when text around the JSON holds thousands of "{" (one brace-matching scan, not a parse per "{")', () => {
    const paste = `$ x ${'{"":'.repeat((64 * KIB) / 4)}}`;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const result = parseResponse(paste);
      expect(result.ok).toBe(false);
      expect(codesOf(result)).toEqual(['fail:json.invalid']);
      expect(parse.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('still finds the one object after many "{" of text around it', () => {
    const result = parseResponse(`${'{'.repeat(64 * KIB)}${compact}`);
    expect(result.ok).toBe(true);
    expect(codesOf(result)).toEqual(['warn:json.extra_text']);
    if (result.ok) expect(result.body).toEqual(okta);
  });

  it('finds the object when a string before it holds braces and escaped quotes', () => {
    const result = parseResponse(`$ echo '{"note": "a \\"{\\" here"}' > /dev/null; curl …\n${compact}`);
    // A "}" before the object: two objects are not guessed at.
    expect(result.ok).toBe(false);
    const inner = parseResponse(`$ curl …\n{"note": "} and { and \\" inside", "access_token": "x"}\n$ `);
    expect(inner.ok).toBe(true);
    if (inner.ok) expect(inner.body).toEqual({ note: '} and { and " inside', access_token: 'x' });
  });

  it('fails JSON nested deeper than 512 levels as json.invalid instead of throwing', () => {
    const deep = `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const result = parseResponse(deep);
    expect(result.ok).toBe(false);
    expect(codesOf(result)).toEqual(['fail:json.invalid']);
    expect(result.results[0]?.message).toMatch(/nested/);
  });

  it('reports a deep JSON paste that is invalid as too deep without overflowing the stack', () => {
    const result = parseResponse('['.repeat(64 * KIB));
    expect(codesOf(result)).toEqual(['fail:json.invalid']);
  });

  it('strips a curl -v "Connection … left intact" tail whatever follows it on the line (1 MiB, linear)', () => {
    const tail = `* Connection #${'1'.repeat(256 * KIB)}\u2028x`;
    const result = parseResponse(`* Trying 127.0.0.1\n< HTTP/1.1 200 OK\n${compact}${tail}`);
    expect(result.ok).toBe(true);
    expect(codesOf(result)).toEqual(['warn:json.http_headers']);
  });

  it.each([
    ['runs of one character', 'a'.repeat(64 * KIB)],
    ['runs of spaces and tabs between two characters', `{${' \t'.repeat(32 * KIB)}x`],
    ['many "{" then one "}"', `${'{'.repeat(64 * KIB)}}`],
    ['a huge lone JWT', `eyJhbGciOiJSUzI1NiJ9.${'A'.repeat(64 * KIB)}.sig`],
    ['a line of "}* Connection #1" repeated', `* x\n${'}* Connection #1 '.repeat(4 * KIB)}\u2028`],
    ['many "%" and "}"', `${'} %'.repeat(20 * KIB)} x`],
  ])('returns results for %s', (_name, paste) => {
    const result = parseResponse(paste);
    expect(result.results.length).toBeGreaterThan(0);
  });
});

describe('parseResponse: text around the JSON is quoted without secrets, however long its line', () => {
  it('does not quote the start of a secret that the quoted part of a long line cuts through', () => {
    const secret = 'Zx9'.repeat(200);
    const result = parseResponse(`a${' '.repeat(380)}${secret}\n${compact}`);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.results)).not.toContain('Zx9Zx9Zx9');
  });
});

describe('parseResponse: browser-safe', () => {
  // lib/client/browser-storage.ts runs parseResponse in the browser: nothing it pulls in may
  // need Node (inspect.ts, whose fingerprints use node:crypto, must stay out of it).
  it('imports no Node built-in, directly or through the modules it imports', () => {
    const seen = new Set<string>();
    const builtins: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, typeOnly, from] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gm)) {
        if (typeOnly) continue;
        if (from!.startsWith('node:') || builtinModules.includes(from!)) builtins.push(`${file} imports ${from}`);
        else if (from!.startsWith('.')) {
          const base = path.resolve(path.dirname(file), from!);
          visit(existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
        }
      }
    };
    visit(fileURLToPath(new URL('./parse-response.ts', import.meta.url)));
    expect(seen.size).toBeGreaterThan(2);
    expect(builtins).toEqual([]);
  });
});

describe('parseResponse: where an invisible character sits (issue 19)', () => {
  it('names the field of the first zero-width or non-breaking character', () => {
    const result = parseResponse('{"token_type":"Bearer","expires_in":\u200B3600,"scope":"a\u00A0b"}');
    expect(result.ok).toBe(true);
    const warning = result.results.find((r) => r.code === 'json.smart_quotes')!;
    expect(warning.message).toMatch(/zero-width characters \(the first in the value of "expires_in"\)/);
    expect(warning.message).toMatch(/non-breaking spaces \(the first in the value of "scope"\)/);
  });
});
