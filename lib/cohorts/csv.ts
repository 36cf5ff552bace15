import { stringify } from 'csv-stringify/sync';
import { CHECK_STEPS } from '../exercise/steps';
import type { DashboardRow } from './dashboard';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return)
 * is prefixed with a quote, so a display name like `=HYPERLINK(…)` stays text.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The cohort table as CSV (RFC 4180 quoting by csv-stringify). Every field is quoted: a
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
  ];
  const records = rows.map((row) => [
    row.displayName,
    row.currentStep,
    ...CHECK_STEPS.flatMap((step) => [row.steps[step].status, String(row.steps[step].attempts)]),
    row.lastActivityAt,
    row.completedAt ?? '',
    row.stuck ? `${row.stuck.step}: ${row.stuck.detail}` : '',
  ]);
  return stringify(
    [header, ...records].map((record) => record.map(neutralizeFormula)),
    { record_delimiter: '\r\n', quoted: true, quoted_empty: true },
  );
}
