import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { cohortRowsToCsv, neutralizeFormula } from './csv';
import { CHECK_STEPS } from '../exercise/steps';
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
      {
        members: [
          { learnerId: 'a', displayName: 'Lovelace, "Ada"', joinedAt: '2026-11-25T10:00:00.000Z' },
          { learnerId: 'b', displayName: '=cmd|calc', joinedAt: '2026-11-25T10:00:00.000Z' },
        ],
        steps: [{ learnerId: 'a', step: 'setup', status: 'pass' }],
        completions: [],
        attempts: [{ learnerId: 'a', step: 'setup', status: 'pass', codes: [], createdAt: '2026-11-25T10:01:00.000Z' }],
      },
      new Date('2026-11-25T10:02:00Z'),
    );
    const records = parse(cohortRowsToCsv(rows)) as string[][];
    expect(records[0]![0]).toBe('Display name');
    expect(records[1]![0]).toBe('Lovelace, "Ada"');
    expect(records[0]![2]).toBe('Choose your server: status');
    expect(records[1]![2]).toBe('pass');
    expect(records[1]![3]).toBe('1');
    expect(records[2]![0]).toBe(`'=cmd|calc`);
    expect(records).toHaveLength(3);
  });
});

describe('cohortRowsToCsv in a semicolon-separated spreadsheet', () => {
  it('quotes every field, so a name holding ";=" never becomes a formula cell', () => {
    const rows = buildDashboardRows(
      {
        members: [{ learnerId: 'a', displayName: 'x;=2+5', joinedAt: '2026-11-25T10:00:00.000Z' }],
        steps: [],
        completions: [],
        attempts: [],
      },
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

describe('cohortRowsToCsv: when and how each learner went', () => {
  it('ends with joined-at, time to complete (h:mm:ss) and the mistake codes', () => {
    const rows = buildDashboardRows(
      {
        members: [
          { learnerId: 'a', displayName: 'Ada', joinedAt: '2026-11-25T10:00:00.000Z' },
          { learnerId: 'b', displayName: 'Bo', joinedAt: '2026-11-25T10:05:00.000Z' },
        ],
        steps: [],
        completions: [{ learnerId: 'a', completedAt: '2026-11-25T11:24:05.000Z' }],
        attempts: [
          { learnerId: 'a', step: 'setup', status: 'pass', codes: [], createdAt: '2026-11-25T10:01:00.000Z' },
          {
            learnerId: 'a',
            step: 'authorize-url',
            status: 'fail',
            codes: ['scope.offline_access_missing', 'state.missing'],
            createdAt: '2026-11-25T10:03:00.000Z',
          },
          { learnerId: 'a', step: 'authorize-url', status: 'pass', codes: ['state.weak'], createdAt: '2026-11-25T10:04:00.000Z' },
        ],
      },
      new Date('2026-11-25T12:00:00Z'),
    );
    const [header, ada, bo] = parse(cohortRowsToCsv(rows)) as string[][];
    expect(header!.slice(0, 2)).toEqual(['Display name', 'Current step']);
    expect(header!.slice(-7)).toEqual([
      'Last activity',
      'Completed at',
      'Stuck',
      'Stuck on',
      'Joined at',
      'Time to complete',
      'Mistake codes',
    ]);
    const cell = (record: string[], name: string) => record[header!.indexOf(name)];
    expect(cell(ada!, 'Joined at')).toBe('2026-11-25T10:00:00.000Z');
    expect(cell(ada!, 'Time to complete')).toBe('1:23:05');
    expect(cell(ada!, 'Mistake codes')).toBe('scope.offline_access_missing state.missing state.weak');
    expect(cell(bo!, 'Joined at')).toBe('2026-11-25T10:05:00.000Z');
    expect(cell(bo!, 'Time to complete')).toBe('');
    expect(cell(bo!, 'Mistake codes')).toBe('');
  });
});

describe('cohortRowsToCsv speaks the page’s words (issue 20)', () => {
  const learners = buildDashboardRows(
    {
      members: [
        { learnerId: 'a', displayName: 'Ada', joinedAt: '2026-11-25T10:00:00.000Z' },
        { learnerId: 'b', displayName: 'Bo', joinedAt: '2026-11-25T10:00:00.000Z' },
      ],
      steps: [
        { learnerId: 'a', step: 'setup', status: 'pass' },
        { learnerId: 'a', step: 'authorize-url', status: 'fail' },
        { learnerId: 'b', step: 'setup', status: 'pass' },
      ],
      completions: [],
      attempts: [
        { learnerId: 'a', step: 'setup', status: 'pass', codes: [], createdAt: '2026-11-25T10:01:00.000Z' },
        ...[2, 3, 4].map((minute) => ({
          learnerId: 'a',
          step: 'authorize-url',
          status: 'fail' as const,
          codes: ['scope.offline_access_missing'],
          createdAt: `2026-11-25T10:0${minute}:00.000Z`,
        })),
        { learnerId: 'b', step: 'setup', status: 'pass', codes: [], createdAt: '2026-11-25T10:04:00.000Z' },
      ],
      grants: [
        { learnerId: 'a', refreshGrantEnabled: false },
        { learnerId: 'b', refreshGrantEnabled: false },
      ],
    },
    new Date('2026-11-25T10:05:00Z'),
  );
  const [header, ada, bo] = parse(cohortRowsToCsv(learners)) as string[][];
  const cell = (record: string[] | undefined, name: string) => record![header!.indexOf(name)];

  it('names the six steps by their titles, in journey order, Enable included', () => {
    expect(header!.slice(0, 13)).toEqual([
      'Display name',
      'Current step',
      'Choose your server: status',
      'Choose your server: attempts',
      'Enable refresh tokens: status',
      'Build the authorization URL: status',
      'Build the authorization URL: attempts',
      'Capture the authorization code: status',
      'Capture the authorization code: attempts',
      'Exchange the code: status',
      'Exchange the code: attempts',
      'Use the refresh token: status',
      'Use the refresh token: attempts',
    ]);
  });

  it('writes the current step, the statuses and Stuck as the page does: titles, words, yes or no', () => {
    expect(cell(ada, 'Current step')).toBe('Build the authorization URL');
    expect(cell(ada, 'Enable refresh tokens: status')).toBe('skipped');
    expect(cell(ada, 'Build the authorization URL: status')).toBe('fail');
    expect(cell(ada, 'Build the authorization URL: attempts')).toBe('3');
    expect(cell(ada, 'Capture the authorization code: status')).toBe('not yet');
    expect(cell(ada, 'Stuck')).toBe('yes');
    expect(cell(ada, 'Stuck on')).toBe('Build the authorization URL: 3 failed checks in a row');
    // Bo has set up and not gone further: he is on Enable, which is not yet done, and not stuck.
    expect(cell(bo, 'Current step')).toBe('Enable refresh tokens');
    expect(cell(bo, 'Enable refresh tokens: status')).toBe('not yet');
    expect(cell(bo, 'Stuck')).toBe('no');
    expect(cell(bo, 'Stuck on')).toBe('');
  });

  it('no step id of the API appears outside the mistake codes', () => {
    const ids = new RegExp(`\\b(${CHECK_STEPS.join('|')})\\b`);
    const codes = header!.indexOf('Mistake codes');
    for (const record of [header!, ada!, bo!]) {
      for (const [index, value] of record.entries()) if (index !== codes) expect(value).not.toMatch(ids);
    }
  });
});
