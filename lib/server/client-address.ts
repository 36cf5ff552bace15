/**
 * Who is asking: the one place that decides a request's client address and request id,
 * once, as the Node server receives it (TRUST_PROXY). Without a trusted proxy, the client
 * is the TCP peer and every forwarded header a client sent is worthless. With N trusted
 * hops, the client is the address N hops back in X-Forwarded-For (proxy-addr, the
 * algorithm Express uses).
 *
 * The decision travels two ways, and neither can be set by a client:
 * - beside the request: {@link requestIdentity} (a WeakMap keyed by the Node request), for
 *   code that holds the Node request (the practice server, logs);
 * - in the request's headers, for code that only sees a Web `Request` (Next.js route
 *   handlers, the check API's fast path): every forwarding header the client sent is
 *   removed from BOTH views of the headers, `req.headers` and `req.rawHeaders`, and
 *   `x-forwarded-for` / `x-request-id` then hold exactly the decision. Whichever view a
 *   consumer reads, it cannot read a forged value (issue 18: the fast path read
 *   `rawHeaders` while only `req.headers` had been rewritten).
 * @see docs/decisions/006-trust-proxy-and-redirect-allowlist.md
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** The header carrying the request id to route handlers (and back to the client). */
export const REQUEST_ID_HEADER = 'x-request-id';
/** The header carrying the decided client address to route handlers: exactly one address. */
export const CLIENT_ADDRESS_HEADER = 'x-forwarded-for';

/** Headers that say who the client is: only the decision may set them. */
const IDENTITY_HEADERS = new Set(['forwarded', 'x-forwarded-for', 'x-real-ip', REQUEST_ID_HEADER]);
/** Headers that only a trusted proxy may set: dropped when no proxy is trusted. */
const PROXY_HEADERS = new Set(['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port']);

const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface RequestIdentity {
  /** The client's address, as TRUST_PROXY allows it to be known. */
  address: string;
  /** Ours, or a trusted proxy's well-formed X-Request-Id. */
  requestId: string;
}

const identities = new WeakMap<IncomingMessage, RequestIdentity>();

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
 * Decides who is asking (once per request: a second call returns the first decision) and
 * rewrites the request's headers so that they say only that: see the module comment.
 */
export function identifyRequest(req: IncomingMessage, trustedHops: number): RequestIdentity {
  const decided = identities.get(req);
  if (decided) return decided;
  const address = clientAddress(req, trustedHops);
  const proxyRequestId = req.headers[REQUEST_ID_HEADER];
  const requestId =
    trustedHops > 0 && typeof proxyRequestId === 'string' && PROXY_REQUEST_ID.test(proxyRequestId) ? proxyRequestId : randomUUID();
  const identity = { address, requestId };
  identities.set(req, identity);

  const dropped = (name: string) => IDENTITY_HEADERS.has(name) || (trustedHops <= 0 && PROXY_HEADERS.has(name));
  for (const name of Object.keys(req.headers)) if (dropped(name)) delete req.headers[name];
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  req.headers[REQUEST_ID_HEADER] = requestId;
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!dropped(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  raw.push(CLIENT_ADDRESS_HEADER, address, REQUEST_ID_HEADER, requestId);
  // rawHeaders is a plain array property of IncomingMessage; replacing it is what Node's own parser does.
  req.rawHeaders = raw;
  return identity;
}

/**
 * The decision for a request the Node server received. A request that never went through
 * the server's listener (a test calling a handler directly) is decided here as if no proxy
 * were trusted: the TCP peer, never a header.
 */
export function requestIdentity(req: IncomingMessage): RequestIdentity {
  return identities.get(req) ?? identifyRequest(req, 0);
}

/** A Node request's headers as a Web `Headers` object, after {@link identifyRequest} (repeated headers kept). */
export function webHeadersOf(req: IncomingMessage): Headers {
  requestIdentity(req); // never hand on headers that were not rewritten
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}
