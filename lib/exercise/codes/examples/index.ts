/**
 * Examples for the codes of the course's check kinds, one module per family (codes.test.ts
 * holds the Refresh Tokens exercise's own). Every code in CODES needs at least one.
 */
import { API_CALL_EXAMPLES } from './api-call';
import { COURSE_KIND_EXAMPLES } from './course';
import type { CodeExample } from './types';

export type { CodeExample } from './types';

export const COURSE_EXAMPLES: Record<string, CodeExample[]> = {
  ...COURSE_KIND_EXAMPLES,
  ...API_CALL_EXAMPLES,
};
