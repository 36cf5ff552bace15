/** The class scenario's tables (issue 10): completions, errors, learners per second, per-step p50/p99, growth. */
import type { ClassSetupResult } from './class';
import type { PacedClassResult } from './paced-class';
import { JOURNEY_STEPS } from './learner';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const mark = (ok: boolean) => (ok ? '✅ yes' : '❌ **no**');

export function renderClass(results: ClassSetupResult[], out: string[], misses: string[]): void {
  out.push('## A class: every learner through the whole journey at once', '');
  out.push(
    'N simulated learners start together and each does the whole journey over HTTP (bench/lib/learner.ts): the step page, setup,',
    'the console (Refresh Token ticked), the authorization URL check, the practice sign-in as a browser does it (authorize → sign-in',
    'page → form post → redirect), the redirect check, the code exchange, the token-response check, a refresh grant one second later',
    'and the refresh-response check. Setups: SQLite with one instance; Postgres (a local cluster, default durability) with two',
    'instances behind a round-robin proxy (per request). 100 learners, then N, on the same servers. Budget: every learner completes,',
    '0 errors, and no learner secret in a copy of the database.',
    '',
  );
  out.push('| Setup | Learners | Completed | Errors | Wall time | Learners/s | Meets |', '|---|---:|---:|---:|---:|---:|---|');
  for (const setup of results) {
    for (const run of setup.runs) {
      const ok = run.completions === run.learners && run.failures === 0;
      if (!ok) {
        misses.push(
          `class on ${setup.name}: ${run.completions}/${run.learners} learners completed, ${run.failures} errors (${Object.entries(
            run.failureKinds,
          )
            .map(([kind, n]) => `${n}× ${kind}`)
            .join('; ')})`,
        );
      }
      out.push(
        `| ${setup.name} | ${run.learners} | ${run.completions} | ${run.failures} | ${run.seconds.toFixed(1)} s | ${run.learnersPerSecond.toFixed(1)} | ${mark(ok)} |`,
      );
    }
  }
  out.push('');

  const columns = results.flatMap((setup) => setup.runs.map((run) => ({ setup, run })));
  out.push('Per step, milliseconds (p50 / p99):', '');
  out.push(`| Step | ${columns.map(({ setup, run }) => `${setup.name}, ${run.learners}`).join(' | ')} |`);
  out.push(`|---|${columns.map(() => '---:').join('|')}|`);
  for (const step of JOURNEY_STEPS) {
    if (columns.every(({ run }) => run.steps[step].count === 0)) continue; // e.g. 'join': these learners join no cohort
    out.push(`| ${step} | ${columns.map(({ run }) => `${ms(run.steps[step].p50)} / ${ms(run.steps[step].p99)}`).join(' | ')} |`);
  }
  out.push('');

  out.push('How the figures grow from the smaller class to the larger one (same servers):', '');
  for (const setup of results) {
    const [small, large] = [setup.runs[0], setup.runs.at(-1)];
    if (!small || !large || small === large) continue;
    const worst = JOURNEY_STEPS.map((step) => ({ step, growth: large.steps[step].p99 / Math.max(small.steps[step].p99, 0.001) })).sort(
      (a, b) => b.growth - a.growth,
    )[0]!;
    out.push(
      `- ${setup.name}: ${small.learners} → ${large.learners} learners (${(large.learners / small.learners).toFixed(1)}×): wall time ${small.seconds.toFixed(1)} → ${large.seconds.toFixed(1)} s, ` +
        `learners/s ${small.learnersPerSecond.toFixed(1)} → ${large.learnersPerSecond.toFixed(1)}; the step whose p99 grew most: ${worst.step} ` +
        `(${ms(small.steps[worst.step].p99)} → ${ms(large.steps[worst.step].p99)} ms, ${worst.growth.toFixed(1)}×).`,
    );
  }
  out.push('');

  out.push('| Setup | Copy of the database | Learner secrets looked for | Found | Meets |', '|---|---|---:|---:|---|');
  for (const setup of results) {
    const ok = setup.secretsFound.length === 0 && setup.secretsChecked > 0;
    if (!ok)
      misses.push(`class on ${setup.name}: ${setup.secretsFound.length} learner secrets found at rest (${setup.secretsFound.join(', ')})`);
    const copy = setup.name.startsWith('SQLite') ? 'the file and its WAL' : '`pg_dump`';
    out.push(
      `| ${setup.name} | ${copy}, ${(setup.copyBytes / 1024 / 1024).toFixed(1)} MB | ${setup.secretsChecked} | ${setup.secretsFound.length} | ${mark(ok)} |`,
    );
  }
  out.push('');
}

/** The paced class (issue 18): one cohort, one address, default limits, a human pace; budget: 0 refusals. */
export function renderPacedClass(result: PacedClassResult, out: string[], misses: string[]): void {
  out.push('## A class at a human pace behind one address, with the default limits', '');
  out.push(
    `An instructor creates a cohort (capacity ${result.capacity}); ${result.learners} learners arrive over ${result.arrivalSeconds} s, each joins with the`,
    `cohort's code and does the whole journey, ${result.pauseSeconds.join('–')} s per step (one in ten mistypes the practice password once),`,
    "all from one address. The site runs with the project's default rate limits. Budget: every learner completes, 0 requests refused (429).",
    '',
  );
  const ok = result.completions === result.learners && result.refusals === 0;
  if (!ok) {
    const kinds = Object.entries(result.failureKinds).map(([kind, n]) => `${n}× ${kind}`);
    misses.push(`paced class: ${result.completions}/${result.learners} completed, ${result.refusals} refused (${kinds.join('; ')})`);
  }
  out.push('| Learners | Completed | Refused (429) | Other errors | Wall time | Meets |', '|---:|---:|---:|---:|---:|---|');
  out.push(
    `| ${result.learners} | ${result.completions} | ${result.refusals} | ${result.failures - result.refusals} | ${result.seconds.toFixed(0)} s | ${mark(ok)} |`,
  );
  out.push('', 'Per step, milliseconds (p50 / p99), pauses excluded:', '', '| Step | p50 / p99 |', '|---|---:|');
  for (const step of JOURNEY_STEPS) out.push(`| ${step} | ${ms(result.steps[step].p50)} / ${ms(result.steps[step].p99)} |`);
  out.push('');
}
