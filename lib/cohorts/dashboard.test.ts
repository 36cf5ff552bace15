import { describe, expect, it } from 'vitest';
import { checkAuthorizeUrl } from '../exercise/authorize-url';
import { build, OKTA, withParams } from '../exercise/authorize-url/test-support';
import type { Report } from '../exercise/report';
import { buildDashboardRows, countMistakes, STUCK_FAILURES, type AttemptInput } from './dashboard';

const now = new Date('2026-11-25T10:30:00Z');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
const attempt = (learnerId: string, step: string, status: 'pass' | 'fail', minute: number, codes: string[] = []): AttemptInput => ({
  learnerId,
  step,
  status,
  codes,
  createdAt: at(minute),
});

describe('buildDashboardRows', () => {
  const members = [
    { learnerId: 'a', displayName: 'Ada', joinedAt: at(0) },
    { learnerId: 'b', displayName: 'Bo', joinedAt: at(0) },
    { learnerId: 'c', displayName: 'Cy', joinedAt: at(0) },
  ];

  it('derives current step, per-step status and attempt counts', () => {
    const [ada] = buildDashboardRows(
      {
        members: members.slice(0, 1),
        steps: [
          { learnerId: 'a', step: 'setup', status: 'pass' },
          { learnerId: 'a', step: 'authorize-url', status: 'fail' },
        ],
        completions: [{ learnerId: 'a', completedAt: null }],
        attempts: [attempt('a', 'setup', 'pass', 20), attempt('a', 'authorize-url', 'fail', 25), attempt('a', 'authorize-url', 'fail', 29)],
      },
      now,
    );
    expect(ada!.currentStep).toBe('authorize-url');
    expect(ada!.steps.setup).toEqual({ status: 'pass', attempts: 1, failures: 0 });
    expect(ada!.steps['authorize-url']).toEqual({ status: 'fail', attempts: 2, failures: 2 });
    expect(ada!.steps.redirect.status).toBe('pending');
    expect(ada!.lastActivityAt).toBe(at(29));
    expect(ada!.stuck).toBeNull();
  });

  it(`flags ${STUCK_FAILURES} failures in a row on the current step, and long idleness`, () => {
    const rows = buildDashboardRows(
      {
        members,
        steps: [
          { learnerId: 'a', step: 'setup', status: 'pass' },
          { learnerId: 'b', step: 'setup', status: 'pass' },
        ],
        completions: [],
        attempts: [
          attempt('a', 'setup', 'pass', 20),
          ...[21, 22, 23].map((m) => attempt('a', 'authorize-url', 'fail', m, ['scope.offline_access_missing'])),
          attempt('b', 'setup', 'pass', 1),
          attempt('c', 'authorize-url', 'fail', 28),
          attempt('c', 'authorize-url', 'pass', 29),
        ],
      },
      now,
    );
    expect(rows.find((r) => r.learnerId === 'a')!.stuck).toMatchObject({ reason: 'failures', step: 'authorize-url' });
    expect(rows.find((r) => r.learnerId === 'b')!.stuck).toMatchObject({ reason: 'idle', step: 'authorize-url' });
    expect(rows.find((r) => r.learnerId === 'c')!.stuck).toBeNull();
  });

  it('keeps when each learner started, how long they took, and which mistakes they hit', () => {
    const rows = buildDashboardRows(
      {
        members,
        steps: [],
        completions: [
          { learnerId: 'a', completedAt: at(27) },
          // Completed before their first check in this cohort (joined after finishing): no duration.
          { learnerId: 'c', completedAt: at(1) },
        ],
        attempts: [
          attempt('a', 'setup', 'pass', 4),
          attempt('a', 'authorize-url', 'fail', 5, ['scope.offline_access_missing', 'state.missing']),
          attempt('a', 'authorize-url', 'fail', 6, ['state.missing']),
          attempt('a', 'authorize-url', 'pass', 7, ['state.weak']),
          attempt('c', 'setup', 'pass', 2),
        ],
      },
      now,
    );
    const [ada, bo, cy] = rows;
    expect(ada).toMatchObject({ joinedAt: at(0), startedAt: at(4), completedAt: at(27), timeToCompleteSeconds: 23 * 60 });
    expect(ada!.mistakeCodes).toEqual(['scope.offline_access_missing', 'state.missing', 'state.weak']);
    expect(bo).toMatchObject({ startedAt: null, timeToCompleteSeconds: null, mistakeCodes: [] });
    expect(cy).toMatchObject({ startedAt: at(2), completedAt: at(1), timeToCompleteSeconds: null });
  });

  it('a completed learner is never stuck', () => {
    const [row] = buildDashboardRows(
      { members: members.slice(0, 1), steps: [], completions: [{ learnerId: 'a', completedAt: at(1) }], attempts: [] },
      now,
    );
    expect(row!.currentStep).toBe('complete');
    expect(row!.stuck).toBeNull();
  });
});

