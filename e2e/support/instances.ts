/**
 * OAuth Lab instances started by a test (`tsx server.ts` on the production build, as
 * `npm start` runs it), each in its own process group so that a SIGKILL reaches the Node
 * process under tsx too. Their output is kept for failure messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Instance {
  name: string;
  port: number;
  /** The instance itself, bypassing the proxy. */
  origin: string;
  child: ChildProcess;
  /** The last lines it printed. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | NodeJS.Signals | null>;
}

export function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const child = spawn(TSX, ['server.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 80) lines.splice(0, lines.length - 80);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { name, port, origin: `http://127.0.0.1:${port}`, child, output: () => lines.join('\n'), exited };
}

/** Polls `/api/ready` until it answers 200 (or the process exits, or `timeoutMs` passes). */
export async function waitUntilReady(instance: Instance, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
      throw new Error(`instance ${instance.name} exited before it was ready:\n${instance.output()}`);
    }
    try {
      const response = await fetch(`${instance.origin}/api/ready`, { signal: AbortSignal.timeout(5000) });
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`instance ${instance.name} was not ready within ${timeoutMs / 1000}s (last answer: ${last}):\n${instance.output()}`);
}

/** Sends `signal` to the instance and waits for it to exit. */
export async function signalInstance(instance: Instance, signal: NodeJS.Signals, timeoutMs = 30_000) {
  if (instance.child.pid === undefined || instance.child.exitCode !== null || instance.child.signalCode !== null) return instance.exited;
  try {
    // SIGKILL reaches the whole group (tsx and the Node process under it). Other signals go
    // to tsx alone, which relays them and exits with the server's own exit code: signalled
    // together, tsx may see its child already gone and exit 143 whatever the server did.
    process.kill(signal === 'SIGKILL' ? -instance.child.pid : instance.child.pid, signal);
  } catch {
    // Already gone.
  }
  const result = await Promise.race([instance.exited, sleep(timeoutMs).then(() => 'timeout' as const)]);
  if (result === 'timeout') {
    process.kill(-instance.child.pid, 'SIGKILL');
    throw new Error(`instance ${instance.name} did not exit within ${timeoutMs / 1000}s of ${signal}:\n${instance.output()}`);
  }
  return result;
}
