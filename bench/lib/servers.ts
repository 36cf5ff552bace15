/**
 * Builds (when needed) and starts the two apps under test: OAuth Lab itself and the bare
 * Next.js baseline in bench/baseline/.
 *
 * Both are built from staged copies outside the repository, each with a link to the
 * repository's node_modules (so exactly the installed next/react):
 * - the baseline, because Turbopack (16.4) compiles the `proxy.ts` of an enclosing
 *   directory into the app, so building bench/baseline in place would put OAuth Lab's proxy
 *   into the "bare" app;
 * - the site, so the bench never rebuilds the shared `.next` under someone's running server
 *   (e2e, dev), and nobody's rebuild changes the build the bench is measuring.
 * The site's copy is built with its own next.config.js; the only addition is Turbopack's
 * root (the closest directory holding both the copy and node_modules).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, runToCompletion, startProcess, stopProcess, waitForHttp, type Managed } from './processes';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');
const TSX_BIN = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface AppSource {
  name: 'site' | 'baseline';
  /** Where the sources are. */
  dir: string;
  /** Entries of `dir` to stage (files or directories). */
  entries: string[];
  /** Wrap next.config.js to set Turbopack's root (the baseline's config does it itself). */
  wrapConfig: boolean;
}

const SITE: AppSource = {
  name: 'site',
  dir: ROOT,
  entries: [
    'app',
    'components',
    'lib',
    // Test helpers that lib/exercise's test-support modules import (type-checked by the build).
    'tests/support',
    'public',
    'proxy.ts',
    'server.ts',
    'next.config.js',
    'postcss.config.mjs',
    'tailwind.config.ts',
    'tsconfig.json',
    'package.json',
  ],
  wrapConfig: true,
};

const BASELINE: AppSource = {
  name: 'baseline',
  dir: path.join(ROOT, 'bench', 'baseline'),
  entries: ['app', 'next.config.mjs', 'package.json', 'tsconfig.json'],
  wrapConfig: false,
};

const SKIP = (name: string) => /\.test\.tsx?$/.test(name) || ['.next', 'node_modules', 'next-env.d.ts'].includes(name);

