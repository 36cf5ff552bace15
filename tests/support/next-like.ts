/**
 * A stand-in for Next.js in front of route handlers, for tests of the Node server's request
 * listener: like Next (NodeNextRequest → NextRequest), it builds the Web `Request` from the
 * Node request's `headers` object and its URL from the Host header, then runs the route's
 * handler and writes its `Response` back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteTable = Record<string, Partial<Record<Method, (request: Request) => Promise<Response>>>>;

export function nextLike(routes: RouteTable) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const handler = routes[new URL(url, 'http://localhost').pathname]?.[req.method as Method];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
    }
    let body: string | undefined;
    if (req.method !== 'GET') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = Buffer.concat(chunks).toString('utf8'); // the routes under test take JSON
    }
    const response = await handler(new Request(`http://${req.headers.host ?? 'localhost'}${url}`, { method: req.method, headers, body }));
    const cookies = response.headers.getSetCookie();
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value);
    });
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
  };
}
