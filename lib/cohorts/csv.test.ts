import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { cohortRowsToCsv, neutralizeFormula } from './csv';
import { buildDashboardRows } from './dashboard';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1', `'+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['Ada', 'Ada'],
  ])('%j → %j', (input, expected) => expect(neutralizeFormula(input)).toBe(expected));
});

describe('cohortRowsToCsv', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    const rows = buildDashboardRows(
      [
        { learnerId: 'a', displayName: 'Lovelace, "Ada"', joinedAt: '2026-11-25T10:00:00.000Z' },
        { learnerId: 'b', displayName: '=cmd|calc', joinedAt: '2026-11-25T10:00:00.000Z' },
      ],
      [{ learnerId: 'a', step: 'setup', status: 'pass' }],
      [],
      [{ learnerId: 'a', step: 'setup', status: 'pass', codes: [], createdAt: '2026-11-25T10:01:00.000Z' }],
      new Date('2026-11-25T10:02:00Z'),
    );
    const records = parse(cohortRowsToCsv(rows)) as string[][];
    expect(records[0]![0]).toBe('Display name');
    expect(records[1]![0]).toBe('Lovelace, "Ada"');
    expect(records[1]![2]).toBe('pass');
    expect(records[1]![3]).toBe('1');
    expect(records[2]![0]).toBe(`'=cmd|calc`);
    expect(records).toHaveLength(3);
  });
});

describe('cohortRowsToCsv in a semicolon-separated spreadsheet', () => {
  it('quotes every field, so a name holding ";=" never becomes a formula cell', () => {
    const rows = buildDashboardRows(
      [{ learnerId: 'a', displayName: 'x;=2+5', joinedAt: '2026-11-25T10:00:00.000Z' }],
      [],
      [],
      [],
      new Date('2026-11-25T10:02:00Z'),
    );
    const csv = cohortRowsToCsv(rows);
    // Read as a locale whose spreadsheets split on ";" would read it.
    const cells = (parse(csv, { delimiter: ';', relax_quotes: true }) as string[][]).flat();
    expect(cells.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(csv.split('\r\n')[1]!.startsWith('"x;=2+5",')).toBe(true);
    // Every field of every record is quoted, empty ones included.
    for (const line of csv.trim().split('\r\n')) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  });
});
