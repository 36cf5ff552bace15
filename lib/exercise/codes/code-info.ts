import type { StepId } from '../steps';

/** The statuses a result with this code can have (most codes only ever fail). */
export type CodeSeverity = 'fail' | 'warn' | 'info';

export interface CodeInfo {
  steps: readonly StepId[];
  severities: readonly CodeSeverity[];
  /** One plain-language line: what the code says happened. */
  meaning: string;
  /** What learners typically did to get it. */
  cause: string;
}

export const code = (steps: StepId[], severities: CodeSeverity[], meaning: string, cause: string): CodeInfo => ({
  steps,
  severities,
  meaning,
  cause,
});
