/**
 * Child processes for the bench: every server runs in its own process group and is
 * stopped by that group's id at the end, on failure and on Ctrl-C alike.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Ports other people on this machine use: never bind them. */
const RESERVED_PORTS = new Set([3000, 3100, 3200, 3300]);

/** A free loopback port, chosen by the OS (bounded retries). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(chosen));
      });
    });
    if (port > 0 && !RESERVED_PORTS.has(port)) return port;
  }
  throw new Error('no free port found');
}

export interface Managed {
  name: string;
  child: ChildProcess;
  /** Last lines of its output, for error messages. */
  output(): string;
}

const running = new Set<Managed>();

/** Starts a command as the leader of a new process group. */
export function startProcess(name: string, command: string, args: string[], options: SpawnOptions = {}): Managed {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const managed: Managed = { name, child, output: () => lines.join('\n') };
  running.add(managed);
  child.once('exit', () => running.delete(managed));
  return managed;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the process group, SIGKILL after `graceMs`. */
export async function stopProcess(managed: Managed, graceMs = 5000): Promise<void> {
  const { child } = managed;
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    running.delete(managed);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    signalGroup(child.pid, 'SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
  // Grandchildren that outlived their parent (e.g. next start workers).
  signalGroup(child.pid, 'SIGKILL');
  running.delete(managed);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((managed) => stopProcess(managed)));
}

/** Synchronous last resort on process exit: kill every group still running. */
export function killAllNow(): void {
  for (const { child } of running) if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  running.clear();
}

/** Runs a command to completion (its own process group), inheriting output. */
export async function runToCompletion(name: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const child = spawn(command, args, { ...options, detached: true, stdio: 'inherit' });
  const managed: Managed = { name, child, output: () => '' };
  running.add(managed);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).finally(() => running.delete(managed));
  if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
}

/** Polls `url` until it answers `expectStatus` (bounded by `timeoutMs`). */
export async function waitForHttp(managed: Managed, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (managed.child.exitCode !== null || managed.child.signalCode !== null) {
      throw new Error(`${managed.name} exited before it was ready:\n${managed.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${managed.name} did not answer ${url} within ${timeoutMs / 1000}s:\n${managed.output()}`);
}
