/**
 * The reading review of issue 19, automated: every case of the corpus of real mistakes run
 * through its step's check and graded against the answer written down first
 * (tests/corpus/runner.ts). Prints the table with CORPUS_REPORT=1. The holdout cases run only
 * with CORPUS_HOLDOUT=1 — at the end, never while developing checks (see the corpus's index).
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_CASES, HOLDOUT_CASES, type RealMistake } from './real-mistakes';
import { grade, runCase, type Grade } from './runner';

async function review(cases: readonly RealMistake[]): Promise<{ mistake: RealMistake; grade: Grade }[]> {
  const graded = [];
  for (const mistake of cases) graded.push({ mistake, grade: grade(mistake, await runCase(mistake)) });
  return graded;
}

function table(rows: { mistake: RealMistake; grade: Grade }[]): string {
  const lines = rows.map(
    ({ mistake, grade: g }) =>
      `${g.score} | c${mistake.class} | ${mistake.step} | ${mistake.id} | lead ${g.lead?.code ?? '-'} | missing ${g.missing.join(' ; ') || '-'}${g.saidAnyway.length ? ` | said ${g.saidAnyway.join(' ; ')}` : ''}`,
  );
  const share = (n: number) => `${rows.filter((r) => r.grade.score === n).length}/${rows.length}`;
  return [...lines, `score 3: ${share(3)}, 2: ${share(2)}, 1: ${share(1)}, 0: ${share(0)}`].join('\n');
}

describe('the corpus of real mistakes', () => {
  it('development cases', async () => {
    const rows = await review(DEVELOPMENT_CASES);
    if (process.env.CORPUS_REPORT) writeFileSync(process.env.CORPUS_REPORT, table(rows));
    expect(rows.length).toBeGreaterThan(0);
  });

  it.runIf(process.env.CORPUS_HOLDOUT)('holdout cases', async () => {
    const rows = await review(HOLDOUT_CASES);
    writeFileSync(process.env.CORPUS_HOLDOUT!, table(rows));
  });
});
