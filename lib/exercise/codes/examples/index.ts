/**
 * Examples for the codes of the course's check kinds, one module per family (codes.test.ts
 * holds the Refresh Tokens exercise's own). Every code in CODES needs at least one.
 */
import { DISCOVERY_EXAMPLES } from './discovery';
import type { CodeExample } from './types';

export type { CodeExample } from './types';

export const COURSE_EXAMPLES: Record<string, CodeExample[]> = { ...DISCOVERY_EXAMPLES };
