/**
 * The report model every check returns (docs/api.md, "Reports"). `check` and `code` values are stable
 * identifiers: progress rows, instructor statistics and external graders key on them, so
 * they are never renamed once shipped. Wording (`message`, `hint`) may change freely.
 * @see docs/decisions/003-report-model-and-stable-codes.md
 */

import type { DiagnosisCode } from './codes';
import type { StepId } from './steps';

export type { DiagnosisCode } from './codes';
export type { StepId } from './steps';

export type ResultStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface CheckResult {
  /** Stable id of what was checked, e.g. "scope". */
  check: string;
  status: ResultStatus;
  /** Present unless status is "pass". */
  code?: DiagnosisCode;
  /** What we saw, quoting the learner's input. */
  message: string;
  /** What to do next (omitted on a plain pass). */
  hint?: string;
}

export interface Report<S extends string = StepId> {
  step: S;
  status: 'pass' | 'fail';
  results: CheckResult[];
}

/** Builds a report: it fails when any result fails (warnings and info do not). */
export function makeReport<S extends string, Extra extends object = object>(
  step: S,
  results: CheckResult[],
  extra?: Extra,
): Report<S> & Extra {
  const status = results.some((r) => r.status === 'fail') ? 'fail' : 'pass';
  return { step, status, results, ...(extra as Extra) };
}

export const pass = (check: string, message: string): CheckResult => ({ check, status: 'pass', message });

export const fail = (check: string, code: DiagnosisCode, message: string, hint: string): CheckResult => ({
  check,
  status: 'fail',
  code,
  message,
  hint,
});

export const warn = (check: string, code: DiagnosisCode, message: string, hint: string): CheckResult => ({
  check,
  status: 'warn',
  code,
  message,
  hint,
});

export const info = (check: string, code: DiagnosisCode, message: string, hint?: string): CheckResult => ({
  check,
  status: 'info',
  code,
  message,
  ...(hint ? { hint } : {}),
});

/**
 * Shortens pasted text for quoting in a message, keeping it readable: whitespace runs become
 * one space, the ends are trimmed, and past `max` characters it is cut with "…". Reads only
 * as much of `value` as the quote shows (a paste may be 64 KiB): runs of whitespace and of
 * other characters are taken whole by the regex engine until `max` + 1 characters are out.
 */
export function quote(value: string, max = 80): string {
  let out = '';
  let pendingSpace = false;
  const runs = /(\s+)|\S+/g;
  for (let run = runs.exec(value); run !== null && out.length <= max; run = runs.exec(value)) {
    if (run[1] !== undefined) {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += run[0].slice(0, max + 1 - out.length);
  }
  return `"${out.length > max ? `${out.slice(0, max - 1)}…` : out}"`;
}
