/**
 * The class scenario (issue 10, SPEC §8 "A class"): N simulated learners do the whole
 * journey at the same moment over HTTP (bench/lib/learner.ts: the practice sign-in as form
 * posts, no browser), on two setups:
 * - SQLite, one instance;
 * - Postgres, two instances behind a round-robin proxy (tests/support/round-robin-proxy.ts),
 *   on a throwaway cluster (tests/support/postgres.ts; default durability settings).
 * Each setup runs 100 learners, then N, on the same servers. Reported: completions, errors
 * (budget 0), per-step p50/p99, learners per second; and afterwards, whether any learner's
 * code, verifier or token is in a copy of the database (the SQLite file and its WAL, or a
 * pg_dump).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startPostgresCluster, type PostgresCluster } from '../../tests/support/postgres';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../tests/support/round-robin-proxy';
import { completeJourney, JOURNEY_STEPS, type JourneyStep, type Learner } from './learner';
import { freePort, stopProcess } from './processes';
import { startSite, type RunningServer } from './servers';

export interface StepFigures {
  count: number;
  p50: number;
  p99: number;
}

export interface ClassRun {
  learners: number;
  completions: number;
  failures: number;
  /** What went wrong, by kind (error message with numbers blurred) → count. */
  failureKinds: Record<string, number>;
  seconds: number;
  learnersPerSecond: number;
  steps: Record<JourneyStep, StepFigures>;
}

export interface ClassSetupResult {
  name: string;
  runs: ClassRun[];
  /** Learner secrets (codes, verifiers, tokens) looked for in a copy of the database, and how many were found. */
  secretsChecked: number;
  secretsFound: string[];
  copyBytes: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Empty sample lists, one per journey step. */
export const emptySamples = () => Object.fromEntries(JOURNEY_STEPS.map((step) => [step, [] as number[]])) as Record<JourneyStep, number[]>;

/** p50 and p99 of each step's samples. */
export function stepFigures(samples: Record<JourneyStep, number[]>): Record<JourneyStep, StepFigures> {
  return Object.fromEntries(
    JOURNEY_STEPS.map((step) => {
      const sorted = [...samples[step]].sort((a, b) => a - b);
      return [step, { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) }];
    }),
  ) as Record<JourneyStep, StepFigures>;
}

/** What went wrong for one learner, or null when every check passed. */
export function problemOf(outcome: PromiseSettledResult<Learner>): string | null {
  if (outcome.status === 'rejected') return String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason);
  const failed = Object.entries(outcome.value.checks).filter(([, status]) => status !== 'pass');
  return failed.length > 0 ? `checks not passed: ${failed.map(([step, status]) => `${step} ${status}`).join(', ')}` : null;
}

/** A problem with its numbers blurred, so that alike problems are counted together. */
export const kindOf = (problem: string) => problem.replace(/\d+/g, 'N').slice(0, 160);

/** N learners at once against `origin`; returns the figures and the learners who completed. */
export async function runClass(origin: string, count: number): Promise<{ run: ClassRun; learners: Learner[] }> {
  const samples = emptySamples();
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, () => completeJourney(origin, { onStep: (step, ms) => samples[step].push(ms) })),
  );
  const seconds = (performance.now() - started) / 1000;
  const failureKinds: Record<string, number> = {};
  const learners: Learner[] = [];
  for (const outcome of outcomes) {
    const problem = problemOf(outcome);
    if (problem) failureKinds[kindOf(problem)] = (failureKinds[kindOf(problem)] ?? 0) + 1;
    else if (outcome.status === 'fulfilled') learners.push(outcome.value);
  }
  const steps = stepFigures(samples);
  const completions = learners.length;
  return {
    run: {
      learners: count,
      completions,
      failures: count - completions,
      failureKinds,
      seconds,
      learnersPerSecond: completions / seconds,
      steps,
    },
    learners,
  };
}

/** Every value a copy of the database must not contain, per learner. */
function secretsOf(learner: Learner): string[] {
  const refreshed = JSON.parse(learner.refreshResponseText) as { access_token: string };
  const tokens = [learner.tokens.access_token, refreshed.access_token];
  return [learner.code, learner.verifier, learner.tokens.refresh_token!, ...tokens, ...tokens.map((t) => t.split('.')[2]!)];
}

async function measureSetup(
  name: string,
  origin: string,
  sizes: number[],
  copyOfDatabase: () => Promise<Buffer>,
  log: (line: string) => void,
): Promise<ClassSetupResult> {
  const runs: ClassRun[] = [];
  const everyone: Learner[] = [];
  for (const size of sizes) {
    log(`Class: ${size} learners at once on ${name}…`);
    const { run, learners } = await runClass(origin, size);
    log(
      `  ${run.completions}/${size} completed in ${run.seconds.toFixed(1)} s (${run.learnersPerSecond.toFixed(1)} learners/s), ${run.failures} failed`,
    );
    runs.push(run);
    everyone.push(...learners);
  }
  const copy = await copyOfDatabase();
  const secrets = everyone.flatMap(secretsOf);
  const found = secrets.filter((secret) => copy.includes(secret)).map((secret) => `${secret.slice(0, 6)}…`);
  return { name, runs, secretsChecked: secrets.length, secretsFound: found, copyBytes: copy.length };
}

/** Both setups, one after the other (the first is stopped before the second starts). */
export async function measureClass(
  siteDir: string,
  learners: number,
  log: (line: string) => void = console.log,
): Promise<ClassSetupResult[]> {
  const sizes = [...new Set([Math.min(100, learners), learners])];
  const results: ClassSetupResult[] = [];

  // SQLite, one instance.
  const single = await startSite(siteDir, { name: 'class-sqlite' });
  try {
    const file = path.join(single.dataDir, 'bench.db');
    results.push(
      await measureSetup(
        'SQLite, 1 instance',
        single.origin,
        sizes,
        async () => Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f))),
        log,
      ),
    );
  } finally {
    await stopProcess(single.process);
    single.cleanup();
  }

  // Postgres, two instances behind a round-robin proxy.
  let cluster: PostgresCluster | undefined;
  let proxy: RoundRobinProxy | undefined;
  const instances: (RunningServer & { dataDir: string })[] = [];
  try {
    cluster = await startPostgresCluster({ ports: [55470, 55489] });
    const databaseUrl = await cluster.createDatabase('oauth_lab_bench');
    const proxyPort = await freePort();
    const publicUrl = `http://localhost:${proxyPort}`;
    const common = { publicUrl, databaseUrl, env: { TRUST_PROXY: '1', DATABASE_POOL_SIZE: '10' } };
    instances.push(...(await Promise.all(['class-pg-a', 'class-pg-b'].map((name) => startSite(siteDir, { ...common, name })))));
    proxy = await startRoundRobinProxy({
      port: proxyPort,
      upstreams: instances.map((instance, i) => ({ name: String.fromCharCode(65 + i), port: instance.port })),
    });
    const database = cluster;
    results.push(await measureSetup('Postgres, 2 instances + proxy', publicUrl, sizes, () => database.dump('oauth_lab_bench'), log));
  } finally {
    await proxy?.close();
    for (const instance of instances) {
      await stopProcess(instance.process);
      instance.cleanup();
    }
    await cluster?.stop();
  }
  return results;
}
