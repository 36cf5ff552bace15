import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApiCurl, buildRevokeCurl, buildRefreshCurl, buildTokenCurl, CLIENT_SECRET_PLACEHOLDER, shellQuote } from './curl';

const run = promisify(execFile);

interface Received {
  method: string | undefined;
  path: string | undefined;
  contentType: string | undefined;
  form: [string, string][];
}

// A stand-in token endpoint that records what curl really sent.
let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method,
        path: req.url,
        contentType: req.headers['content-type'],
        form: [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))],
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs the command exactly as a learner would paste it into bash, returning what the server got. */
async function runInBash(command: string): Promise<Received> {
  const before = received.length;
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error`], { timeout: 10_000 });
  expect(stdout).toBe('{"ok":true}');
  expect(received.length).toBe(before + 1);
  return received[before]!;
}

const tricky = [
  {
    name: 'plain Okta-like values',
    secret: 'kYb4N2x9-Q_1aZ',
    code: 'Hs7FqlJ3kd9X2mN0pQrStUvWxYz012345-_abcdEF',
    verifier: 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag',
  },
  {
    name: 'a secret with shell and form metacharacters',
    secret: `it's a "secret" & $HOME \`id\` + = % ! ~ ; | > < * ?`,
    code: 'abc',
    verifier: 'v~v.v-v_v',
  },
  { name: 'unicode and a newline', secret: 'päss wörd\nline2', code: 'c0de', verifier: 'x'.repeat(43) },
];

describe('buildTokenCurl', () => {
  it.each(tricky)('sends exactly the right parameters: $name', async ({ secret, code, verifier }) => {
    const redirectUri = 'http://localhost:3000/redirect?from=lab&x=a+b';
    const command = buildTokenCurl({
      tokenEndpoint: `${base}/oauth2/default/v1/token`,
      clientId: '0oa1b2c3d4EXAMPLE',
      clientSecret: secret,
      redirectUri,
      code,
      codeVerifier: verifier,
    });
    const got = await runInBash(command);
    expect(got.method).toBe('POST');
    expect(got.path).toBe('/oauth2/default/v1/token');
    expect(got.contentType).toBe('application/x-www-form-urlencoded');
    expect(got.form).toEqual([
      ['grant_type', 'authorization_code'],
      ['redirect_uri', redirectUri],
      ['client_id', '0oa1b2c3d4EXAMPLE'],
      ['client_secret', secret],
      ['code_verifier', verifier],
      ['code', code],
    ]);
  });

  it('shows the client secret as a visible placeholder when it is not given, and curl sends it as is', async () => {
    const command = buildTokenCurl({
      tokenEndpoint: `${base}/oauth2/default/v1/token`,
      clientId: '0oa1b2c3d4EXAMPLE',
      redirectUri: 'http://localhost:3000/redirect',
      code: 'Hs7FqlJ3kd9X2mN0',
      codeVerifier: 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag',
    });
    expect(command).toContain(`-d client_secret=${CLIENT_SECRET_PLACEHOLDER} \\\n`);
    const got = await runInBash(command);
    expect(Object.fromEntries(got.form).client_secret).toBe('YOUR_CLIENT_SECRET');
  });

  it("follows the seed's layout: one option per line, each continued with ' \\' and no space after the backslash", () => {
    const command = buildTokenCurl({
      tokenEndpoint: 'https://dev-133337.okta.com/oauth2/default/v1/token',
      clientId: '0oa1b2c3d4EXAMPLE',
      redirectUri: 'https://example-app.com/redirect',
      code: 'Hs7FqlJ3kd9X2mN0',
      codeVerifier: 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag',
    });
    expect(command).toBe(
      [
        'curl -X POST https://dev-133337.okta.com/oauth2/default/v1/token \\',
        '  -d grant_type=authorization_code \\',
        '  --data-urlencode redirect_uri=https://example-app.com/redirect \\',
        '  -d client_id=0oa1b2c3d4EXAMPLE \\',
        '  -d client_secret=YOUR_CLIENT_SECRET \\',
        '  -d code_verifier=M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag \\',
        '  -d code=Hs7FqlJ3kd9X2mN0',
      ].join('\n'),
    );
    for (const line of command.split('\n').slice(0, -1)) expect(line).toMatch(/ \\$/);
    expect(command).not.toMatch(/\\[ \t]+\n/);
  });
});

