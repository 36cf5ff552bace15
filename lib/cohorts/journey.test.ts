import { describe, expect, it } from 'vitest';
import { JOURNEY } from '../exercise/steps';
import { buildDashboardRows, type AttemptInput, type DashboardRow, type GrantInput, type StepInput } from './dashboard';
import { currentJourneyStep, currentStepTitle, journeyCells, stepsDone, stuckStepTitle } from './journey';

const now = new Date('2026-11-25T10:30:00Z');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();

/** One learner's row, from the checks they made (each leaves its status) and their app's grant. */
function rowOf(checks: [step: string, status: 'pass' | 'fail', codes?: string[]][], refreshGrantEnabled: boolean | null): DashboardRow {
  const attempts: AttemptInput[] = checks.map(([step, status, codes = []], i) => ({
    learnerId: 'a',
    step,
    status,
    codes,
    createdAt: at(i), // the last one well over STUCK_IDLE_MINUTES before `now`
  }));
  // As exercise_steps keeps it: a step that passed stays passed.
  const latest = new Map<string, 'pass' | 'fail'>();
  for (const [step, status] of checks) if (latest.get(step) !== 'pass') latest.set(step, status);
  const steps: StepInput[] = [...latest].map(([step, status]) => ({ learnerId: 'a', step, status }));
  const grants: GrantInput[] = [{ learnerId: 'a', refreshGrantEnabled }];
  const [row] = buildDashboardRows(
    { members: [{ learnerId: 'a', displayName: 'Ada', joinedAt: at(0) }], steps, completions: [], attempts, grants },
    now,
  );
  return row!;
}

const enableOf = (row: DashboardRow) => journeyCells(row).find((cell) => cell.check === null)!.status;

describe('Enable refresh tokens on the dashboard (issue 20)', () => {
  it('a learner who skipped Enable and then failed the exchange is seen to have skipped it', () => {
    const row = rowOf(
      [
        ['setup', 'pass'],
        ['authorize-url', 'pass'],
        ['redirect', 'pass'],
        ['token-response', 'fail', ['refresh_token.grant_not_enabled']],
      ],
      false,
    );
    expect(row.enable).toEqual({ status: 'skipped' });
    expect(enableOf(row)).toBe('skipped');
    expect(currentStepTitle(row)).toBe('Exchange the code');
  });

  it('is done once the practice app allows the Refresh Token grant', () => {
    expect(rowOf([['setup', 'pass']], true).enable.status).toBe('done');
    expect(
      rowOf(
        [
          ['setup', 'pass'],
          ['authorize-url', 'fail'],
        ],
        true,
      ).enable.status,
    ).toBe('done');
  });

  it('is not yet done, and is the current step, until a later step is checked', () => {
    const row = rowOf([['setup', 'pass']], false);
    expect(row.enable.status).toBe('pending');
    expect(row.currentStep).toBe('authorize-url'); // the API's id: the first checked step not passed
    expect(currentJourneyStep(row)).toBe('enable');
    expect(currentStepTitle(row)).toBe('Enable refresh tokens');
  });

  it('on the learner’s own server: done when a token response passed, else not known once gone past', () => {
    expect(rowOf([['setup', 'pass']], null).enable.status).toBe('pending');
    expect(
      rowOf(
        [
          ['setup', 'pass'],
          ['authorize-url', 'fail'],
        ],
        null,
      ).enable.status,
    ).toBe('unknown');
    const through = rowOf(
      [
        ['setup', 'pass'],
        ['authorize-url', 'pass'],
        ['redirect', 'pass'],
        ['token-response', 'pass'],
      ],
      null,
    );
    expect(through.enable.status).toBe('done');
  });

  it('lists the six steps in journey order, Enable second, and counts it among the steps done', () => {
    const row = rowOf(
      [
        ['setup', 'pass'],
        ['authorize-url', 'fail'],
      ],
      true,
    );
    expect(journeyCells(row).map((cell) => cell.title)).toEqual(JOURNEY.map((step) => step.title));
    expect(journeyCells(row)[1]).toEqual({ slug: 'enable', title: 'Enable refresh tokens', check: null, status: 'done' });
    expect(journeyCells(row)[2]).toMatchObject({ check: 'authorize-url', status: 'fail', attempts: 1 });
    expect(stepsDone(row)).toBe(2);
  });

  it('a learner idle on Enable is stuck on Enable; one failing a check is stuck on that check', () => {
    const idle = rowOf([['setup', 'pass']], false);
    expect(idle.stuck).toMatchObject({ reason: 'idle' });
    expect(stuckStepTitle(idle)).toBe('Enable refresh tokens');
    const failing = rowOf(
      [
        ['setup', 'pass'],
        ['authorize-url', 'fail'],
        ['authorize-url', 'fail'],
        ['authorize-url', 'fail'],
      ],
      true,
    );
    expect(failing.stuck).toMatchObject({ reason: 'failures' });
    expect(stuckStepTitle(failing)).toBe('Build the authorization URL');
  });
});
