/**
 * The Node server's request listener over real HTTP (issue 8): the 64 KiB body limit for
 * every request — pages and practice endpoints included, declared or chunked — and
 * TRUST_PROXY deciding, in one place, whether X-Forwarded-* headers mean anything.
 * Next.js is replaced by a handler that echoes what it saw (and, like a page, never reads
 * the body); the practice server is the real one.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/env';
import { getLogger } from '@/lib/logging/logger';
import { createPracticeServer, type PracticeServer } from '@/lib/practice-server';
import { MAX_REQUEST_BYTES } from '@/lib/server/body-limit';
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
