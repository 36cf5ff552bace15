import 'server-only';
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Outbound fetches chosen by a user (issuer discovery, JWKS) under the SSRF rule (docs/api.md, setup):
 * https only, public addresses only, short timeout, size limit, every redirect hop validated,
 * and the connection pinned to the address that was validated (no DNS rebinding).
 */

/** Where an IP address points, for the SSRF rule. Anything but `public` is refused by default. */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link_local' | 'unique_local' | 'cgnat' | 'unspecified' | 'multicast' | 'reserved';

type Range = readonly [AddressClass, string, number];

// IANA IPv4 special-purpose registry (RFC 6890 and successors), minus the globally
// reachable entries. @see https://www.iana.org/assignments/iana-ipv4-special-registry
const IPV4_RANGES: readonly Range[] = [
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['cgnat', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link_local', '169.254.0.0', 16], // includes the cloud metadata address 169.254.169.254
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['reserved', '192.88.99.0', 24],
  ['private', '192.168.0.0', 16],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4], // includes the broadcast address 255.255.255.255
];

// @see https://www.iana.org/assignments/iana-ipv6-special-registry
const IPV6_RANGES: readonly Range[] = [
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['reserved', '64:ff9b:1::', 48],
  ['reserved', '100::', 64],
  ['reserved', '2001::', 23],
  ['reserved', '2001:db8::', 32],
  ['reserved', '3fff::', 20],
  ['unique_local', 'fc00::', 7],
  ['link_local', 'fe80::', 10],
  ['reserved', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
];

/** Converts an IPv4 prefix into the same prefix embedded at `offsetBits` of an IPv6 prefix. */
function embedIpv4(prefix: string, ipv4: string, offsetBits: number, bits: number): [string, number] {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
  const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
  return offsetBits === 96
    ? [`${prefix}${hex(a, b)}:${hex(c, d)}`, 96 + bits]
    : [`${prefix}${hex(a, b)}:${hex(c, d)}::`, offsetBits + bits];
}

const lists = new Map<AddressClass, BlockList>();
function addRule(kind: AddressClass, address: string, bits: number, family: 'ipv4' | 'ipv6') {
  let list = lists.get(kind);
  if (!list) lists.set(kind, (list = new BlockList()));
  list.addSubnet(address, bits, family);
}
for (const [kind, address, bits] of IPV4_RANGES) {
  // BlockList already matches IPv4-mapped IPv6 (::ffff:a.b.c.d) against IPv4 rules. Addresses
  // embedded by NAT64 (RFC 6052) and 6to4 (RFC 3056) reach the same IPv4 host, so they are
  // classified like it.
  addRule(kind, address, bits, 'ipv4');
  addRule(kind, ...embedIpv4('64:ff9b::', address, 96, bits), 'ipv6');
  addRule(kind, ...embedIpv4('2002:', address, 16, bits), 'ipv6');
}
for (const [kind, address, bits] of IPV6_RANGES) addRule(kind, address, bits, 'ipv6');

// Checked in this order: the narrow ranges first (::1 is also inside ::/96-style reservations).
const CLASS_ORDER: readonly AddressClass[] = [
  'loopback',
  'unspecified',
  'link_local',
  'private',
  'unique_local',
  'cgnat',
  'multicast',
  'reserved',
];

const ipv6Translated = new BlockList();
ipv6Translated.addSubnet('::ffff:0:0', 96, 'ipv6');
ipv6Translated.addSubnet('64:ff9b::', 96, 'ipv6');
const ipv6GlobalUnicast = new BlockList();
ipv6GlobalUnicast.addSubnet('2000::', 3, 'ipv6');

/**
 * Classifies an IP address literal (IPv4, IPv6, IPv4-mapped IPv6, optionally `[bracketed]`).
 * Throws a TypeError for anything that is not an IP address.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) throw new TypeError(`Not an IP address: ${address}`);
  // A zone index (fe80::1%eth0) only exists for link-scoped addresses.
  if (bare.includes('%')) return 'link_local';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const kind of CLASS_ORDER) {
    if (lists.get(kind)?.check(bare, type)) return kind;
  }
  if (type === 'ipv6' && !ipv6Translated.check(bare, 'ipv6') && !ipv6GlobalUnicast.check(bare, 'ipv6')) {
    // Outside 2000::/3 nothing is allocated for public unicast (RFC 4291 §2.4).
    return 'reserved';
  }
  return 'public';
}

export type SafeFetchFailureReason =
  'invalid_url' | 'not_https' | 'private_address' | 'dns_failed' | 'timeout' | 'too_large' | 'too_many_redirects' | 'network';

export interface SafeFetchSuccess {
  ok: true;
  status: number;
  /** The final URL, after redirects. */
  url: string;
  headers: Headers;
  body: string;
}

