/** HTTP load: autocannon for the check API, plain concurrent requests for refresh grants. */
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

export interface CannonResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface CannonTarget {
  label: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export async function cannon(target: CannonTarget, options: { connections: number; duration: number }): Promise<CannonResult> {
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: target.headers,
    body: target.body,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
  });
  return {
    label: target.label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export interface BurstResult {
  requests: number;
  successes: number;
  failures: number;
  /** Status code (or error code) → count, for failures. */
  failureKinds: Record<string, number>;
  seconds: number;
  perSecond: number;
}

/** Fires `count` requests at once (one socket each) and waits for all of them. */
export async function burst(
  count: number,
  make: () => { url: string; headers: Record<string, string>; body: string },
  isSuccess: (status: number, body: string) => boolean,
): Promise<BurstResult> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const failureKinds: Record<string, number> = {};
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: count }, () => {
      const { url, headers, body } = make();
      return new Promise<boolean>((resolve) => {
        const req = request(
          url,
          { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent, timeout: 120_000 },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              const ok = isSuccess(res.statusCode ?? 0, text);
              if (!ok) {
                const kind = `HTTP ${res.statusCode}${text.includes('"error"') ? ` ${text.slice(0, 120)}` : ''}`;
                failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
              }
              resolve(ok);
            });
            res.on('error', () => resolve(false));
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (error: NodeJS.ErrnoException) => {
          const kind = error.code ?? error.message;
          failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
          resolve(false);
        });
        req.end(body);
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const successes = outcomes.filter(Boolean).length;
  return { requests: count, successes, failures: count - successes, failureKinds, seconds, perSecond: count / seconds };
}
