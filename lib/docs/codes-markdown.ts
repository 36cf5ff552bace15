/**
 * docs/diagnosis-codes.md, generated from lib/exercise/codes.ts so the two can never
 * disagree (`npm run docs:codes` writes it; tests/docs.test.ts fails when it is stale).
 */
import { CODES, type DiagnosisCode } from '../exercise/codes';
import { CHECK_KINDS, type CheckKind } from '../course/check-kinds';
import { STEP_TITLES } from '../exercise/steps';

/** Section titles: the Refresh Tokens steps' own, and the course's check kinds'. */
const KIND_TITLES: Partial<Record<CheckKind, string>> = {
  ...STEP_TITLES,
  'client-credentials-response': 'Get a token with client credentials',
  'api-call': 'Use the token at an API',
  discovery: 'Find the endpoints in the metadata',
};

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
  // Every check kind that returns a code of its own; the course's kinds are named by their id.
  for (const step of CHECK_KINDS.filter((kind) => byFirstStep.get(kind)!.length > 0)) {
    lines.push(
      `## ${KIND_TITLES[step] ?? step} (\`${step}\`)`,
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
