/**
 * The body size limit for every request the Node server accepts — pages, API routes and
 * practice-server endpoints alike (docs/api.md, "Conventions": 64 KiB). Route handlers keep their own,
 * possibly smaller, limits; this one makes sure nothing reads more.
 *
 * A refused body is usually still arriving. Closing the connection with bytes of it unread makes
 * the kernel reset the connection, which throws away whatever of the answer is not sent yet (and,
 * on some systems, what the client has received but not read): a client still sending, such as
 * Node's fetch, then reports ECONNRESET instead of the 413 (issue 18). So a refusal ends in a
 * lingering close, as in Apache and nginx: answer with `Connection: close`, half-close, read and
 * throw away the rest of the body, and close once it has all arrived. A client that reads the
 * answer stops sending (fetch closes as soon as it has it), but what it had already handed to
 * its kernel still arrives: megabytes, on a fast link. Past DRAIN_BOUNDS the connection is
 * dropped: a client that does not stop is not owed more.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** 64 KiB: a pasted token response is a few KB; anything near this is a mistake or abuse. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** How much of a refused body is read and thrown away, and for how long, before the connection is dropped. */
export interface DrainBounds {
  bytes: number;
  ms: number;
}

/**
 * 4 MiB: room for a whole 3 MB mistake (a file or photo pasted or uploaded), and for what a
 * client has in flight when the answer reaches it (measured: 3.8 MB from Node's fetch over loopback).
 * 5 s: such a body on a slow uplink (3 MB at 5 Mbit/s); and all that a slow client sending a
 * huge body can hold a connection for after the refusal. Discarded bytes are never kept: the
 * bytes bound costs bandwidth, not memory.
 */
export const DRAIN_BOUNDS: DrainBounds = { bytes: 4 * 1024 * 1024, ms: 5_000 };

/** Node's HTTP parser hands every body chunk, then null at the end, to the request stream's push(). */
type Push = (chunk: Buffer | null) => boolean;

/**
 * Refuses a request whose body is, or becomes, larger than `maxBytes` with 413. A declared
 * Content-Length is judged before any byte is read; a chunked body is held back (at most
 * `maxBytes` of it) until it has all arrived, so no handler sees a byte of a body that is refused
 * either — not even one with a smaller limit and an error of its own (oidc-provider: 56 KiB, 400),
 * or one that never reads the body (a page). Returns false when the request was refused on the spot.
 */
export function limitRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number = MAX_REQUEST_BYTES,
  drain: DrainBounds = DRAIN_BOUNDS,
): boolean {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0) {
      refuse(req, res, drain, 400, 'bad_request', 'The Content-Length header is not a valid length.');
      return false;
    }
    if (length > maxBytes) {
      refuse(req, res, drain, 413, 'payload_too_large', `Request body is ${length} bytes; the limit is ${maxBytes} bytes.`);
      return false;
    }
    return true; // Node's parser never delivers more than the declared length
  }
  if (req.headers['transfer-encoding'] === undefined) return true;

  const push = req.push.bind(req) as Push;
  const held: Buffer[] = [];
  let received = 0;
  let refused = false;
  setPush(req, (chunk) => {
    if (chunk === null) {
      for (const part of held) push(part);
      return push(null);
    }
    received += chunk.length;
    if (received > maxBytes) {
      refused = true;
      held.length = 0;
      refuse(req, res, drain, 413, 'payload_too_large', `Request body exceeds the limit of ${maxBytes} bytes.`);
    } else {
      held.push(chunk);
    }
    return true; // keep reading, whether or not anyone does: the verdict needs the body
  });
  // A handler that answers before the body has arrived (a page does not wait for it) leaves Node
  // to throw the rest away, with no bound and past push(). Do it here instead, bounded. Prepended:
  // Node's own listener, which starts that, comes first otherwise.
  res.prependListener('finish', () => {
    if (!req.complete && !refused) discardRest(req, res, drain);
  });
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse, drain: DrainBounds, status: number, code: string, message: string): void {
  discardRest(req, res, drain);
  // A handler that has answered already (without reading the body): its answer goes out, then the connection closes.
  if (res.headersSent) return;
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(body);
}

/**
 * The lingering close: once the answer is out, half-close; read and throw away the rest of the
 * body (no handler sees it); close when it has ended — or destroy the connection once
 * `drain.bytes` have been thrown away or `drain.ms` have passed, whichever comes first.
 */
function discardRest(req: IncomingMessage, res: ServerResponse, drain: DrainBounds): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), drain.ms);
  socket.once('close', () => {
    clearTimeout(timer);
    req.destroy(); // a handler still waiting for the body fails rather than waits for ever
  });

  // Node closes a connection after a `Connection: close` answer with destroySoon(): end, then
  // destroy at once — the reset this module is about. Until the body has ended, only end: the
  // client learns that nothing more is coming, and Node cannot add a bare 400 when it stops mid-body.
  const destroySoon = socket.destroySoon.bind(socket);
  let bodyEnded = false;
  const afterAnswer = () => (bodyEnded ? destroySoon() : socket.end());
  socket.destroySoon = afterAnswer;
  if (res.writableFinished) afterAnswer();
  else res.once('finish', afterAnswer); // also for an answer that kept the connection alive

  let discarded = 0;
  setPush(req, (chunk) => {
    if (chunk === null) {
      bodyEnded = true;
      if (res.writableFinished) afterAnswer();
    } else {
      discarded += chunk.length;
      if (discarded > drain.bytes) socket.destroy();
    }
    return true; // keep reading; nothing is kept
  });
  // Flowing, so that Node does not take over with its unbounded discard (req._dump) once the answer is out.
  req.resume();
}

function setPush(req: IncomingMessage, push: Push): void {
  req.push = push as IncomingMessage['push'];
}