describe('buildRefreshCurl', () => {
  it.each([
    { name: 'an opaque Okta refresh token', refreshToken: 'hY6OEJqn4dbXr0Yb1ZbMZWGN2hC8K3fJ4Zx5Zt0Ykn8', secret: 'kYb4N2x9-Q_1aZ' },
    {
      name: 'a JWT refresh token and a secret with quotes',
      refreshToken: 'eyJhbGciOiJIUzI1NiJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2lnbmF0dXJl',
      secret: `O'Brien's+key==`,
    },
  ])('sends exactly the right parameters: $name', async ({ refreshToken, secret }) => {
    const command = buildRefreshCurl({
      tokenEndpoint: `${base}/oauth2/default/v1/token`,
      clientId: '0oa1b2c3d4EXAMPLE',
      clientSecret: secret,
      refreshToken,
    });
    const got = await runInBash(command);
    expect(got.method).toBe('POST');
    expect(got.path).toBe('/oauth2/default/v1/token');
    expect(got.form).toEqual([
      ['grant_type', 'refresh_token'],
      ['client_id', '0oa1b2c3d4EXAMPLE'],
      ['client_secret', secret],
      ['refresh_token', refreshToken],
    ]);
  });

  it('uses the placeholder for an empty secret', () => {
    const command = buildRefreshCurl({
      tokenEndpoint: 'https://idp.example/token',
      clientId: 'abc',
      clientSecret: '  ',
      refreshToken: 'rt',
    });
    expect(command.split('\n')).toEqual([
      'curl -X POST https://idp.example/token \\',
      '  -d grant_type=refresh_token \\',
      '  -d client_id=abc \\',
      '  -d client_secret=YOUR_CLIENT_SECRET \\',
      '  -d refresh_token=rt',
    ]);
  });
});

describe('shellQuote', () => {
  it.each([
    ['https://dev-1.okta.com/oauth2/default/v1/token', 'https://dev-1.okta.com/oauth2/default/v1/token'],
    ['code=abc~def', `'code=abc~def'`],
    ["it's", `'it'\\''s'`],
    ['', `''`],
  ])('%s → %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it('round-trips any text through bash', async () => {
    const word = `a'b"c$d\`e\\f g!h~i*j?k[l]m{n}o;p|q&r<s>t#u\n`;
    const { stdout } = await run('bash', ['-c', `printf %s ${shellQuote(word)}`]);
    expect(stdout).toBe(word);
  });
});

describe('buildApiCurl and buildRevokeCurl', () => {
  it('quote what a shell would expand, and fall back to placeholders', () => {
    expect(buildApiCurl({ url: 'http://localhost:3000/api/practice/photos' })).toBe(
      "curl -i http://localhost:3000/api/practice/photos \\\n  -H 'Authorization: Bearer YOUR_ACCESS_TOKEN'",
    );
    expect(buildApiCurl({ url: 'http://x/api', accessToken: "a'b" })).toContain("-H 'Authorization: Bearer a'\\''b'");
    const revoke = buildRevokeCurl({ revocationEndpoint: 'http://x/oauth2/default/v1/revoke', clientId: '0oa1', refreshToken: 'rt-1' });
    expect(revoke.split(' \\\n  ')).toEqual([
      'curl -X POST http://x/oauth2/default/v1/revoke',
      '-d client_id=0oa1',
      '-d client_secret=YOUR_CLIENT_SECRET',
      '-d token=rt-1',
      '-d token_type_hint=refresh_token',
    ]);
  });
});
