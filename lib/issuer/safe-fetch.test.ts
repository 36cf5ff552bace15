import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTarget, classifyAddress, safeFetch, type AddressClass, type HostResolver } from './safe-fetch';

const noDns: HostResolver = async (hostname) => {
  throw new Error(`unexpected DNS lookup for ${hostname}`);
};
const resolvesTo =
  (...addresses: string[]): HostResolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('classifyAddress', () => {
  it.each<[string, AddressClass]>([
    // IPv4
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    // IPv6
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf::1', 'link_local'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456:789a::1', 'unique_local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    // IPv4-mapped IPv6, in both spellings
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:100.64.1.1', 'cgnat'],
    ['::ffff:8.8.8.8', 'public'],
    // NAT64 and 6to4 embed an IPv4 host too
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:808:808::1', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('throws for something that is not an IP address', () => {
    expect(() => classifyAddress('example.com')).toThrow(TypeError);
  });
});

describe('safeFetch refuses forbidden targets without connecting', () => {
  it.each([
    ['https://127.0.0.1/', 'private_address'],
    ['https://[::1]:8443/', 'private_address'],
    ['https://0x7f.1/', 'private_address'], // the URL parser normalises it to 127.0.0.1
    ['https://2130706433/', 'private_address'],
    ['https://169.254.169.254/latest/meta-data/', 'private_address'],
    ['https://[::ffff:169.254.169.254]/', 'private_address'],
    ['https://[::ffff:a00:1]/', 'private_address'],
    ['https://10.0.0.1/.well-known/openid-configuration', 'private_address'],
    ['https://100.64.0.1/', 'private_address'],
    ['https://[fd00::1]/', 'private_address'],
    ['https://0.0.0.0/', 'private_address'],
    ['http://example.com/', 'not_https'],
    ['ftp://example.com/', 'invalid_url'],
    ['file:///etc/passwd', 'invalid_url'],
    ['https://user:pass@example.com/', 'invalid_url'],
    ['not a url', 'invalid_url'],
  ])('%s → %s', async (url, reason) => {
    const result = await safeFetch(url, { allowPrivate: false, resolve: noDns });
    expect(result).toMatchObject({ ok: false, reason });
  });

  it.each([
    [['10.0.0.5'], 'private_address'],
    [['192.168.0.10'], 'private_address'],
    [['169.254.169.254'], 'private_address'],
    [['fe80::1'], 'private_address'],
    [['::ffff:127.0.0.1'], 'private_address'],
    // one private address among public ones is enough to refuse
    [['8.8.8.8', '10.0.0.5'], 'private_address'],
  ])('a hostname resolving to %j → %s', async (addresses, reason) => {
    const result = await safeFetch('https://issuer.example/', { allowPrivate: false, resolve: resolvesTo(...addresses) });
    expect(result).toMatchObject({ ok: false, reason, url: 'https://issuer.example/' });
  });

  it.each([
    [['10.0.0.5'], 'a private network address'],
    [['127.0.0.1'], 'a loopback address'],
    [['169.254.169.254'], 'a link-local address'],
    [['8.8.8.8', 'fd12:3456::1'], 'a unique-local address'],
  ])('says what kind of address a hostname resolving to %j is, never the address', async (addresses, kind) => {
    const result = await safeFetch('https://vm/', { allowPrivate: false, resolve: resolvesTo(...addresses) });
    expect(result).toMatchObject({ ok: false, reason: 'private_address', detail: `"vm" resolves to ${kind}` });
    for (const address of addresses) expect(JSON.stringify(result)).not.toContain(address);
  });

  it('does not name the internal address in an http refusal either', async () => {
    const result = await safeFetch('http://vm:8080/', { allowPrivate: true, resolve: resolvesTo('10.0.0.5') });
    expect(result).toMatchObject({ ok: false, reason: 'not_https' });
    expect(!result.ok && result.detail).toContain('"vm" resolves to a private network address');
    expect(JSON.stringify(result)).not.toContain('10.0.0.5');
  });

  it('echoes an address the learner typed (it is their own input)', async () => {
    const result = await safeFetch('https://10.0.0.1/', { allowPrivate: false, resolve: noDns });
    expect(result).toMatchObject({ ok: false, reason: 'private_address', detail: '10.0.0.1 is a private network address' });
  });

  it('reports a failed name lookup as dns_failed', async () => {
    const resolve: HostResolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const result = await safeFetch('https://nowhere.invalid/', { allowPrivate: false, resolve });
    expect(result).toMatchObject({ ok: false, reason: 'dns_failed' });
    expect(!result.ok && result.detail).toContain('ENOTFOUND');
  });

  it('accepts a hostname whose every address is public (checked, not fetched)', async () => {
    const checked = await checkTarget(new URL('https://issuer.example/'), false, resolvesTo('8.8.8.8', '2606:4700::1'));
    expect(checked).toMatchObject({ ok: true, addresses: [{ address: '8.8.8.8' }, { address: '2606:4700::1' }] });
  });

  it('allows a private https target and http to loopback only when allowPrivate is set', async () => {
    expect(await checkTarget(new URL('https://10.0.0.1/'), true, noDns)).toMatchObject({ ok: true });
    expect(await checkTarget(new URL('http://127.0.0.1:8080/'), true, noDns)).toMatchObject({ ok: true });
    expect(await checkTarget(new URL('http://10.0.0.1/'), true, noDns)).toMatchObject({ ok: false, reason: 'not_https' });
    expect(await checkTarget(new URL('http://127.0.0.1/'), false, noDns)).toMatchObject({ ok: false, reason: 'not_https' });
  });
});