function sourceHash(source: AppSource): string {
  const hash = createHash('sha256');
  const walk = (file: string) => {
    if (!existsSync(file)) return;
    const rel = path.relative(source.dir, file);
    try {
      for (const entry of readdirSync(file).sort()) if (!SKIP(entry)) walk(path.join(file, entry));
    } catch {
      hash.update(rel).update(readFileSync(file));
    }
  };
  for (const entry of source.entries) walk(path.join(source.dir, entry));
  hash.update(readFileSync(path.join(ROOT, 'node_modules', 'next', 'package.json')));
  hash.update(readFileSync(path.join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

const WRAPPER = `// Written by bench/lib/servers.ts: the site's own config, plus Turbopack's root for this
// staged copy (its node_modules is a link to the repository's).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import base from './next.config.site.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const modules = realpathSync(path.join(here, 'node_modules'));
let root = here;
while (!modules.startsWith(root === path.sep ? root : root + path.sep)) root = path.dirname(root);

export default { ...base, turbopack: { ...base.turbopack, root } };
`;

export interface BuildOptions {
  /** Rebuild even when the build looks current. */
  force: boolean;
  /** Never build (fail when there is no current build). */
  skip: boolean;
}

function linkTarget(file: string): string | null {
  try {
    return readlinkSync(file);
  } catch {
    return null;
  }
}

/** Stages an app outside the repository and builds it when its sources changed. */
export async function ensureBuild(source: AppSource, options: BuildOptions): Promise<{ dir: string; note: string }> {
  const stage = path.join(tmpdir(), `oauth-lab-bench-${source.name}`);
  const hash = sourceHash(source);
  const marker = path.join(stage, '.bench-source-hash');
  // The stage is shared by every checkout on this machine: a build whose node_modules link
  // points at another checkout (perhaps one removed since) cannot start here.
  const linkedHere = linkTarget(path.join(stage, 'node_modules')) === path.join(ROOT, 'node_modules');
  const current =
    linkedHere && existsSync(path.join(stage, '.next', 'BUILD_ID')) && existsSync(marker) && readFileSync(marker, 'utf8') === hash;
  if (current && !options.force) return { dir: stage, note: 'existing build of the current sources' };
  if (options.skip) {
    if (linkedHere && existsSync(path.join(stage, '.next', 'BUILD_ID')))
      return { dir: stage, note: 'existing build (sources changed since; --no-build)' };
    throw new Error(`No ${source.name} build of this checkout in ${stage} and --no-build was given.`);
  }
  console.log(`Building the ${source.name} (staged copy in ${stage})…`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of source.entries) {
    const from = path.join(source.dir, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(stage, entry), { recursive: true, filter: (file) => !SKIP(path.basename(file)) });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  if (source.wrapConfig) {
    renameSync(path.join(stage, 'next.config.js'), path.join(stage, 'next.config.site.js'));
    writeFileSync(path.join(stage, 'next.config.js'), WRAPPER);
  }
  await runToCompletion(`next build (${source.name})`, NEXT_BIN, ['build'], {
    cwd: stage,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  writeFileSync(marker, hash);
  return { dir: stage, note: 'built now from the working tree' };
}

export const ensureSiteBuild = (options: BuildOptions) => ensureBuild(SITE, options);
export const ensureBaselineBuild = (options: BuildOptions) => ensureBuild(BASELINE, options);

export interface RunningServer {
  name: string;
  origin: string;
  port: number;
  process: Managed;
  /** Removes temporary files (database). */
  cleanup(): void;
}

export interface SiteOptions {
  /** Port to listen on (default: a free one). */
  port?: number;
  /** PUBLIC_URL when it is not the site's own origin (instances behind a proxy). */
  publicUrl?: string;
  /** DATABASE_URL (default: a SQLite file in a throwaway folder). */
  databaseUrl?: string;
  /** More environment (e.g. TRUST_PROXY behind a proxy). */
  env?: Record<string, string>;
  /** 'raised' (default): rate limits out of the way of load tests; 'defaults': the project's own. */
  limits?: 'raised' | 'defaults';
  name?: string;
}

const RAISED_LIMITS = {
  RATE_LIMIT_CHECKS_PER_MINUTE: '100000000',
  RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '100000000',
  RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: '100000000',
  RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
};

/** The site as in production (server.ts), on a free port over a throwaway database. */
export async function startSite(dir: string, options: SiteOptions = {}): Promise<RunningServer & { dataDir: string }> {
  const port = options.port ?? (await freePort());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'oauth-lab-bench-db-'));
  const origin = `http://localhost:${port}`;
  const name = options.name ?? 'site';
  const managed = startProcess(name, TSX_BIN, ['server.ts'], {
    cwd: dir,
    env: {
      // With the project's defaults, nothing from this shell may raise a limit either.
      ...(options.limits === 'defaults'
        ? Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RATE_LIMIT_')))
        : process.env),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      PUBLIC_URL: options.publicUrl ?? origin,
      DATABASE_URL: options.databaseUrl ?? `file:${path.join(dataDir, 'bench.db')}`,
      ...(options.limits === 'defaults' ? {} : RAISED_LIMITS),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    await waitForHttp(managed, `http://127.0.0.1:${port}/api/ready`);
  } catch (error) {
    await stopProcess(managed);
    cleanup();
    throw error;
  }
  return { name, origin, port, process: managed, cleanup, dataDir };
}

/** The bare baseline with `next start`, on a free port. */
export async function startBaseline(dir: string): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const managed = startProcess('baseline', NEXT_BIN, ['start', dir, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  await waitForHttp(managed, `${origin}/`);
  return { name: 'baseline', origin, port, process: managed, cleanup: () => undefined };
}
