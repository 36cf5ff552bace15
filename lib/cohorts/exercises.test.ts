import { describe, expect, it } from 'vitest';
import {
  chosenIds,
  DEFAULT_COHORT_EXERCISES,
  describeBadExerciseChoice,
  exerciseChoices,
  moveChoice,
  parseCohortExercises,
  unknownExerciseIds,
} from './exercises';

describe('a cohort’s exercises', () => {
  it('defaults to every built exercise in course order', () => {
    expect(DEFAULT_COHORT_EXERCISES).toEqual(['getting-started', 'web', 'service', 'refresh']);
    expect(parseCohortExercises(null)).toEqual(DEFAULT_COHORT_EXERCISES);
  });

  it.each([
    ['a chosen order', '["refresh","getting-started"]', ['refresh', 'getting-started']],
    ['a coming or unknown id dropped', '["spa","refresh","gone"]', ['refresh']],
    ['repeats kept once', '["web","web"]', ['web']],
    ['nothing left: the whole course', '["spa"]', DEFAULT_COHORT_EXERCISES],
    ['not a list', '{"refresh":true}', DEFAULT_COHORT_EXERCISES],
    ['not JSON', 'refresh', DEFAULT_COHORT_EXERCISES],
  ])('reads the stored column: %s', (_name, stored, expected) => {
    expect(parseCohortExercises(stored)).toEqual(expected);
  });

  it.each([
    [['refresh'], null],
    [['refresh', 'getting-started'], null],
    [[], 'Choose at least one exercise.'],
  ])('validates %j', (ids, problem) => {
    expect(describeBadExerciseChoice(ids)).toBe(problem);
  });

  it('names unknown and coming ids (each once, cut to 40 characters), then repeats', () => {
    expect(unknownExerciseIds(['refresh', 'nope', 'spa', 'nope'])).toEqual(['nope', 'spa']);
    const message = describeBadExerciseChoice(['refresh', 'nope', 'spa', 'x'.repeat(500)])!;
    expect(message).toContain('"nope", "spa"');
    expect(message).toContain(`"${'x'.repeat(40)}"`);
    expect(message).not.toContain('x'.repeat(41));
    expect(message).toContain('Exercises: getting-started, web, service, refresh.');
    expect(describeBadExerciseChoice(['web', 'refresh', 'web'])).toBe('Each exercise once: "web" given more than once.');
  });

  it('lists the chooser: chosen in order, other built ones, then coming ones that cannot be chosen', () => {
    const choices = exerciseChoices(['refresh', 'getting-started']);
    expect(choices.slice(0, 4).map((c) => `${c.id}:${c.chosen}`)).toEqual([
      'refresh:true',
      'getting-started:true',
      'web:false',
      'service:false',
    ]);
    expect(choices.slice(4).every((c) => c.coming && !c.chosen)).toBe(true);
    expect(chosenIds(choices)).toEqual(['refresh', 'getting-started']);
  });

  it('moves a choice up or down, never past either end or among the coming ones', () => {
    const choices = exerciseChoices(['getting-started', 'refresh']);
    expect(chosenIds(moveChoice(choices, 1, -1))).toEqual(['refresh', 'getting-started']);
    expect(chosenIds(moveChoice(choices, 0, -1))).toEqual(['getting-started', 'refresh']);
    const lastBuilt = choices.findLastIndex((c) => !c.coming);
    expect(moveChoice(choices, lastBuilt, 1)).toEqual(choices);
    expect(moveChoice(choices, choices.length - 1, 1)).toEqual(choices);
  });
});