describe('safeFetch against a loopback server', () => {
  let server: http.Server;
  let base: string;
  let connections = 0;
  const seenHosts: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seenHosts.push(req.headers.host ?? '');
      const url = new URL(req.url ?? '/', 'http://localhost');
      const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
      if (url.pathname === '/json') {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=1' });
        res.end(JSON.stringify({ hello: 'world', cookie: req.headers.cookie ?? null }));
      } else if (hop) {
        const n = Number(hop[1]);
        res.writeHead(302, { location: n === 0 ? '/json' : `/hop/${n - 1}` });
        res.end();
      } else if (url.pathname === '/to') {
        res.writeHead(307, { location: url.searchParams.get('target') ?? '/' });
        res.end();
      } else if (url.pathname === '/hang') {
        // never answers
      } else if (url.pathname === '/big-chunked') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(64 * 1024);
        for (let i = 0; i < 12; i++) res.write(chunk);
        res.end();
      } else if (url.pathname === '/big-declared') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(600 * 1024) });
        res.end('x'.repeat(600 * 1024));
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html>Not found</html>');
      }
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches JSON, without sending or keeping cookies', async () => {
    const result = await safeFetch(`${base}/json`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: true, status: 200, url: `${base}/json` });
    if (!result.ok) return;
    expect(JSON.parse(result.body)).toEqual({ hello: 'world', cookie: null });
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.headers.has('set-cookie')).toBe(false);
  });

  it('returns non-2xx answers as they are', async () => {
    const result = await safeFetch(`${base}/missing`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: true, status: 404, body: '<html>Not found</html>' });
  });

  it('follows a redirect chain up to the limit and reports the final URL', async () => {
    const result = await safeFetch(`${base}/hop/2`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: true, status: 200, url: `${base}/json` });
  });

  it('refuses one redirect more than allowed', async () => {
    const result = await safeFetch(`${base}/hop/3`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: false, reason: 'too_many_redirects' });
  });

  it.each([
    ['http://10.0.0.1/', 'not_https'],
    ['http://169.254.169.254/latest/meta-data/', 'not_https'],
    ['file:///etc/passwd', 'invalid_url'],
  ])('refuses a redirect to %s (%s) without following it', async (target, reason) => {
    const result = await safeFetch(`${base}/to?target=${encodeURIComponent(target)}`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: false, reason, url: target });
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    const result = await safeFetch(`${base}/hang`, { allowPrivate: true, timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each(['/big-chunked', '/big-declared'])('aborts a body larger than maxBytes (%s)', async (path) => {
    const result = await safeFetch(`${base}${path}`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('connects to the validated address while keeping the hostname in Host', async () => {
    const port = (server.address() as AddressInfo).port;
    const result = await safeFetch(`http://issuer.test:${port}/json`, {
      allowPrivate: true,
      resolve: resolvesTo('127.0.0.1'),
    });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(seenHosts.at(-1)).toBe(`issuer.test:${port}`);
  });

  it('reports a refused connection as a network failure that says so', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await safeFetch(`http://127.0.0.1:${port}/`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(!result.ok && result.detail).toContain('ECONNREFUSED');
  });

  it('reports a TLS failure (https to a plain http server) as a network failure that says so', async () => {
    const result = await safeFetch(`${base.replace('http:', 'https:')}/json`, { allowPrivate: true });
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(!result.ok && result.detail).toMatch(/^TLS error/);
  });

  it('refuses localhost when private targets are not allowed, without connecting', async () => {
    const before = connections;
    const port = (server.address() as AddressInfo).port;
    expect(await safeFetch(`http://localhost:${port}/json`, { allowPrivate: false })).toMatchObject({
      ok: false,
      reason: 'not_https',
    });
    expect(await safeFetch(`https://localhost:${port}/json`, { allowPrivate: false })).toMatchObject({
      ok: false,
      reason: 'private_address',
    });
    expect(await safeFetch(`https://127.0.0.1:${port}/json`, { allowPrivate: false })).toMatchObject({
      ok: false,
      reason: 'private_address',
    });
    expect(connections).toBe(before);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.runIf(hasOpenssl())('safeFetch over TLS to a pinned address', () => {
  let server: https.Server;
  let port: number;
  const servernames: (string | undefined)[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safe-fetch-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=issuer.test',
          '-addext',
          'subjectAltName=DNS:issuer.test',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const context = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
      server = https.createServer({
        ...context,
        SNICallback: (servername, callback) => {
          servernames.push(servername);
          callback(null, tls.createSecureContext(context));
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    server.on('tlsClientError', () => {}); // the client rejects the self-signed certificate, as it should
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the hostname as SNI and verifies the certificate, while connecting to the validated address', async () => {
    const result = await safeFetch(`https://issuer.test:${port}/`, { allowPrivate: true, resolve: resolvesTo('127.0.0.1') });
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(!result.ok && result.detail).toMatch(/^TLS error: .*self.signed/i);
    expect(servernames).toEqual(['issuer.test']);
  });
});
