// @ts-check
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A bare Next.js app with no dependencies of its own. `npm run bench` stages a copy of this
 * directory outside the repository, links the repository's node_modules into it and runs
 * `next build` there, so it is built with exactly the installed next/react.
 *
 * Turbopack only compiles files under its root: make the root the closest directory that
 * holds both this app and the (linked) node_modules.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, 'node_modules');
const target = existsSync(modules) ? realpathSync(modules) : here;
let root = here;
while (!(target + path.sep).startsWith(root + path.sep) && path.dirname(root) !== root) root = path.dirname(root);
if (!(target + path.sep).startsWith(root + path.sep)) root = path.parse(here).root;

/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: { root },
};

export default nextConfig;