export interface SafeFetchFailure {
  ok: false;
  reason: SafeFetchFailureReason;
  /** Human-readable, e.g. "connection refused (ECONNREFUSED)"; never contains secrets. */
  detail: string;
  /** The URL of the hop that failed (the first one, or a redirect target). */
  url: string;
}

export type SafeFetchResult = SafeFetchSuccess | SafeFetchFailure;

/** Resolves a hostname to every address (tests inject one; the default uses the OS resolver). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export interface SafeFetchOptions {
  /** Lift the SSRF rule (ALLOW_PRIVATE_ISSUERS): private targets and http to loopback allowed. */
  allowPrivate: boolean;
  /** Hard limit over the whole exchange, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  accept?: string;
  /** Aborts the exchange (reported as `timeout` when the signal's reason is a TimeoutError). */
  signal?: AbortSignal;
  resolve?: HostResolver;
}

/** The signature of {@link safeFetch}, so callers can take a stand-in in tests. */
export type SafeFetch = (url: string, options: SafeFetchOptions) => Promise<SafeFetchResult>;

export const SAFE_FETCH_DEFAULTS = { timeoutMs: 5000, maxBytes: 512 * 1024, maxRedirects: 3 } as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const defaultResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const failure = (reason: SafeFetchFailureReason, detail: string, url: string): SafeFetchFailure => ({
  ok: false,
  reason,
  detail,
  url,
});

/**
 * GETs a user-chosen URL under the SSRF rule. Never throws for network problems:
 * every outcome is a {@link SafeFetchResult}. No cookies or credentials are ever sent.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let current = url;
  const failureOf = (reason: SafeFetchFailureReason, detail: string) => failure(reason, detail, current);
  const abortedDetail = () =>
    deadline.aborted || (signal.reason as Error | undefined)?.name === 'TimeoutError'
      ? failureOf('timeout', `no complete answer within ${formatMs(timeoutMs)}`)
      : failureOf('network', 'the request was cancelled');

  for (let hop = 0; ; hop++) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return failureOf('invalid_url', `"${current}" is not an absolute URL`);
    }
    const checked = await checkTarget(target, options.allowPrivate, options.resolve ?? defaultResolver, signal);
    if (signal.aborted) return abortedDetail();
    if (!checked.ok) return failureOf(checked.reason, checked.detail);

    const response = await requestOnce(target, checked.addresses, { signal, maxBytes, accept: options.accept });
    if (signal.aborted && !response.ok && response.reason === 'network') return abortedDetail();
    if (!response.ok) return failureOf(response.reason, response.detail);

    const location = response.headers.get('location');
    if (REDIRECT_STATUSES.has(response.status) && location !== null) {
      if (hop >= maxRedirects) {
        return failureOf('too_many_redirects', `more than ${maxRedirects} redirects (the last one to "${location}")`);
      }
      try {
        current = new URL(location, target).href;
      } catch {
        return failureOf('invalid_url', `redirected to "${location}", which is not a valid URL`);
      }
      continue;
    }
    return { ok: true, status: response.status, url: target.href, headers: response.headers, body: response.body };
  }
}

export type TargetCheck = { ok: true; addresses: LookupAddress[] } | { ok: false; reason: SafeFetchFailureReason; detail: string };

/**
 * The SSRF rule for one hop: scheme, credentials, then every resolved address. The addresses
 * returned are the only ones a connection to `target` may use.
 */
