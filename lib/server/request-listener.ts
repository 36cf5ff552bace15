/**
 * The Node server's request listener: every request gets a request id, the client
 * address TRUST_PROXY allows, the body size limit, an access log line, and then goes to
 * the readiness answer (`/api/ready`), the practice server (`/oauth2/default/*`), the check
 * API's fast path (lib/server/api-fast-path.ts) or Next.js.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Env } from '../env';
import { redactUrl } from '../logging/logger';
import { isPracticePath } from '../practice-server/mount';
import { limitRequestBody } from './body-limit';
import { identifyRequest, REQUEST_ID_HEADER } from './client-address';
import { handleReadiness } from './readiness';

export interface RequestListenerOptions {
  env: Pick<Env, 'TRUST_PROXY'>;
  logger: Logger;
  /** The practice server's handler, when it is on. */
  practice: ((req: IncomingMessage, res: ServerResponse) => void) | null;
  /** Everything else (Next.js's request handler in production). */
  next: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Routes served without Next's pipeline (the check API): each returns true when it took the request. */
  fastPaths?: ((req: IncomingMessage, res: ServerResponse) => boolean)[];
}

export function createRequestListener({ env, logger, practice, next, fastPaths = [] }: RequestListenerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    // Who is asking is decided here, before anything else sees the request (decision 006).
    const { address, requestId } = identifyRequest(req, env.TRUST_PROXY);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      logger.debug(
        {
          requestId,
          method: req.method,
          url: redactUrl(req.url ?? '/'),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          address,
        },
        'request',
      );
    });
    if (!limitRequestBody(req, res)) return;
    if (handleReadiness(req, res)) return;

    const url = req.url ?? '/';
    if (practice && isPracticePath(url)) {
      practice(req, res);
      return;
    }
    for (const fastPath of fastPaths) if (fastPath(req, res)) return;
    next(req, res).catch((error: unknown) => {
      // A request refused mid-body (413) has been answered already; the handler's failure
      // to read the rest is expected.
      if (res.writableEnded) {
        logger.debug({ requestId, err: error }, 'handler failed after the response ended');
        return;
      }
      logger.error({ requestId, url: redactUrl(url), err: error }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal Server Error (request ${requestId})`);
    });
  };
}
