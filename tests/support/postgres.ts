/**
 * A throwaway PostgreSQL cluster for the Postgres run of the test suite, the
 * multi-instance e2e test and the bench: initdb in a temporary folder, the server on a
 * loopback port from a range, trust authentication for one superuser, stopped and removed
 * at the end (also when the process exits early).
 *
 * Debian's server refuses to run as root: as root, every server command runs as the
 * `postgres` user (runuser) in a folder that user owns. The binaries are found, or
 * installed with apt, by scripts/ensure-postgres.sh.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The superuser of every throwaway cluster (trust authentication, loopback only). */
export const CLUSTER_USER = 'oauthlab';

export interface PostgresCluster {
  port: number;
  /** The data folder (also holds the server's socket and log). */
  dir: string;
  /** `postgres://oauthlab@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_dump` of a database (plain SQL, data included), as a learner's copy of the database would be. */
  dump(database: string): Promise<Buffer>;
  /** Stops the server and removes the folder. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Ports to choose from (inclusive); the first free one is taken. */
  ports: [number, number];
  /** Trade durability for speed (tests): fsync and synchronous commit off. */
  fast?: boolean;
  maxConnections?: number;
}

let binDir: string | undefined;

/** The folder of Debian's PostgreSQL binaries, installing them first when missing. */
export function postgresBinDir(): string {
  binDir ??= execFileSync('bash', [path.join(ROOT, 'scripts', 'ensure-postgres.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .at(-1)!;
  return binDir;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary, as the `postgres` user when we are root. */
async function runServerCommand(bin: string, args: string[]): Promise<string> {
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const { stdout } = await run(command, commandArgs, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a fresh cluster on the first free port of the range. */
export async function startPostgresCluster(options: ClusterOptions): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-lab-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  fs.chmodSync(dir, 0o700);
  await runServerCommand(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', CLUSTER_USER, '-E', 'UTF8', '--locale=C', '--no-sync']);

  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${options.maxConnections ?? 300}`,
    ...(options.fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ];
  let port = 0;
  const [low, high] = options.ports;
  const candidates = Array.from({ length: high - low + 1 }, (_, i) => low + i).sort(() => Math.random() - 0.5);
  for (const candidate of candidates) {
    if (await portInUse(candidate)) continue;
    try {
      await runServerCommand(path.join(bin, 'pg_ctl'), [
        '-D',
        dir,
        '-o',
        `-p ${candidate} -k ${dir} ${settings.join(' ')}`,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        'start',
      ]);
      port = candidate;
      break;
    } catch {
      // Someone took the port between the probe and the start: try the next one.
    }
  }
  if (port === 0) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start Postgres on any port in ${low}–${high}.\n${log}`);
  }

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      const args = ['-D', dir, '-m', 'immediate', '-w', 'stop'];
      const pgCtl = path.join(bin, 'pg_ctl');
      if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { stdio: 'ignore' });
      else execFileSync(pgCtl, args, { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A run cut short (Ctrl-C, a failed setup) must not leave a server behind.
  process.once('exit', stopNow);

  const url = (database: string) => `postgres://${CLUSTER_USER}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    url,
    async createDatabase(name) {
      if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`not a database name: ${name}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    dump: (database) => dumpDatabase(url(database)),
    async stop() {
      process.removeListener('exit', stopNow);
      stopNow();
    },
  };
}

/** `pg_dump` of the database at `url` (plain SQL, data included). */
export async function dumpDatabase(url: string): Promise<Buffer> {
  const { stdout } = await run(path.join(postgresBinDir(), 'pg_dump'), [`--dbname=${url}`], {
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
  });
  return stdout;
}

/** A database name no other test file uses. */
export function uniqueDatabaseName(prefix = 'test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
