/** The one reader of an HTTP exchange in a paste (issue 19, class 1): request, response, body, in every tool's form. */
import { describe, expect, it } from 'vitest';

import { ADVERSARIAL_FAMILIES, KIB } from '../../../tests/support/adversarial';
import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { readBasicCredentials, readHttpExchange, shownClientId, stripHttpTranscript } from './http-exchange';

const VERBOSE = [
  '$ curl -v -u "$ID:$SECRET" -d grant_type=authorization_code https://auth.example.com/v1/token',
  '*   Trying 198.51.100.7:443...',
  '> POST /v1/token HTTP/1.1',
  '> Host: auth.example.com',
  '> Authorization: Basic Og==',
  '> Content-Type: application/x-www-form-urlencoded',
  '>',
  '< HTTP/1.1 100 Continue',
  '< HTTP/1.1 401 Unauthorized',
  '< WWW-Authenticate: Basic realm="auth.example.com"',
  '< Content-Length: 0',
  '<',
  '* Connection #0 to host auth.example.com left intact',
].join('\n');

describe('readHttpExchange', () => {
  it("reads curl -v's request line and headers sent, and the real status after a 100 Continue", () => {
    const { request, response } = readHttpExchange(VERBOSE);
    expect(request).toMatchObject({
      method: 'POST',
      target: '/v1/token',
      headers: { authorization: 'Basic Og==', host: 'auth.example.com' },
    });
    expect(response).toMatchObject({
      status: 401,
      reason: 'Unauthorized',
      headers: { 'www-authenticate': 'Basic realm="auth.example.com"', 'content-length': '0' },
    });
  });

  it("reads curl -i's status line and headers after the command", () => {
    const paste =
      '$ curl -i -X POST https://auth.example.com/oauth/token -d a=b\nHTTP/1.1 302 Found\nLocation: https://auth.example.com/login\nContent-Length: 0\n';
    expect(readHttpExchange(paste)).toMatchObject({
      request: null,
      response: { status: 302, headers: { location: 'https://auth.example.com/login' } },
    });
  });

  it("reads HTTPie's -v request and response, and an HTTP/2 status line without a reason", () => {
    const paste = 'POST /v1/token HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=x\n\nHTTP/2 405\nallow: POST\n';
    expect(readHttpExchange(paste)).toMatchObject({
      request: { method: 'POST' },
      response: { status: 405, reason: '', headers: { allow: 'POST' } },
    });
  });

  it("reads curl --trace-ascii and PowerShell's -Verbose", () => {
    const trace =
      '=> Send header, 120 bytes (0x78)\n0000: GET /v1/token?grant_type=x HTTP/1.1\n0024: Host: auth.example.com\n<= Recv header, 26 bytes (0x1a)\n0000: HTTP/1.1 405 Method Not Allowed\n';
    expect(readHttpExchange(trace)).toMatchObject({
      request: { method: 'GET', target: '/v1/token?grant_type=x' },
      response: { status: 405 },
    });
    const verbose = 'VERBOSE: POST https://auth.example.com/v1/token with -1-byte payload\nVERBOSE: received 98-byte response';
    expect(readHttpExchange(verbose).request).toMatchObject({ method: 'POST', target: 'https://auth.example.com/v1/token' });
  });

  it('finds nothing in a plain JSON answer', () => {
    expect(readHttpExchange('{"error":"invalid_grant"}')).toEqual({ request: null, response: null });
  });
});

describe('readBasicCredentials', () => {
  it('tells the client ID and the length of the secret, never the secret', () => {
    expect(readBasicCredentials('Basic Og==')).toEqual({ clientId: '', secretLength: 0, swapped: false });
    expect(readBasicCredentials(`Basic ${btoa('0oa8f3k2EXAMPLE:s3cret')}`)).toEqual({
      clientId: '0oa8f3k2EXAMPLE',
      secretLength: 6,
      swapped: false,
    });
    // -u "$SECRET:$ID": the app's client ID after the colon.
    expect(readBasicCredentials(`Basic ${btoa('s3cretXYZ:0oa8f3k2EXAMPLE')}`, '0oa8f3k2EXAMPLE')).toMatchObject({ swapped: true });
  });

  it('quotes the client ID side only when it is the app’s or a near miss of it, never what may be the secret', () => {
    expect(shownClientId('0oa8f3k2EXAMPLE', '0oa8f3k2EXAMPLE')).toEqual({ text: '"0oa8f3k2EXAMPLE"', quoted: true });
    expect(shownClientId('0oa8f3k2EXAMPIE', '0oa8f3k2EXAMPLE').quoted).toBe(true);
    const secret = shownClientId('Tq8vR2pLx5Nw3KsQq8vR2pLx5Nw3KsQq8vR2pLx5', '0oa8f3k2EXAMPLE');
    expect(secret).toEqual({ text: 'a value of 40 characters starting "Tq8v…"', quoted: false });
    expect(readBasicCredentials('Bearer abc')).toBeNull();
    expect(readBasicCredentials(undefined)).toBeNull();
  });
});

describe("the body inside PowerShell's error record", () => {
  it('takes the JSON after “Invoke-RestMethod :” (5.1) and “Invoke-RestMethod:” (7)', () => {
    const json = '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';
    for (const line of [`Invoke-RestMethod : ${json}`, `Invoke-RestMethod: ${json}`]) {
      expect(stripHttpTranscript(`PS C:\\> irm -Method Post -Uri x -Body @{a='b'}\n${line}\nAt line:1 char:1`)).toMatchObject({
        body: json,
        kind: 'powershell',
      });
    }
  });
});

describe('bounds', () => {
  it.each(ADVERSARIAL_FAMILIES)('stays linear on "$name" (64 KiB within 50 ms)', async ({ make }) => {
    for (const text of [
      make(64 * KIB),
      `> ${make(64 * KIB)}`,
      `< HTTP/1.1 401 x\n< ${make(64 * KIB)}`,
      `Invoke-RestMethod : {${'} '.repeat(32 * KIB)}x`,
      `${'> GET /'.repeat(8 * KIB)} HTTP/1.1`,
    ]) {
      expect(await fastestRun(() => readHttpExchange(text))).toBeLessThan(50);
      expect(await fastestRun(() => stripHttpTranscript(text))).toBeLessThan(50);
    }
  });
});
