/**
 * A small round-robin reverse proxy in front of several OAuth Lab instances, for the
 * multi-instance e2e test and the bench's class scenario (an nginx `upstream` block in
 * miniature; README, "Run several instances").
 *
 * - Per request, not per connection: a browser's keep-alive connection does not pin it to
 *   one instance.
 * - Round-robin per path: requests to the same path alternate between instances (the
 *   sign-in page and its form post, a page and its reload always land on different ones);
 *   a path seen for the first time goes to the next instance of a global rotation.
 * - An instance that refuses the connection (stopped, killed) is skipped and the request
 *   goes to the next one — the request never reached it, so this is safe for a POST
 *   (nginx's `proxy_next_upstream error`). A request cut off after it reached an instance
 *   gets a 502 (nginx does not replay a non-idempotent request either).
 * - Adds `X-Forwarded-For` / `-Proto` / `-Host` like a proxy with one hop (TRUST_PROXY=1).
 * - Logs which instance served each request.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  name: string;
  port: number;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  upstream: string;
  status: number;
  /** Instances skipped because they refused the connection. */
  skipped: string[];
}

export interface RoundRobinProxy {
  origin: string;
  port: number;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

/** Bodies are buffered (the site refuses more than 64 KiB anyway) so a refused request can go elsewhere. */
const MAX_BODY = 1024 * 1024;

export async function startRoundRobinProxy(options: { port: number; upstreams: Upstream[]; host?: string }): Promise<RoundRobinProxy> {
  const { upstreams } = options;
  // A new connection per request, as nginx does by default: no pooled socket to an instance
  // that has been killed since (its failure would look like a request that reached it).
  const agent = new Agent({ keepAlive: false, maxSockets: 512 });
  const log: ProxyLogEntry[] = [];
  let rotation = 0;
  const lastByPath = new Map<string, number>();

  function firstChoice(path: string): number {
    const last = lastByPath.get(path);
    const choice = last === undefined ? rotation++ % upstreams.length : (last + 1) % upstreams.length;
    lastByPath.set(path, choice);
    return choice;
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const path = (req.url ?? '/').split('?')[0]!;
    const start = firstChoice(path);
    const skipped: string[] = [];
    const tryUpstream = (attempt: number) => {
      if (attempt >= upstreams.length) {
        log.push({ method: req.method ?? 'GET', path, upstream: 'none', status: 502, skipped });
        res.writeHead(502, { 'content-type': 'text/plain' }).end('No instance is reachable.');
        return;
      }
      const upstream = upstreams[(start + attempt) % upstreams.length]!;
      const headers = { ...req.headers };
      const peer = req.socket.remoteAddress ?? '127.0.0.1';
      headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${String(headers['x-forwarded-for'])}, ${peer}` : peer;
      headers['x-forwarded-proto'] = 'http';
      headers['x-forwarded-host'] = req.headers.host ?? '';
      headers['content-length'] = String(body.length);
      delete headers['transfer-encoding'];
      delete headers.connection;
      const upstreamReq = request(
        { host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers, agent },
        (upstreamRes) => {
          log.push({ method: req.method ?? 'GET', path, upstream: upstream.name, status: upstreamRes.statusCode ?? 0, skipped });
          const responseHeaders = { ...upstreamRes.headers, 'x-served-by': upstream.name };
          delete responseHeaders.connection;
          res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders);
          upstreamRes.pipe(res);
          upstreamRes.on('error', () => res.destroy());
        },
      );
      upstreamReq.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && !res.headersSent) {
          skipped.push(upstream.name);
          tryUpstream(attempt + 1);
          return;
        }
        log.push({ method: req.method ?? 'GET', path, upstream: upstream.name, status: 502, skipped });
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`Instance ${upstream.name} failed: ${error.code}`);
        else res.destroy();
      });
      upstreamReq.end(body);
    };
    tryUpstream(0);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => forward(req, res, Buffer.concat(chunks)));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://localhost:${port}`,
    port,
    log,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
