import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { gettingStarted } from '../course/exercises/getting-started';
import { refresh } from '../course/exercises/refresh';
import { web } from '../course/exercises/web';
import { buildCourseRows, courseStatusWords, type CourseInput } from './course';
import { courseRowsToCsv, exerciseRowsToCsv } from './course-csv';
import { buildExerciseRows } from './dashboard';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
const practice = { mode: 'practice' as const, issuer: 'http://localhost:3999/oauth2/default', clientId: 'c', redirectUri: 'r' };
const step = (learnerId: string, exercise: string, id: string, status: 'pass' | 'fail') => ({
  learnerId,
  exercise,
  step: id,
  status,
  attempts: 1,
  lastCodes: [],
  updatedAt: at(1),
  artifact: null,
});
const attempt = (learnerId: string, exercise: string, id: string, status: 'pass' | 'fail', minute: number, codes: string[] = []) => ({
  learnerId,
  exercise,
  step: id,
  status,
  codes,
  createdAt: at(minute),
});

const input: CourseInput = {
  members: [
    { learnerId: 'a', displayName: 'Ada', joinedAt: at(0) },
    { learnerId: 'b', displayName: '=Bo', joinedAt: at(0) },
  ],
  providers: [{ learnerId: 'a', provider: practice as never }],
  runs: [
    { learnerId: 'a', exercise: 'getting-started', startedAt: at(1), completedAt: at(12) },
    { learnerId: 'a', exercise: 'refresh', startedAt: at(13), completedAt: null },
  ],
  steps: [
    step('a', 'getting-started', 'setup', 'pass'),
    step('a', 'getting-started', 'discovery', 'pass'),
    step('a', 'refresh', 'authorize-url', 'fail'),
  ],
  attempts: [
    attempt('a', 'getting-started', 'setup', 'pass', 2),
    attempt('a', 'getting-started', 'discovery', 'fail', 5, ['discovery.issuer_as_authorize']),
    attempt('a', 'getting-started', 'discovery', 'pass', 12),
    attempt('a', 'refresh', 'authorize-url', 'fail', 20, ['scope.offline_access_missing']),
  ],
};

describe('buildCourseRows', () => {
  const rows = buildCourseRows(input, [gettingStarted, refresh]);

  it('gives each learner a cell per exercise, in the cohort’s order, with the engine’s status', () => {
    const [ada, bo] = rows;
    expect(ada!.exercises).toEqual([
      {
        exercise: 'getting-started',
        status: 'completed',
        stepsDone: 2,
        steps: 2,
        attempts: 3,
        startedAt: at(2),
        lastActivityAt: at(12),
        completedAt: at(12),
        timeToCompleteSeconds: 600,
      },
      {
        exercise: 'refresh',
        status: 'in_progress',
        stepsDone: 1, // the server choice counts wherever it was made
        steps: 5,
        attempts: 1,
        startedAt: at(20),
        lastActivityAt: at(20),
        completedAt: null,
        timeToCompleteSeconds: null,
      },
    ]);
    expect(ada!.completed).toBe(1);
    expect(ada!.lastActivityAt).toBe(at(20));
    expect(bo!.exercises.map((c) => c.status)).toEqual(['not_started', 'not_started']);
    expect(bo!.lastActivityAt).toBe(at(0));
  });

  it('follows the cohort’s order and ignores other exercises', () => {
    expect(buildCourseRows(input, [refresh])[0]!.exercises.map((c) => c.exercise)).toEqual(['refresh']);
    expect(buildCourseRows(input, [web, gettingStarted])[0]!.exercises.map((c) => `${c.exercise}:${c.status}`)).toEqual([
      'web:not_started',
      'getting-started:completed',
    ]);
  });

  it('writes statuses in words', () => {
    expect(rows[0]!.exercises.map(courseStatusWords)).toEqual(['completed', 'in progress 1/5']);
    expect(courseStatusWords(rows[1]!.exercises[0]!)).toBe('not started');
  });

  it('handles a whole class of 300 in one pass', () => {
    const members = Array.from({ length: 300 }, (_, i) => ({ learnerId: `l${i}`, displayName: `L${i}`, joinedAt: at(0) }));
    const big = buildCourseRows(
      {
        members,
        providers: [],
        runs: members.map((m) => ({ learnerId: m.learnerId, exercise: 'refresh', startedAt: at(1), completedAt: at(30) })),
        steps: [],
        attempts: members.flatMap((m) => [attempt(m.learnerId, 'refresh', 'setup', 'pass', 1)]),
      },
      [gettingStarted, refresh],
    );
    expect(big).toHaveLength(300);
    expect(big.every((row) => row.completed === 1 && row.exercises[1]!.timeToCompleteSeconds === 29 * 60)).toBe(true);
  });
});

describe('courseRowsToCsv', () => {
  it('writes one record per learner and exercise, every field quoted, formulas neutralised', () => {
    const csv = courseRowsToCsv(buildCourseRows(input, [gettingStarted, refresh]), [gettingStarted, refresh]);
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '"Display name","Exercise","Status","Steps done","Steps","Attempts","Started at","Completed at","Time to complete"',
      `"Ada","Getting Started","completed","2","2","3","${at(2)}","${at(12)}","0:10:00"`,
    ]);
    const records = parse(csv) as string[][];
    expect(records).toHaveLength(5);
    expect(records[3]).toEqual(["'=Bo", 'Getting Started', 'not started', '0', '2', '0', '', '', '']);
  });
});

describe('exerciseRowsToCsv', () => {
  it('writes an exercise’s table with its checked steps’ titles', () => {
    const rows = buildExerciseRows(
      {
        members: input.members.slice(0, 1),
        steps: [{ learnerId: 'a', step: 'setup', status: 'pass' }],
        completions: [],
        attempts: input.attempts.filter((a) => a.exercise === 'getting-started').slice(0, 2),
      },
      new Date(at(8)),
      ['setup', 'discovery'],
    );
    expect(rows[0]!.currentStep).toBe('discovery');
    const records = parse(exerciseRowsToCsv(rows, gettingStarted)) as string[][];
    expect(records[0]).toEqual([
      'Display name',
      'Current step',
      'Choose your server: status',
      'Choose your server: attempts',
      'Find the endpoints: status',
      'Find the endpoints: attempts',
      'Last activity',
      'Completed at',
      'Stuck',
      'Stuck on',
      'Joined at',
      'Time to complete',
      'Mistake codes',
    ]);
    expect(records[1]).toEqual([
      'Ada',
      'Find the endpoints',
      'pass',
      '1',
      'not yet',
      '1',
      at(5),
      '',
      'no',
      '',
      at(0),
      '',
      'discovery.issuer_as_authorize',
    ]);
  });
});
