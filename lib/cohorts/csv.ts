import { stringify } from 'csv-stringify/sync';
import { CHECK_STEPS } from '../exercise/steps';
import type { DashboardRow } from './dashboard';
import { formatClock } from './format';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return)
 * is prefixed with a quote, so a display name like `=HYPERLINK(…)` stays text.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The cohort table as CSV (RFC 4180 quoting by csv-stringify): display name, current step,
 * each step's status and attempts, last activity, completion, stuck, joined-at, time to
 * complete (h:mm:ss, from the first check) and the learner's diagnosis codes (space-separated).
 * Every field is quoted: a
 * spreadsheet that splits on semicolons (common outside English locales) would otherwise
 * cut `x;=2+5` into a cell that starts with `=` and runs it as a formula.
 */
export function cohortRowsToCsv(rows: DashboardRow[]): string {
  const header = [
    'Display name',
    'Current step',
    ...CHECK_STEPS.flatMap((step) => [`${step} status`, `${step} attempts`]),
    'Last activity',
    'Completed at',
    'Stuck',
    // Added later: after the columns that were always there, so readers by position keep working.
    'Joined at',
    'Time to complete',
    'Mistake codes',
  ];
  const records = rows.map((row) => [
    row.displayName,
    row.currentStep,
    ...CHECK_STEPS.flatMap((step) => [row.steps[step].status, String(row.steps[step].attempts)]),
    row.lastActivityAt,
    row.completedAt ?? '',
    row.stuck ? `${row.stuck.step}: ${row.stuck.detail}` : '',
    row.joinedAt,
    row.timeToCompleteSeconds === null ? '' : formatClock(row.timeToCompleteSeconds),
    row.mistakeCodes.join(' '),
  ]);
  return stringify(
    [header, ...records].map((record) => record.map(neutralizeFormula)),
    { record_delimiter: '\r\n', quoted: true, quoted_empty: true },
  );
}
