/**
 * The body size limit for every request the Node server accepts — pages, API routes and
 * practice-server endpoints alike (docs/api.md, "Conventions": 64 KiB). Route handlers keep their own,
 * possibly smaller, limits; this one makes sure nothing reads or drains more.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** 64 KiB: a pasted token response is a few KB; anything near this is a mistake or abuse. */
export const MAX_REQUEST_BYTES = 64 * 1024;

type Push = IncomingMessage['push'];

/**
 * Refuses a request whose body is, or becomes, larger than `maxBytes` with 413 and closes
 * the connection. A declared Content-Length is judged before any byte is read; a chunked
 * body is counted as Node's HTTP parser hands it over (`push`), so a handler that never
 * reads the body (a page) cannot be used to stream megabytes into the server either.
 * Returns false when the request was refused on the spot.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes: number = MAX_REQUEST_BYTES): boolean {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0) {
      refuse(req, res, 400, 'bad_request', 'The Content-Length header is not a valid length.');
      return false;
    }
    if (length > maxBytes) {
      refuse(req, res, 413, 'payload_too_large', `Request body is ${length} bytes; the limit is ${maxBytes} bytes.`);
      return false;
    }
    return true; // Node's parser never delivers more than the declared length
  }
  if (req.headers['transfer-encoding'] === undefined) return true;

  let received = 0;
  const push: Push = req.push.bind(req);
  // Node's HTTP parser delivers body chunks through the request stream's push().
  req.push = ((chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > maxBytes) {
        refuse(req, res, 413, 'payload_too_large', `Request body exceeds the limit of ${maxBytes} bytes.`);
        return false;
      }
    }
    return push(chunk, encoding);
  }) as Push;
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const destroy = () => req.socket.destroy();
  if (res.headersSent) {
    destroy(); // the handler answered without reading the body: stop reading it
    return;
  }
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  // Close once the answer is out: the rest of the body is never read.
  res.end(body, destroy);
}
