import { randomUUID } from 'node:crypto';
import { sign, unsign } from 'cookie-signature';
import { getEnv } from './env';

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

/** Cookie attributes for the session cookie. */
export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: getEnv().PUBLIC_URL.startsWith('https:'),
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  };
}