export async function checkTarget(
  target: URL,
  allowPrivate: boolean,
  resolve: HostResolver = defaultResolver,
  signal: AbortSignal = new AbortController().signal,
): Promise<TargetCheck> {
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { ok: false, reason: 'invalid_url', detail: `"${target.protocol}" URLs cannot be fetched` };
  }
  if (target.username || target.password) {
    return { ok: false, reason: 'invalid_url', detail: 'URLs with a user name or password are not fetched' };
  }
  const isHttp = target.protocol === 'http:';
  if (isHttp && !allowPrivate) {
    return { ok: false, reason: 'not_https', detail: `"${target.origin}" uses http; only https is allowed` };
  }

  const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  let addresses: LookupAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await raceAbort(resolve(host), signal);
    } catch (error) {
      if (signal.aborted) return { ok: false, reason: 'timeout', detail: 'the name lookup did not finish in time' };
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return { ok: false, reason: 'dns_failed', detail: `the name "${host}" could not be resolved (${code})` };
    }
    if (addresses.length === 0) {
      return { ok: false, reason: 'dns_failed', detail: `the name "${host}" has no addresses` };
    }
  }

  const classified = addresses.map((entry) => ({ entry, kind: classifyAddress(entry.address) }));
  // The refusal reaches the learner: a literal address is their own input and is echoed, but
  // what a name resolves to is this server's view of its network and is never shown.
  const describe = (c: { entry: LookupAddress; kind: AddressClass }) =>
    host === c.entry.address ? `${host} is ${label(c.kind)}` : `"${host}" resolves to ${label(c.kind)}`;
  if (isHttp) {
    // http is only for a server on this machine, and only when private targets are allowed.
    const notLoopback = classified.find((c) => c.kind !== 'loopback');
    if (notLoopback) {
      return { ok: false, reason: 'not_https', detail: `http is only allowed for loopback addresses, and ${describe(notLoopback)}` };
    }
  } else if (!allowPrivate) {
    // Refuse when any address is private, so a mixed answer cannot be used to reach inside.
    const forbidden = classified.find((c) => c.kind !== 'public');
    if (forbidden) return { ok: false, reason: 'private_address', detail: describe(forbidden) };
  }
  return { ok: true, addresses };
}

function label(kind: AddressClass): string {
  return {
    public: 'a public address',
    loopback: 'a loopback address',
    private: 'a private network address',
    link_local: 'a link-local address',
    unique_local: 'a unique-local address',
    cgnat: 'a carrier-grade NAT address',
    unspecified: 'an unspecified address',
    multicast: 'a multicast address',
    reserved: 'a reserved address',
  }[kind];
}

type HopResult =
  { ok: true; status: number; headers: Headers; body: string } | { ok: false; reason: SafeFetchFailureReason; detail: string };

/** One GET to `target`, connecting only to the already validated `addresses`. */
function requestOnce(
  target: URL,
  addresses: LookupAddress[],
  options: { signal: AbortSignal; maxBytes: number; accept?: string },
): Promise<HopResult> {
  return new Promise<HopResult>((resolvePromise) => {
    let settled = false;
    const settle = (result: HopResult) => {
      if (settled) return;
      settled = true;
      resolvePromise(result);
    };
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      {
        method: 'GET',
        // A fresh connection each time: a pooled socket could have been opened to another address.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal: options.signal,
        headers: {
          accept: options.accept ?? 'application/json',
          'accept-encoding': 'identity',
          'user-agent': 'OAuthLab-Discovery/1.0',
        },
      },
      (response) => {
        const headers = toHeaders(response.headers);
        const declared = Number(headers.get('content-length') ?? Number.NaN);
        if (declared > options.maxBytes) {
          response.destroy();
          settle({ ok: false, reason: 'too_large', detail: tooLarge(options.maxBytes) });
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > options.maxBytes) {
            response.destroy();
            request.destroy();
            settle({ ok: false, reason: 'too_large', detail: tooLarge(options.maxBytes) });
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          const body = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
          settle({ ok: true, status: response.statusCode ?? 0, headers, body });
        });
        response.on('error', (error) => settle({ ok: false, reason: 'network', detail: describeNetworkError(error) }));
        response.on('close', () => {
          if (!response.complete) settle({ ok: false, reason: 'network', detail: 'the connection closed mid-response' });
        });
      },
    );
    request.on('error', (error) => settle({ ok: false, reason: 'network', detail: describeNetworkError(error) }));
    request.end();
  });
}

/** A `lookup` that answers with the validated addresses only (whatever DNS says now). */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const wanted = family === 4 || family === 6 ? family : 0;
    const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error('no validated address of the requested family'), { code: 'ENOTFOUND' }), '');
      return;
    }
    if (options.all) callback(null, usable);
    else callback(null, first.address, first.family);
  };
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || name === 'set-cookie') continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
};

function describeNetworkError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (NETWORK_ERRORS[code]) return `${NETWORK_ERRORS[code]} (${code})`;
  if (/CERT|SSL|TLS/.test(code) || code === 'EPROTO') return `TLS error: ${error.message} (${code})`;
  if (code.startsWith('HPE_')) return `not a valid HTTP response (${code})`;
  return code ? `${error.message} (${code})` : error.message;
}

function tooLarge(maxBytes: number): string {
  return `the response is larger than ${Math.round(maxBytes / 1024)} KiB`;
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
