/**
 * The Node server's request listener over real HTTP (issue 8): the 64 KiB body limit for
 * every request — pages and practice endpoints included, declared or chunked — answered so
 * that clients still sending can read it (issue 18), and TRUST_PROXY deciding, in one place,
 * whether X-Forwarded-* headers mean anything.
 * Next.js is replaced by a handler that echoes what it saw (and, like a page, never reads
 * the body); the practice server is the real one.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/env';
import { getLogger } from '@/lib/logging/logger';
import { createPracticeServer, type PracticeServer } from '@/lib/practice-server';
import { limitRequestBody, MAX_REQUEST_BYTES } from '@/lib/server/body-limit';
import { createRequestListener } from '@/lib/server/request-listener';
import { useTempDatabase } from './support/db';

interface Seen {
  headers: IncomingMessage['headers'];
  bodyBytes: number | null;
}

/**
 * A stand-in for Next.js: answers 200 with the headers it was given; reads the body only
 * for /api, and takes a moment to render pages (as Next does), during which a body streams in.
 */
async function echoHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!req.url?.startsWith('/api/')) await new Promise((resolve) => setTimeout(resolve, 300));
  let bodyBytes: number | null = null;
  if (req.url?.startsWith('/api/')) {
    bodyBytes = 0;
    for await (const chunk of req) bodyBytes += (chunk as Buffer).length;
  }
  const seen: Seen = { headers: req.headers, bodyBytes };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(seen));
}

async function startListener(trustProxy: number, practice: PracticeServer | null): Promise<{ url: string; server: Server }> {
  const server = createServer(
    createRequestListener({
      env: { TRUST_PROXY: trustProxy },
      logger: getLogger(),
      practice: practice ? practice.handle : null,
      next: echoHandler,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A raw request (fetch cannot send a chunked body of our choosing or a lying header). */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: Buffer[] } = {},
): Promise<{ status: number; body: string; headers: IncomingMessage['headers']; cutOff: Promise<boolean> }> {
  return new Promise((resolve, reject) => {
    // Whether the server closed the connection before taking the whole body.
    let settleCutOff: (value: boolean) => void = () => {};
    const cutOff = new Promise<boolean>((done) => (settleCutOff = done));
    const req = httpRequest(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      // 'close' without 'end': the server hung up (a reset can drop the tail of the answer).
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), headers: res.headers, cutOff }));
    });
    let finished = false;
    req.on('finish', () => (finished = true));
    req.on('close', () => settleCutOff(!finished));
    // The server closes the connection while we may still be writing: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!['EPIPE', 'ECONNRESET'].includes(error.code ?? '')) reject(error);
    });
    let i = 0;
    const writeNext = () => {
      while (i < (options.chunks?.length ?? 0)) {
        if (!req.write(options.chunks![i++]!)) {
          req.once('drain', writeNext);
          return;
        }
      }
      req.end();
    };
    writeNext();
  });
}

const MB = 1024 * 1024;

/** A body of `bytes` as a stream, so that fetch sends it chunked (no Content-Length). */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  const chunk = 64 * 1024;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(new Uint8Array(Math.min(chunk, bytes - sent)).fill(104));
      sent += chunk;
    },
  });
}

/** One chunk of a chunked body, framed. */
function frame(bytes: number): Buffer {
  return Buffer.concat([Buffer.from(`${bytes.toString(16)}\r\n`), Buffer.alloc(bytes, 'z'), Buffer.from('\r\n')]);
}

/**
 * Sends a 3 MB POST over a raw connection as a client on a real network would: most of the body
 * is still to be sent when the answer arrives. Tells what the server answered and whether it
 * then reset the connection (the body unread), which a client may report (fetch: ECONNRESET)
 * instead of the answer.
 */
function sendWhole(base: string, path: string, chunked: boolean): Promise<{ answer: string; reset: boolean }> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(base);
    const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
    const part = (bytes: number) => (chunked ? frame(bytes) : Buffer.alloc(bytes, 'z'));
    let answer = '';
    let reset = false;
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      if (answer === '') {
        for (let i = 1; i < 48; i++) socket.write(part(64 * 1024));
        if (chunked) socket.write('0\r\n\r\n');
      }
      answer += text;
    });
    socket.on('error', () => (reset = true)); // ECONNRESET, or EPIPE writing after one
    socket.on('end', () => socket.end()); // the server is done: so are we, once the body is written
    socket.on('close', () => resolve({ answer, reset }));
    const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${48 * 64 * 1024}`;
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/x-www-form-urlencoded\r\n${framing}\r\n\r\n`);
    socket.write(part(64 * 1024));
    if (chunked) socket.write(part(1024)); // past the limit
  });
}

