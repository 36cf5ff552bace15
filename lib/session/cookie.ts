import { randomUUID } from 'node:crypto';
import { sign, unsign } from 'cookie-signature';
import { getEnv } from '../env';

/** The learner's anonymous session cookie (httpOnly, signed, SameSite=Lax). */
export const SESSION_COOKIE = 'oauthlab_sid';
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;
const LEARNER_ID = /^[0-9a-f-]{36}$/;

function secret(): string {
  const value = getEnv().SESSION_SECRET;
  if (!value) throw new Error('SESSION_SECRET is not set: start the site through server.ts (npm start / npm run dev)');
  return value;
}

/** A new learner id and the signed cookie value that carries it. */
export function mintSession(): { learnerId: string; cookieValue: string } {
  const learnerId = randomUUID();
  return { learnerId, cookieValue: sign(learnerId, secret()) };
}

/** The Set-Cookie value that makes a browser continue as `learnerId` (a resume link). */
export function sessionCookieFor(learnerId: string): string {
  if (!LEARNER_ID.test(learnerId)) throw new Error('not a learner id');
  return serializeCookie(SESSION_COOKIE, sign(learnerId, secret()), sessionCookieOptions());
}

/** The learner id in a signed cookie value, or null when missing, tampered or malformed. */
export function readSessionValue(cookieValue: string | undefined | null): string | null {
  if (!cookieValue) return null;
  const learnerId = unsign(cookieValue, secret());
  return learnerId && LEARNER_ID.test(learnerId) ? learnerId : null;
}

/** Reads one cookie from a Cookie header (RFC 6265 syntax, values URL-decoded). */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The learner id of a request, or null (route handlers answer 401 then). */
export function learnerIdFromRequest(request: Request): string | null {
  return readSessionValue(readCookie(request.headers.get('cookie'), SESSION_COOKIE));
}

/**
 * The learner of an API request, giving a new visitor a session on the spot (docs/api.md: the
 * session cookie is created on first visit, whichever URL that is). The new cookie is
 * handed to `handleApi`, which sets it on the response.
 */
export function learnerForRequest(request: Request): string {
  const existing = learnerIdFromRequest(request);
  if (existing) return existing;
  const { learnerId, cookieValue } = mintSession();
  mintedCookies.set(request, serializeCookie(SESSION_COOKIE, cookieValue, sessionCookieOptions()));
  return learnerId;
}

const mintedCookies = new WeakMap<Request, string>();

/** The Set-Cookie value of a session minted while handling `request`, if any. */
export function takeMintedSessionCookie(request: Request): string | undefined {
  const cookie = mintedCookies.get(request);
  mintedCookies.delete(request);
  return cookie;
}

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  secure: boolean;
  path: string;
  maxAge: number;
}

/** A Set-Cookie header value (RFC 6265 §4.1); the value is URL-encoded as readCookie expects. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    options.httpOnly ? 'HttpOnly' : '',
    `SameSite=${options.sameSite === 'lax' ? 'Lax' : 'Strict'}`,
    options.secure ? 'Secure' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Cookie attributes for the session cookie. */
export function sessionCookieOptions(): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: getEnv().PUBLIC_URL.startsWith('https:'),
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  };
}
