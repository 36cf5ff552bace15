/** What the instructor API's cohort routes share: the exercise a view is of, a valid choice of exercises, CSV answers. */
import { z } from 'zod';
import { findBuiltExercise } from '../course/catalogue';
import { refresh } from '../course/exercises/refresh';
import type { ExerciseDeclaration } from '../course/types';
import { DEFAULT_COHORT_EXERCISES, describeBadExerciseChoice } from '../cohorts/exercises';
import { ApiError } from './api';

/**
 * A choice of exercises in a body: ids of built exercises, each once, in order. Checked after
 * parsing ({@link requireValidExercises}) so the 400 names every unknown id.
 */
export const exerciseChoiceSchema = z.array(z.string().max(100)).max(50);

/** The choice, or a 400 naming what is wrong (unknown or coming ids, repeats, none). */
export function requireValidExercises(ids: string[]): string[] {
  const problem = describeBadExerciseChoice(ids);
  if (problem) throw new ApiError('bad_request', problem);
  return ids;
}

/** The exercise of `?exercise=` (Refresh Tokens when absent), or a 400 naming the built ones. */
export function exerciseOfQuery(request: Request): ExerciseDeclaration {
  const id = new URL(request.url).searchParams.get('exercise');
  if (id === null || id === '') return refresh;
  const exercise = findBuiltExercise(id);
  if (!exercise) {
    throw new ApiError(
      'bad_request',
      `Unknown exercise ${JSON.stringify(id.slice(0, 40))}. Exercises: ${DEFAULT_COHORT_EXERCISES.join(', ')}.`,
    );
  }
  return exercise;
}

export const wantsCsv = (request: Request) => new URL(request.url).searchParams.get('format') === 'csv';

/** A CSV download named after the cohort (`Tuesday-class.csv`, or with a suffix: `Tuesday-class-course.csv`). */
export function csvResponse(csv: string, cohortName: string, suffix = ''): Response {
  const base = cohortName.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'cohort';
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${base}${suffix ? `-${suffix}` : ''}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
