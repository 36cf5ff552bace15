import { stringify } from 'csv-stringify/sync';
import { JOURNEY } from '../exercise/steps';
import type { DashboardRow, ExerciseRow } from './dashboard';
import { formatClock } from './format';
import { currentStepTitle, journeyCells, STATUS_WORDS, stuckStepTitle } from './journey';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return)
 * is prefixed with a quote, so a display name like `=HYPERLINK(…)` stays text.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** As every instructor CSV is written: RFC 4180 by csv-stringify, CRLF, every field quoted and formulas neutralized. */
export const toCsv = (records: string[][]) =>
  stringify(
    records.map((record) => record.map(neutralizeFormula)),
    { record_delimiter: '\r\n', quoted: true, quoted_empty: true },
  );

/** The columns after the steps' in an exercise's table as CSV (Refresh Tokens' and any other's). */
export const LEARNER_TAIL_HEADER = ['Last activity', 'Completed at', 'Stuck', 'Stuck on', 'Joined at', 'Time to complete', 'Mistake codes'];

/** A learner's fields under {@link LEARNER_TAIL_HEADER}; `stuckTitle`: the title of the step they are stuck on. */
export function learnerTailFields<R extends ExerciseRow>(row: R, stuckTitle: (stuck: NonNullable<R['stuck']>) => string | null): string[] {
  return [
    row.lastActivityAt,
    row.completedAt ?? '',
    row.stuck ? 'yes' : 'no',
    row.stuck ? `${stuckTitle(row.stuck as NonNullable<R['stuck']>)}: ${row.stuck.detail}` : '',
    row.joinedAt,
    row.timeToCompleteSeconds === null ? '' : formatClock(row.timeToCompleteSeconds),
    row.mistakeCodes.join(' '),
  ];
}

/** A step's columns: its status, and its attempts when it has a check (Enable has none). */
const stepColumns = (step: (typeof JOURNEY)[number]) =>
  step.check ? [`${step.title}: status`, `${step.title}: attempts`] : [`${step.title}: status`];

/**
 * The cohort table as CSV (RFC 4180 quoting by csv-stringify), in the dashboard's words: display
 * name, current step (its title, or "Completed"), each of the six steps' status (pass, fail,
 * not yet; Enable: done, skipped, not known) and attempts, last activity, completion, stuck
 * (yes or no) and on what, joined-at, time to complete (h:mm:ss, from the first check) and
 * the learner's diagnosis codes (space-separated). Spreadsheets are read by people; scripts
 * read the JSON, which keeps the API's field names and step ids.
 * Every field is quoted: a spreadsheet that splits on semicolons (common outside English
 * locales) would otherwise cut `x;=2+5` into a cell that starts with `=` and runs it as a formula.
 */
export function cohortRowsToCsv(rows: DashboardRow[]): string {
  const header = ['Display name', 'Current step', ...JOURNEY.flatMap(stepColumns), ...LEARNER_TAIL_HEADER];
  const records = rows.map((row) => [
    row.displayName,
    currentStepTitle(row),
    ...journeyCells(row).flatMap((cell) => (cell.check ? [STATUS_WORDS[cell.status], String(cell.attempts)] : [STATUS_WORDS[cell.status]])),
    ...learnerTailFields(row, () => stuckStepTitle(row)),
  ]);
  return toCsv([header, ...records]);
}
