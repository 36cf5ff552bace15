/**
 * The paced class (issue 18): a lecture hall behind one NAT, at a human pace, with the
 * project's DEFAULT limits. An instructor creates a cohort (default capacity, or room for a
 * larger class); N learners
 * arrive over a minute, each joins with the cohort's code and then does the whole journey
 * (bench/lib/learner.ts), taking 10–60 s per step as a person reading and typing does; one
 * in ten mistypes the practice password once (failed sign-ins are limited per address and
 * per user name, and the whole class shares the demo account). All from one address (this
 * machine's loopback). Budget: every learner completes and no
 * request is refused (0 answers 429). README "Classes and limits" quotes what this measured.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { emptySamples, kindOf, problemOf, stepFigures, type StepFigures } from './class';
import { completeJourney, type JourneyStep } from './learner';
import { stopProcess } from './processes';
import { startSite } from './servers';

export interface PacedClassResult {
  learners: number;
  /** The cohort's capacity (the default unless the class is larger). */
  capacity: number;
  arrivalSeconds: number;
  pauseSeconds: [number, number];
  completions: number;
  /** Learners refused at least once with 429 (the budget: 0). */
  refusals: number;
  failures: number;
  failureKinds: Record<string, number>;
  seconds: number;
  steps: Record<JourneyStep, StepFigures>;
}

/** The site's default cohort capacity (lib/cohorts/capacity.ts, not imported: the bench talks to the site over HTTP). */
const DEFAULT_CAPACITY = 500;

const INSTRUCTOR = { email: 'paced-bench@example.com', password: 'paced-bench-password-1' };

/**
 * The instructor signs in and creates a cohort — with the default capacity when the class
 * fits it, else with room for everyone (what an instructor of a larger class sets) — and
 * returns its join code.
 */
async function createCohort(origin: string, learners: number): Promise<{ code: string; capacity: number }> {
  const session = await fetch(`${origin}/api/instructor/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(INSTRUCTOR),
  });
  if (session.status !== 200) throw new Error(`instructor sign-in answered ${session.status}: ${await session.text()}`);
  const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
  const created = await fetch(`${origin}/api/instructor/cohorts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Paced class', ...(learners > DEFAULT_CAPACITY ? { capacity: learners } : {}) }),
  });
  if (created.status !== 201) throw new Error(`creating the cohort answered ${created.status}: ${await created.text()}`);
  return (await created.json()) as { code: string; capacity: number };
}

/** One learner in ten mistypes the practice password once. */
const MISTYPE_RATE = 0.1;

const between = ([low, high]: [number, number]) => (low + Math.random() * (high - low)) * 1000;

export async function measurePacedClass(
  siteDir: string,
  learners: number,
  { arrivalSeconds = 60, pauseSeconds = [10, 60] as [number, number], log = console.log } = {},
): Promise<PacedClassResult> {
  const site = await startSite(siteDir, {
    name: 'paced-class',
    limits: 'defaults',
    env: { INSTRUCTOR_EMAIL: INSTRUCTOR.email, INSTRUCTOR_PASSWORD: INSTRUCTOR.password },
  });
  try {
    const { code, capacity } = await createCohort(site.origin, learners);
    log(
      `Paced class: ${learners} learners in a cohort of capacity ${capacity}, arriving over ${arrivalSeconds} s, ${pauseSeconds.join('–')} s per step, default limits…`,
    );
    const samples = emptySamples();
    const started = performance.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: learners }, async () => {
        await sleep(Math.random() * arrivalSeconds * 1000);
        return completeJourney(site.origin, {
          cohortCode: code,
          mistypePassword: Math.random() < MISTYPE_RATE,
          pause: () => sleep(between(pauseSeconds)),
          onStep: (step, ms) => samples[step].push(ms),
        });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const failureKinds: Record<string, number> = {};
    let refusals = 0;
    for (const outcome of outcomes) {
      const problem = problemOf(outcome);
      if (!problem) continue;
      if (/\b429\b/.test(problem)) refusals += 1;
      failureKinds[kindOf(problem)] = (failureKinds[kindOf(problem)] ?? 0) + 1;
    }
    const failures = Object.values(failureKinds).reduce((sum, n) => sum + n, 0);
    const result = {
      learners,
      capacity,
      arrivalSeconds,
      pauseSeconds,
      completions: learners - failures,
      refusals,
      failures,
      failureKinds,
      seconds,
      steps: stepFigures(samples),
    };
    log(`  ${result.completions}/${learners} completed in ${seconds.toFixed(0)} s; ${refusals} refused (429), ${failures} failed`);
    return result;
  } finally {
    await stopProcess(site.process);
    site.cleanup();
  }
}
