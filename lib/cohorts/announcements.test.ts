import { describe, expect, it } from 'vitest';
import { describeDashboardChanges } from './announcements';
import { buildDashboardRows, type AttemptInput } from './dashboard';

const now = new Date('2026-11-25T10:30:00Z');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
const members = ['Ada', 'Bo', 'Cy', 'Dee', 'Eve'].map((name) => ({ learnerId: name.toLowerCase(), displayName: name, joinedAt: at(25) }));
const fail = (learnerId: string, minute: number): AttemptInput => ({
  learnerId,
  step: 'authorize-url',
  status: 'fail',
  codes: ['scope.offline_access_missing'],
  createdAt: at(minute),
});
const rows = (count: number, attempts: AttemptInput[] = [], completions: { learnerId: string; completedAt: string }[] = []) =>
  buildDashboardRows(
    {
      members: members.slice(0, count),
      steps: members.map((m) => ({ learnerId: m.learnerId, step: 'setup', status: 'pass' as const })),
      completions,
      attempts,
    },
    now,
  );

describe('describeDashboardChanges', () => {
  it('says nothing when a refresh changes nothing that matters (a new check that is not a new state)', () => {
    expect(describeDashboardChanges(rows(2), rows(2))).toBe('');
    expect(describeDashboardChanges(rows(2), rows(2, [fail('ada', 26)]))).toBe('');
  });

  it('announces a learner who newly looks stuck, with the step title and why — once', () => {
    const stuck = rows(2, [fail('ada', 26), fail('ada', 27), fail('ada', 28)]);
    expect(describeDashboardChanges(rows(2, [fail('ada', 26)]), stuck)).toBe(
      'Ada may be stuck on Build the authorization URL: 3 failed checks in a row.',
    );
    expect(describeDashboardChanges(stuck, rows(2, [fail('ada', 26), fail('ada', 27), fail('ada', 28), fail('ada', 29)]))).toBe('');
  });

  it('a learner idle on Enable refresh tokens is announced as stuck there, not on the next check', () => {
    const idle = buildDashboardRows(
      {
        members: members.slice(0, 1),
        steps: [{ learnerId: 'ada', step: 'setup', status: 'pass' }],
        completions: [],
        attempts: [{ learnerId: 'ada', step: 'setup', status: 'pass', codes: [], createdAt: at(1) }],
        grants: [{ learnerId: 'ada', refreshGrantEnabled: false }],
      },
      now,
    );
    expect(describeDashboardChanges(rows(1), idle)).toBe('Ada may be stuck on Enable refresh tokens: no check for 29 minutes.');
  });

  it('announces completions and new learners; many at once become a count', () => {
    expect(describeDashboardChanges(rows(2), rows(3, [], [{ learnerId: 'bo', completedAt: at(29) }]))).toBe(
      'Bo completed the exercise. Cy joined.',
    );
    expect(describeDashboardChanges([], rows(5))).toBe('5 learners joined.');
    expect(describeDashboardChanges([], rows(2))).toBe('Ada, Bo joined.');
  });
});
