/**
 * docs/diagnosis-codes.md, generated from lib/exercise/codes and the course's declarations so
 * they can never disagree (`npm run docs:codes` writes it; tests/docs.test.ts fails when it is stale).
 */
import { codesByKind, stepsOfKinds } from '../course/code-uses';
import { CODES } from '../exercise/codes';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The markdown of the codes page, grouped by the first check kind that returns each code. */
export function renderCodesMarkdown(): string {
  const lines = [
    '# Diagnosis codes',
    '',
    '<!-- Generated from lib/exercise/codes and lib/course by `npm run docs:codes`. Do not edit by hand. -->',
    '',
    'Every result of a check that is not a plain pass carries a stable `code` (see [the API](api.md#reports)).',
    'Codes are never renamed or reused: progress records, instructor statistics and graders key on them.',
    'Severity says which statuses a result with the code can have: `fail` makes the report fail;',
    '`warn` and `info` do not. *Check kinds* are the reusable checkers; *Used in* lists every',
    'exercise step (`exercise/step`) whose kind returns the code. The site shows this list at `/docs/codes`.',
    '',
  ];
  for (const { kind, title, codes } of codesByKind()) {
    lines.push(
      `## ${title} (\`${kind}\`)`,
      '',
      '| Code | Severity | Check kinds | Used in | Meaning | Typical cause |',
      '|---|---|---|---|---|---|',
    );
    for (const code of codes) {
      const info = CODES[code];
      const uses = stepsOfKinds(info.steps).map((use) => `${use.exercise}/${use.step}`);
      lines.push(
        `| \`${code}\` | ${info.severities.join(', ')} | ${info.steps.join(', ')} | ${uses.join(', ') || '—'} | ${cell(info.meaning)} | ${cell(info.cause)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