/**
 * A raw client that sends `head`, then `chunk` again and again — every `everyMs`, or as fast
 * as the server reads — and never stops, not even after the server's FIN (a slow-loris client
 * would not). Resolves when the server closes the connection, with what it answered and when.
 */
function sendForever(port: number, head: Buffer, chunk: Buffer, everyMs: number): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => (answer += text));
    socket.on('error', () => {}); // EPIPE or ECONNRESET when the server gives up: the point
    const write = () => {
      if (everyMs > 0) socket.write(chunk);
      else while (!socket.destroyed && socket.write(chunk));
    };
    const timer = everyMs > 0 ? setInterval(write, everyMs) : undefined;
    if (everyMs === 0) socket.on('drain', write);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, ms: performance.now() - started });
    });
    socket.write(head);
    write();
  });
}

describe('Node server: body size limit on every request', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let site: { url: string; server: Server };
  beforeAll(async () => {
    temp = await useTempDatabase();
    const practice = await createPracticeServer({ db: temp.db, env: getEnv() });
    site = await startListener(0, practice);
  });
  afterAll(async () => {
    site.server.closeAllConnections();
    await new Promise((resolve) => site.server.close(resolve));
    await temp.cleanup();
  });

  it('answers 413 to a 20 MB POST to a page, before reading it', async () => {
    const response = await send(site.url, '/exercise/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(20 * MB) },
      chunks: [Buffer.alloc(256 * 1024, 'a')],
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('stops reading a chunked body past 64 KiB sent to a page that never reads it', async () => {
    const response = await send(site.url, '/exercise/refresh', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 512 }, () => Buffer.alloc(16 * 1024, 'b')),
    });
    // The page may answer before the body arrives (it does not read it); after that the
    // server drains the rest of the body — only up to the limit, then it hangs up.
    expect([200, 413]).toContain(response.status);
    expect(await response.cutOff).toBe(true);
  });

  it('answers 413 to a chunked body past 64 KiB on a route that reads it', async () => {
    const response = await send(site.url, '/api/exercise/token-response', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, 'c')),
    });
    expect(response.status).toBe(413);
  });

  it('lets a body up to the limit through, chunked or not', async () => {
    const exact = await send(site.url, '/api/exercise/token-response', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_REQUEST_BYTES) },
      chunks: [Buffer.alloc(MAX_REQUEST_BYTES, 'd')],
    });
    expect(exact.status).toBe(200);
    expect((JSON.parse(exact.body) as Seen).bodyBytes).toBe(MAX_REQUEST_BYTES);
    const chunked = await send(site.url, '/api/exercise/token-response', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: [Buffer.alloc(1000, 'e'), Buffer.alloc(1000, 'f')],
    });
    expect((JSON.parse(chunked.body) as Seen).bodyBytes).toBe(2000);
  });

  it('answers 413 on practice-server endpoints too', async () => {
    const response = await send(site.url, '/oauth2/default/v1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(5 * MB) },
      chunks: [Buffer.alloc(128 * 1024, 'g')],
    });
    expect(response.status).toBe(413);
  });

  // Node's fetch (undici) sends the body while the answer arrives; a reset with the body unread
  // can cost it the answer (ECONNRESET). Over loopback it seldom does, so each case also sends
  // the body as over a real network (the rest after the answer) and checks for a reset.
  const targets = [
    ['an API route', '/api/exercise/token-response'],
    ['a page', '/exercise/refresh'],
    ['the practice server', '/oauth2/default/v1/token'],
  ];

  it.each(targets)('lets fetch read the 413 for a 3 MB body of declared length sent to %s', async (_name, path) => {
    const response = await fetch(`${site.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new Uint8Array(3 * MB).fill(104),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const raw = await sendWhole(site.url, path, false);
    expect(raw.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw.reset).toBe(false);
  });

  it.each(targets)('lets fetch read the 413 for a 3 MB chunked body sent to %s', async (_name, path) => {
    const response = await fetch(`${site.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: streamOf(3 * MB),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const raw = await sendWhole(site.url, path, true);
    expect(raw.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw.reset).toBe(false);
  });
});

