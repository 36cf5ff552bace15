import type { DashboardRow } from './dashboard';
import { stuckStepTitle } from './journey';

/** More names than this in one announcement become a count. */
const MAX_NAMES = 3;

const names = (rows: DashboardRow[]) => rows.map((row) => row.displayName).join(', ');

/**
 * What a screen reader should hear when the live dashboard refreshes: only changes that
 * matter to an instructor — learners who newly look stuck, who completed, who joined —
 * never the clock. Empty when nothing of the kind happened, so the polite live region
 * is left alone (a refresh every 5 s must not be read out every 5 s).
 */
export function describeDashboardChanges(before: DashboardRow[], after: DashboardRow[]): string {
  const previous = new Map(before.map((row) => [row.learnerId, row]));
  const joined = after.filter((row) => !previous.has(row.learnerId));
  const stuck = after.filter((row) => row.stuck && !previous.get(row.learnerId)?.stuck);
  const completed = after.filter((row) => row.completedAt && previous.has(row.learnerId) && !previous.get(row.learnerId)!.completedAt);

  const sentences: string[] = [];
  if (stuck.length > MAX_NAMES) sentences.push(`${stuck.length} learners may be stuck.`);
  else {
    for (const row of stuck) sentences.push(`${row.displayName} may be stuck on ${stuckStepTitle(row)}: ${row.stuck!.detail}.`);
  }
  if (completed.length > MAX_NAMES) sentences.push(`${completed.length} learners completed the exercise.`);
  else if (completed.length > 0) sentences.push(`${names(completed)} completed the exercise.`);
  if (joined.length > MAX_NAMES) sentences.push(`${joined.length} learners joined.`);
  else if (joined.length > 0) sentences.push(`${names(joined)} joined.`);
  return sentences.join(' ');
}
