/**
 * The check API (`POST /api/exercise/<step>`) served by the Node server itself, with the
 * very route handler Next.js would run (app/api/exercise/[step]/route.ts, wrapped in
 * handleApi: CSRF, session cookie, errors), but without Next's route pipeline around it.
 *
 * Why: the check API is the site's hot path and has a budget relative to a bare Next.js
 * JSON route (docs/decisions/005-performance-budgets.md). Profiles put most of a check's
 * time in Next's request handling, which a bare route pays too; a check that also pays it
 * cannot reach half the bare route's throughput. Here the Node request becomes a Web
 * `Request` once, the handler runs, and its `Response` is written back with the headers
 * next.config.js gives every response. One code path for both databases, and for tests
 * (which call the route handler directly). @see docs/decisions/008-postgres-and-several-instances.md
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getLogger } from '../logging/logger';
import { requestIdentity, webHeadersOf } from './client-address';

/** A route handler's signature (as in app/api/.../route.ts). */
export type RouteHandler = (request: Request, context: { params: Promise<{ step: string }> }) => Promise<Response>;
/** The course's check route's signature (app/api/exercises/[exercise]/[step]/route.ts). */
export type CourseRouteHandler = (request: Request, context: { params: Promise<{ exercise: string; step: string }> }) => Promise<Response>;

/**
 * The static headers next.config.js sets on every Next.js response; answers that skip Next
 * carry them too (tests/api-fast-path.test.ts compares the two lists).
 */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * The check endpoints, without a query string. A check URL with one (the API's own calls
 * have none) is left to Next.js, which runs the same handler: the bench measures with it
 * what the fast path saves.
 */
const CHECK_PATH = /^\/api\/exercise\/([a-z-]{1,40})$/;
const COURSE_CHECK_PATH = /^\/api\/exercises\/([a-z-]{1,40})\/([a-z-]{1,40})$/;
/** Routes of their own beside the checks (app/api/exercises/[exercise]/…): never a step id (lib/course/catalogue.test.ts). */
export const EXERCISE_ROUTE_NAMES: readonly string[] = ['progress', 'completion-record'];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  res.setHeader('Content-Length', body.length);
  res.writeHead(response.status);
  res.end(body);
}

/**
 * A request listener step: serves `POST /api/exercise/<step>` with `handler` (and, given
 * `courseHandler`, `POST /api/exercises/<exercise>/<step>` with it) and returns true, or
 * returns false for any other request (Next.js serves it).
 */
export function createCheckApiFastPath(handler: RouteHandler, courseHandler?: CourseRouteHandler) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '/';
    const match = CHECK_PATH.exec(url);
    const courseMatch = match || !courseHandler ? null : COURSE_CHECK_PATH.exec(url);
    const course = courseMatch && !EXERCISE_ROUTE_NAMES.includes(courseMatch[2]!) ? courseMatch : null;
    if (!match && !course) return false;
    void (async () => {
      const body = await readBody(req);
      // The origin as Next would see it (handleApi compares a request's Origin with it).
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${url}`, {
        method: 'POST',
        // The headers as the request listener rewrote them: the client address and request id
        // are the server's decision, never what the client sent (lib/server/client-address.ts).
        headers: webHeadersOf(req),
        // Decoded as request.text() would decode it (JSON is UTF-8).
        body: body.toString('utf8'),
      });
      const response = match
        ? await handler(request, { params: Promise.resolve({ step: match[1]! }) })
        : await courseHandler!(request, { params: Promise.resolve({ exercise: course![1]!, step: course![2]! }) });
      await writeResponse(res, response);
    })().catch((error: unknown) => {
      // handleApi answers every error itself; this is the body stream failing (a client gone,
      // or the 413 of the body limit already sent).
      getLogger().debug({ err: error, requestId: requestIdentity(req).requestId }, 'check API request ended early');
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'application/json' });
      if (!res.writableEnded) res.end(JSON.stringify({ error: { code: 'bad_request', message: 'The request body could not be read.' } }));
    });
    return true;
  };
}