describe('Node server: how long and how much of a refused body is read', () => {
  let server: Server;
  let port: number;
  /** How many bytes the server read on its latest connection, once that is closed. */
  let bytesRead: Promise<number>;
  const drain = { bytes: 256 * 1024, ms: 500 };
  beforeAll(async () => {
    server = createServer((req, res) => {
      // Tight bounds, for speed. A body that gets through is read and acknowledged, except by
      // the "page", which answers without reading it.
      if (!limitRequestBody(req, res, MAX_REQUEST_BYTES, drain)) return;
      if (req.url === '/page') setTimeout(() => res.end('page'), 100);
      else req.resume().on('end', () => res.end('ok'));
    });
    server.on('connection', (socket) => (bytesRead = new Promise((resolve) => socket.on('close', () => resolve(socket.bytesRead)))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const heads = [
    ['declared', Buffer.from(`POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: ${100 * MB}\r\n\r\n`)],
    // A chunked body crosses the limit with its first chunk.
    ['chunked', Buffer.concat([Buffer.from('POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'), frame(70 * 1024)])],
  ] as const;

  it.each(heads)('answers a slow client sending a huge %s body, then cuts it off at the time bound', async (kind, head) => {
    const { answer, ms } = await sendForever(port, head, kind === 'chunked' ? frame(1024) : Buffer.alloc(1024, 'z'), 20);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('payload_too_large');
    // It read the body for the time bound (lingering), and not much longer (3x, for busy machines).
    expect(ms).toBeGreaterThanOrEqual(drain.ms * 0.9);
    expect(ms).toBeLessThan(drain.ms * 3);
  });

  it('closes the connection of a slow chunked body that a page answered without reading, at the time bound', async () => {
    const head = Buffer.concat([Buffer.from('POST /page HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'), frame(1024)]);
    const { answer, ms } = await sendForever(port, head, frame(1024), 20);
    // The page's answer is whole; the body it never read is not read past the bound (Node would read on).
    expect(answer).toMatch(/^HTTP\/1\.1 200 [^]*\r\n\r\npage$/);
    expect(ms).toBeGreaterThanOrEqual(drain.ms * 0.9);
    expect(ms).toBeLessThan(drain.ms * 3);
  });

  it.each(heads)('reads a huge %s body from a fast client only up to the size bound', async (kind, head) => {
    const { answer } = await sendForever(port, head, kind === 'chunked' ? frame(64 * 1024) : Buffer.alloc(64 * 1024, 'z'), 0);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // Discarded up to the bound, then dropped (give or take a socket read, and what came before the refusal).
    const read = await bytesRead;
    expect(read).toBeGreaterThan(drain.bytes);
    expect(read).toBeLessThan(drain.bytes + 3 * 64 * 1024);
  });
});

describe('Node server: TRUST_PROXY', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let direct: { url: string; server: Server };
  let proxied: { url: string; server: Server };
  beforeAll(async () => {
    temp = await useTempDatabase({ PUBLIC_URL: 'https://lab.example.edu' });
    const practice = await createPracticeServer({ db: temp.db, env: getEnv() });
    direct = await startListener(0, practice);
    proxied = await startListener(1, practice);
  });
  afterAll(async () => {
    for (const { server } of [direct, proxied]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await temp.cleanup();
  });

  const spoofed = {
    'x-forwarded-for': '203.0.113.7, 198.51.100.2',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    'x-request-id': 'proxy-request-0001',
  };

  it('ignores every X-Forwarded-* header from a client when the site faces clients directly (default)', async () => {
    const response = await send(direct.url, '/api/anything', { headers: spoofed });
    const seen = JSON.parse(response.body) as Seen;
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-host']).toBeUndefined();
    expect(seen.headers['x-forwarded-proto']).toBeUndefined();
    expect(seen.headers['x-request-id']).not.toBe('proxy-request-0001');
    expect(response.headers['x-request-id']).toBe(seen.headers['x-request-id']);
  });

  it('takes the client address from the trusted hop when TRUST_PROXY is a hop count', async () => {
    const response = await send(proxied.url, '/api/anything', { headers: spoofed });
    const seen = JSON.parse(response.body) as Seen;
    // One trusted hop (our proxy, the TCP peer): the client is the last address it appended.
    expect(seen.headers['x-forwarded-for']).toBe('198.51.100.2');
    expect(seen.headers['x-request-id']).toBe('proxy-request-0001');
  });

  it.each([
    ['directly exposed', () => direct.url],
    ['behind a trusted proxy', () => proxied.url],
  ])('practice discovery always advertises PUBLIC_URL endpoints (%s)', async (_name, base) => {
    for (const path of ['/oauth2/default/.well-known/openid-configuration', '/oauth2/default/.well-known/oauth-authorization-server']) {
      const response = await send(base(), path, { headers: { ...spoofed, host: 'evil.example' } });
      expect(response.status).toBe(200);
      const metadata = JSON.parse(response.body) as Record<string, unknown>;
      expect(metadata.issuer).toBe('https://lab.example.edu/oauth2/default');
      expect(metadata.authorization_endpoint).toBe('https://lab.example.edu/oauth2/default/v1/authorize');
      expect(metadata.token_endpoint).toBe('https://lab.example.edu/oauth2/default/v1/token');
      expect(response.body).not.toContain('evil.example');
    }
  });
});
