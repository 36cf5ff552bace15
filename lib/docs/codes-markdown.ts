/**
 * docs/diagnosis-codes.md, generated from lib/exercise/codes.ts so the two can never
 * disagree (`npm run docs:codes` writes it; tests/docs.test.ts fails when it is stale).
 */
import { CODES, type DiagnosisCode } from '../exercise/codes';
import { CHECK_KINDS } from '../course/check-kinds';
import { STEP_TITLES } from '../exercise/steps';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The markdown of the codes page, grouped by the first step that returns each code. */
export function renderCodesMarkdown(): string {
  const lines = [
    '# Diagnosis codes',
    '',
    '<!-- Generated from lib/exercise/codes.ts by `npm run docs:codes`. Do not edit by hand. -->',
    '',
    'Every result of a check that is not a plain pass carries a stable `code` (see [the API](api.md#reports)).',
    'Codes are never renamed or reused: progress records, instructor statistics and graders key on them.',
    'Severity says which statuses a result with the code can have: `fail` makes the report fail;',
    '`warn` and `info` do not. The site shows this list at `/docs/codes`.',
    '',
  ];
  const byFirstStep = new Map<string, DiagnosisCode[]>(CHECK_KINDS.map((step) => [step, []]));
  for (const code of Object.keys(CODES) as DiagnosisCode[]) byFirstStep.get(CODES[code].steps[0]!)!.push(code);
  for (const step of CHECK_KINDS) {
    // Check kinds without codes yet are left out; the course's kinds are titled by their id.
    if (byFirstStep.get(step)!.length === 0) continue;
    lines.push(
      `## ${(STEP_TITLES as Record<string, string>)[step] ?? `The ${step} check`} (\`${step}\`)`,
      '',
      '| Code | Severity | Steps | Meaning | Typical cause |',
      '|---|---|---|---|---|',
    );
    for (const code of byFirstStep.get(step)!) {
      const info = CODES[code];
      lines.push(
        `| \`${code}\` | ${info.severities.join(', ')} | ${info.steps.join(', ')} | ${cell(info.meaning)} | ${cell(info.cause)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
