/**
 * Examples for the codes of the course's check kinds, one module per family (codes.test.ts
 * holds the Refresh Tokens exercise's own). Every code in CODES needs at least one.
 */
import { API_CALL_EXAMPLES } from './api-call';
import { CLIENT_CREDENTIALS_EXAMPLES } from './client-credentials';
import { COURSE_KIND_EXAMPLES } from './course';
import { DISCOVERY_EXAMPLES } from './discovery';
import { ID_TOKEN_EXAMPLES } from './id-token';
import { REQUEST_EXAMPLES } from './requests';
import type { CodeExample } from './types';

export type { CodeExample } from './types';

export const COURSE_EXAMPLES: Record<string, CodeExample[]> = mergeExamples(
  COURSE_KIND_EXAMPLES,
  API_CALL_EXAMPLES,
  CLIENT_CREDENTIALS_EXAMPLES,
  DISCOVERY_EXAMPLES,
  ID_TOKEN_EXAMPLES,
  REQUEST_EXAMPLES,
);

/** One table from several: a code several families return keeps every family's examples. */
export function mergeExamples(...tables: Partial<Record<string, CodeExample[]>>[]): Record<string, CodeExample[]> {
  const merged: Record<string, CodeExample[]> = {};
  for (const table of tables)
    for (const [code, examples] of Object.entries(table)) merged[code] = [...(merged[code] ?? []), ...(examples ?? [])];
  return merged;
}
