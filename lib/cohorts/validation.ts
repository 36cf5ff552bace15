import { z } from 'zod';

/** Visible text only: no control characters (they break CSV, logs and layouts). */
const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);

export const cohortNameSchema = z
  .string()
  .trim()
  .min(1, 'give the cohort a name')
  .max(100, 'must be at most 100 characters')
  .refine(noControlCharacters, 'must not contain control characters');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'enter the name your instructor will see')
  .max(60, 'must be at most 60 characters')
  .refine(noControlCharacters, 'must not contain control characters');
