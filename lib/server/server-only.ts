/**
 * The custom server's module graph is a server by definition, but it is not a React Server
 * build: the `server-only` marker package resolves there to its throwing default instead of
 * the empty module React's `react-server` condition picks. Modules the server imports from
 * the app (the check route for the fast path) carry that marker, so before importing them
 * the marker is registered as the empty module it is on the server.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Makes `import 'server-only'` a no-op in this process's own (non-Next) module graph. */
export function allowServerOnlyModules(): void {
  const marker = require.resolve('server-only');
  if (require.cache[marker]) return;
  const empty = new (require('node:module') as typeof import('node:module'))(marker);
  empty.filename = marker;
  empty.loaded = true;
  empty.exports = {};
  require.cache[marker] = empty;
}
