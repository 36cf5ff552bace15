/**
 * Small string helpers for learner input, written as loops where the obvious regular
 * expression backtracks: every check must run in time linear in what was pasted (issue 8).
 * Pure and browser-safe.
 */

/**
 * `value` without its trailing "/" characters. `value.replace(/\/+$/, '')` retries from
 * every slash of a run that does not reach the end, which is quadratic in the run.
 */
export function trimTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x2f) end--;
  return value.slice(0, end);
}
