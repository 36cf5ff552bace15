import { z } from 'zod';
import { getEnv } from '../env';
import { getLogger } from '../logging/logger';
import { isCrossSiteRequest } from './csrf';
import { MAX_REQUEST_BYTES } from '../server/body-limit';
import { takeMintedSessionCookie } from '../session/cookie';
import { FeatureDisabled, PrerequisiteMissing } from '../progress/errors';
import { RateLimited } from './rate-limits';
import { CohortFull } from '../cohorts/capacity';

/** Error codes of the JSON API's `{ error: { code, message } }` envelope (docs/api.md). */
export type ApiErrorCode =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'rate_limited' | 'internal_error';

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

const noStore = { 'Cache-Control': 'no-store' };

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { ...noStore, ...init.headers } });
}

export function errorResponse(error: ApiError): Response {
  return jsonResponse({ error: { code: error.code, message: error.message } }, { status: error.status, headers: error.headers });
}

/** The API's body limit: the same 64 KiB the Node server enforces for every request. */
export const MAX_BODY_BYTES = MAX_REQUEST_BYTES;

/**
 * Reads a JSON body with a size limit and validates it. Throws ApiError 413 when too
 * large, 400 when not declared as JSON, malformed or invalid (naming the bad fields):
 * docs/api.md: every malformed call is a 400.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_BODY_BYTES): Promise<z.infer<T>> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ApiError('payload_too_large', `Request body is ${declared} bytes; the limit is ${maxBytes} bytes.`);
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError('bad_request', 'Send the body as JSON with Content-Type: application/json.');
  }
  // A declared length was checked above: read it whole (fast path); else stream with a cap.
  const text = Number.isFinite(declared) ? await request.text() : await readTextLimited(request, maxBytes);
  if (text.length > maxBytes) throw new ApiError('payload_too_large', `Request body exceeds the limit of ${maxBytes} bytes.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new ApiError('bad_request', `Invalid request body: ${detail}`);
  }
  return parsed.data;
}

/** Reads the body as text, stopping (413) as soon as it exceeds `maxBytes`. */
async function readTextLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ApiError('payload_too_large', `Request body exceeds the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The HTTP answer for a domain error (or an ApiError as it is); null for anything unexpected. */
function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof RateLimited) return new ApiError('rate_limited', error.message, { 'Retry-After': String(error.retryAfterSeconds) });
  if (error instanceof PrerequisiteMissing) return new ApiError('conflict', error.message);
  if (error instanceof FeatureDisabled) return new ApiError('bad_request', error.message);
  if (error instanceof CohortFull) return new ApiError('conflict', error.message);
  return null;
}

/**
 * Wraps a route handler: refuses cross-site state changes (403), sets the session cookie
 * of a learner seen for the first time, turns ApiErrors into their JSON answer, and logs
 * anything else (without the request body) as a generic 500. API routes do not go
 * through proxy.ts: its body buffering for POSTs costs the check API a third of its speed.
 */
export function handleApi<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const [request] = args;
    try {
      // CSRF: a state change that another site's page asked the browser to make is refused.
      if (isCrossSiteRequest(request, [new URL(getEnv().PUBLIC_URL).origin, new URL(request.url).origin])) {
        throw new ApiError('forbidden', 'Cross-site request refused: this action must come from OAuth Lab itself.');
      }
      const response = await handler(...args);
      const sessionCookie = takeMintedSessionCookie(request);
      if (sessionCookie) response.headers.append('Set-Cookie', sessionCookie);
      return response;
    } catch (error) {
      const known = toApiError(error);
      if (known) return errorResponse(known);
      const requestId = request.headers.get('x-request-id') ?? undefined;
      getLogger().error({ requestId, method: request.method, path: new URL(request.url).pathname, err: error }, 'unhandled API error');
      return errorResponse(
        new ApiError('internal_error', `Something went wrong on our side. Please try again.${requestId ? ` (request ${requestId})` : ''}`),
      );
    }
  };
}
