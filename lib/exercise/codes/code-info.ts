import type { CheckKind } from '../../course/check-kinds';

/** The statuses a result with this code can have (most codes only ever fail). */
export type CodeSeverity = 'fail' | 'warn' | 'info';

export interface CodeInfo {
  /** The check kinds that return it (lib/course/check-kinds.ts). */
  steps: readonly CheckKind[];
  severities: readonly CodeSeverity[];
  /** One plain-language line: what the code says happened. */
  meaning: string;
  /** What learners typically did to get it. */
  cause: string;
}

export const code = (steps: CheckKind[], severities: CodeSeverity[], meaning: string, cause: string): CodeInfo => ({
  steps,
  severities,
  meaning,
  cause,
});
