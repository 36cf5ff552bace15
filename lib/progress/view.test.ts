import { describe, expect, it } from 'vitest';
import { JOURNEY } from '../exercise/steps';
import { toJourneyView, type ProgressView } from './view';

const progress = (passed: string[], completedAt: string | null = null): ProgressView => ({
  provider: null,
  steps: Object.fromEntries(
    ['setup', 'authorize-url', 'redirect', 'token-response', 'refresh-response'].map((step) => [
      step,
      { status: passed.includes(step) ? 'pass' : 'pending', attempts: passed.includes(step) ? 1 : 0 },
    ]),
  ) as ProgressView['steps'],
  stepsDone: passed.length,
  currentStep: null,
  completedAt,
});

describe('toJourneyView: one list of steps for the overview, the step list and the progress bar (issue 11)', () => {
  it('has the six steps of the overview, numbered, without the results page', () => {
    const view = toJourneyView(progress([]), null);
    expect(view.steps.map((s) => s.slug)).toEqual(JOURNEY.map((s) => s.slug));
    expect(view.steps).toHaveLength(6);
    expect(view.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view).toMatchObject({ done: 0, next: 'setup', completed: false });
  });

  it('ticks Enable as soon as the practice app allows the Refresh Token grant', () => {
    const before = toJourneyView(progress(['setup']), false);
    expect(before.steps[1]).toMatchObject({ slug: 'enable', status: 'pending' });
    expect(before).toMatchObject({ done: 1, next: 'enable' });
    const after = toJourneyView(progress(['setup']), true);
    expect(after.steps[1]).toMatchObject({ slug: 'enable', status: 'pass' });
    expect(after).toMatchObject({ done: 2, next: 'authorize' });
  });

  it('ticks Enable on your own server once a token response with a refresh token passed', () => {
    expect(toJourneyView(progress(['setup', 'authorize-url', 'redirect']), null).steps[1]!.status).toBe('pending');
    expect(toJourneyView(progress(['setup', 'authorize-url', 'redirect', 'token-response']), null).steps[1]!.status).toBe('pass');
  });

  it('counts 6 of 6 when the exercise is complete', () => {
    const view = toJourneyView(
      progress(['setup', 'authorize-url', 'redirect', 'token-response', 'refresh-response'], '2026-12-01T12:00:00Z'),
      true,
    );
    expect(view).toMatchObject({ done: 6, next: null, completed: true });
  });
});