describe('countMistakes', () => {
  it('counts codes per step (attempts, and distinct learners), most frequent first, once per attempt', () => {
    const result = countMistakes([
      attempt('a', 'authorize-url', 'fail', 1, ['scope.offline_access_missing', 'state.weak']),
      attempt('a', 'authorize-url', 'fail', 2, ['scope.offline_access_missing', 'scope.offline_access_missing']),
      attempt('b', 'authorize-url', 'fail', 3, ['scope.offline_access_missing']),
      attempt('b', 'token-response', 'fail', 4, ['refresh_token.missing']),
    ]);
    expect(result['authorize-url']).toEqual([
      { code: 'scope.offline_access_missing', count: 3, learners: 2 },
      { code: 'state.weak', count: 1, learners: 1 },
    ]);
    expect(result['token-response']).toEqual([{ code: 'refresh_token.missing', count: 1, learners: 1 }]);
    expect(result.setup).toEqual([]);
  });

  it('orders equal attempt counts by learners: a mistake many people make comes first', () => {
    const result = countMistakes([
      attempt('a', 'redirect', 'fail', 1, ['redirect.code_missing']),
      attempt('a', 'redirect', 'fail', 2, ['redirect.code_missing']),
      attempt('b', 'redirect', 'fail', 3, ['redirect.state_mismatch']),
      attempt('c', 'redirect', 'fail', 4, ['redirect.state_mismatch']),
    ]);
    expect(result.redirect.map((m) => `${m.code}:${m.count}/${m.learners}`)).toEqual([
      'redirect.state_mismatch:2/2',
      'redirect.code_missing:2/1',
    ]);
  });
});

/** The codes an attempt keeps, as lib/progress/store.ts records them: every code but the info ones. */
const recordedCodes = (report: Report) => report.results.flatMap((r) => (r.code && r.status !== 'info' ? [r.code] : []));

describe('countMistakes: one typo is one mistake (issue 20)', () => {
  // The real case: redirect_url typed for redirect_uri. The check reports the unknown name
  // and, because of it, the missing redirect_uri: two codes for one root cause.
  const typo = checkAuthorizeUrl(build(withParams({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect' })), OKTA);

  it('the check reports the misspelt name and the parameter it hid', () => {
    expect(recordedCodes(typo).sort()).toEqual(['param.unknown', 'redirect_uri.missing']);
  });

  it('counts the typo once, as the misspelt name, not as a missing parameter too', () => {
    const result = countMistakes([attempt('a', 'authorize-url', 'fail', 1, recordedCodes(typo))]);
    expect(result['authorize-url']).toEqual([{ code: 'param.unknown', count: 1, learners: 1 }]);
  });

  it('two typos in one attempt: one bar for misspelt names, no missing parameters', () => {
    const twoTypos = checkAuthorizeUrl(
      build(
        withParams({
          redirect_uri: undefined,
          redirect_url: 'https://example-app.com/redirect',
          client_id: undefined,
          'client-id': OKTA.clientId,
        }),
      ),
      OKTA,
    );
    const result = countMistakes([attempt('a', 'authorize-url', 'fail', 1, recordedCodes(twoTypos))]);
    expect(result['authorize-url']).toEqual([{ code: 'param.unknown', count: 1, learners: 1 }]);
  });

  it('a parameter deleted outright is still counted as missing', () => {
    const deleted = checkAuthorizeUrl(build(withParams({ state: undefined })), OKTA);
    const result = countMistakes([attempt('a', 'authorize-url', 'fail', 1, recordedCodes(deleted))]);
    expect(result['authorize-url']).toEqual([{ code: 'state.missing', count: 1, learners: 1 }]);
  });

  it('a typo beside a deleted line: both missing parameters stay, as the typo cannot be matched to one', () => {
    const both = checkAuthorizeUrl(
      build(withParams({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect', state: undefined })),
      OKTA,
    );
    expect(recordedCodes(both).sort()).toEqual(['param.unknown', 'redirect_uri.missing', 'state.missing']);
    const result = countMistakes([attempt('a', 'authorize-url', 'fail', 1, recordedCodes(both))]);
    // Which of the two the typo hid is not recorded: both stay counted rather than guess
    // and hide a deleted line.
    expect(result['authorize-url'].map((m) => m.code).sort()).toEqual(['param.unknown', 'redirect_uri.missing', 'state.missing']);
  });
});
