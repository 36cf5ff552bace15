import { sign } from 'cookie-signature';
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE } from '@/lib/session/cookie';

/** A learner's signed session cookie, as proxy.ts would set it. */
export function learnerCookie(learnerId: string = randomUUID()): { learnerId: string; cookie: string } {
  const secret = process.env.SESSION_SECRET;
  if (!secret) throw new Error('useTempDatabase() first: it sets SESSION_SECRET');
  return { learnerId, cookie: `${SESSION_COOKIE}=${encodeURIComponent(sign(learnerId, secret))}` };
}

/** A real Request to a route handler, JSON body when given. */
export function apiRequest(
  path: string,
  init: { method?: string; cookie?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined = init.body;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  }
  return new Request(`http://localhost:3999${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
}
