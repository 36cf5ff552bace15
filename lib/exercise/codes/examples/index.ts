/**
 * Examples for the codes of the course's check kinds, one module per family (codes.test.ts
 * holds the Refresh Tokens exercise's own). Every code in CODES needs at least one.
 */
import { REQUEST_EXAMPLES } from './requests';
import type { CodeExample } from './types';

export type { CodeExample } from './types';

export const COURSE_EXAMPLES: Record<string, CodeExample[]> = { ...REQUEST_EXAMPLES };
