/**
 * The one place that decides what X-Forwarded-* headers mean (TRUST_PROXY). Without a
 * trusted proxy, the client is the TCP peer and every forwarded header a client sent is
 * dropped, so nothing downstream (rate limits, Next.js, the practice server) can be
 * fooled by them. With N trusted hops, the client is the address N hops back in
 * X-Forwarded-For (proxy-addr, the algorithm Express uses).
 * @see docs/decisions/006-trust-proxy-and-redirect-allowlist.md
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Headers that only a trusted proxy may set. */
const FORWARDED_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'x-request-id',
];

/** The header carrying the request id to route handlers (and back to the client). */
export const REQUEST_ID_HEADER = 'x-request-id';

const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The client's address: the TCP peer, or the address `trustedHops` proxies back. */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0 || peer === 'unknown') return peer;
  const trust = trustedHops === Number.POSITIVE_INFINITY ? () => true : (_address: string, hop: number) => hop < trustedHops;
  try {
    return proxyaddr(req, trust);
  } catch {
    return peer; // a malformed X-Forwarded-For entry: fall back to what the socket says
  }
}

/**
 * Rewrites the request's forwarding headers into the form the rest of the site reads:
 * `x-forwarded-for` holds exactly the client address, `x-request-id` a request id, and
 * untrusted X-Forwarded-Host/-Proto are gone. Returns both values.
 */
export function normalizeForwardedHeaders(req: IncomingMessage, trustedHops: number): { address: string; requestId: string } {
  const address = clientAddress(req, trustedHops);
  const proxyRequestId = req.headers[REQUEST_ID_HEADER];
  if (trustedHops <= 0) {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
  }
  const requestId =
    trustedHops > 0 && typeof proxyRequestId === 'string' && PROXY_REQUEST_ID.test(proxyRequestId) ? proxyRequestId : randomUUID();
  req.headers['x-forwarded-for'] = address;
  req.headers[REQUEST_ID_HEADER] = requestId;
  return { address, requestId };
}
