/**
 * The course's declarations are checked as data (like freeCodeCamp's curriculum schemas): a
 * declaration that the engine could not serve fails here, before any page or API meets it.
 */
import { describe, expect, it } from 'vitest';
import { STEP_KINDS } from '../engine/kinds';
import { CHECK_STEPS, JOURNEY } from '../exercise/steps';
import { BUILT_EXERCISES, checkedSteps, COURSE, findExercise, stepPageHref } from './catalogue';
import { CHECK_KINDS } from './check-kinds';
import { refresh } from './exercises/refresh';

const ID = /^[a-z][a-z-]{0,38}[a-z]$/;

describe('the course declarations', () => {
  it('are in SPEC §9’s order with stable, unique ids', () => {
    expect(COURSE.map((e) => e.id)).toEqual([
      'getting-started',
      'web',
      'spa',
      'native',
      'service',
      'refresh',
      'openid',
      'device',
      'revoke',
      'api',
      'challenge',
    ]);
    for (const exercise of COURSE) expect(exercise.id).toMatch(ID);
  });

  it.each(COURSE.map((e) => [e.id, e] as const))('%s is servable', (_id, exercise) => {
    expect(exercise.title.length).toBeGreaterThan(0);
    expect(exercise.goal.length).toBeGreaterThan(20);
    expect(exercise.minutes).toBeGreaterThan(0);
    for (const prerequisite of exercise.prerequisites) {
      expect(findExercise(prerequisite), prerequisite).not.toBeNull();
      expect(COURSE.findIndex((e) => e.id === prerequisite)).toBeLessThan(COURSE.indexOf(exercise));
    }
    const ids = exercise.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const slugs = exercise.steps.map((s) => s.slug ?? s.id);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const step of exercise.steps) {
      expect(step.id).toMatch(ID);
      // The routes beside the checks (app/api/exercises/[exercise]/progress, …/completion-record).
      expect(['progress', 'completion-record']).not.toContain(step.id);
      expect(step.kind === 'console-task' || (CHECK_KINDS as readonly string[]).includes(step.kind), step.kind).toBe(true);
      if (step.kind !== 'console-task') expect(STEP_KINDS[step.kind], `kind ${step.kind} has a checker`).toBeDefined();
      expect(step.title.length).toBeGreaterThan(0);
      expect(step.summary.length).toBeGreaterThan(0);
      const required = step.params?.requiredScopes;
      if (required !== undefined) expect(Array.isArray(required) && required.every((s) => typeof s === 'string')).toBe(true);
      const refreshToken = step.params?.refreshToken;
      if (refreshToken !== undefined) expect(['required', 'optional']).toContain(refreshToken);
    }
    if (exercise.status === 'built') expect(checkedSteps(exercise).length).toBeGreaterThan(0);
    else expect(exercise.steps).toEqual([]);
  });

  it('keeps the Refresh Tokens exercise’s contract: its step ids, slugs, titles and pages', () => {
    expect(checkedSteps(refresh).map((s) => s.id)).toEqual([...CHECK_STEPS]);
    expect(refresh.steps.map((s) => s.slug ?? s.id)).toEqual(JOURNEY.map((s) => s.slug));
    expect(refresh.steps.map((s) => s.title)).toEqual(JOURNEY.map((s) => s.title));
    expect(refresh.steps.map((s) => stepPageHref(refresh, s))).toEqual([
      '/exercise/refresh/setup',
      '/exercise/refresh/enable',
      '/exercise/refresh/authorize',
      '/redirect',
      '/exercise/refresh/token',
      '/exercise/refresh/refresh',
    ]);
  });

  it('gives every built exercise that needs an app a way to get it', () => {
    for (const exercise of BUILT_EXERCISES) {
      if (exercise.app === null || exercise.app === 'web') continue;
      expect(
        exercise.steps.some((s) => s.kind === 'app'),
        exercise.id,
      ).toBe(true);
    }
  });
});
