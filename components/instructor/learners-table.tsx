'use client';

import { ScrollTable, CELL, STICKY } from '@/components/instructor/scroll-table';
import { StepStatusMark } from '@/components/instructor/step-status';
import { ExerciseLearnerRow, HeaderCell, useSortedRows } from '@/components/instructor/table-parts';
import type { DashboardRow } from '@/lib/cohorts/dashboard';
import { currentStepTitle, journeyCells, stepsDone } from '@/lib/cohorts/journey';
import { CHECK_STEPS, JOURNEY } from '@/lib/exercise/steps';

type SortKey = 'name' | 'progress' | 'activity' | 'attempts';

const attemptsOf = (row: DashboardRow) => CHECK_STEPS.reduce((sum, step) => sum + row.steps[step].attempts, 0);

const COMPARE: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
  name: (a, b) => a.displayName.localeCompare(b.displayName),
  progress: (a, b) => stepsDone(a) - stepsDone(b) || Number(Boolean(b.stuck)) - Number(Boolean(a.stuck)),
  activity: (a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt),
  attempts: (a, b) => attemptsOf(a) - attemptsOf(b),
};

// Eleven columns in the page's content column: they fit a laptop's (992 px at 1366) as cells
// wrap; below the table's minimum width (60 rem, which fits from the lg breakpoint up) it
// scrolls inside its own card, never the page.

/**
 * One row per learner: where they are, each of the six steps' status (and attempts, for the
 * five with a check), activity and completion; learners who look stuck are marked in words
 * and colour. Sortable by name, progress, attempts and last activity. The table scrolls
 * inside its own card ({@link ScrollTable}).
 */
export function LearnersTable({ cohortId, rows, now }: { cohortId: string; rows: DashboardRow[]; now: number }) {
  const { sorted, sortable } = useSortedRows(rows, COMPARE, 'progress');

  return (
    <ScrollTable label="Learners table">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">Learners of this cohort, their current step and each step&apos;s status and attempts</caption>
        <thead>
          <tr className="bg-slate-50 dark:bg-slate-800">
            {sortable('name', 'Name', STICKY)}
            {sortable('progress', 'Current step')}
            {JOURNEY.map((step) => (
              <HeaderCell key={step.slug}>{step.title}</HeaderCell>
            ))}
            {sortable('attempts', 'Attempts')}
            {sortable('activity', 'Last activity')}
            <HeaderCell>Completed</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <ExerciseLearnerRow
              key={row.learnerId}
              cohortId={cohortId}
              row={row}
              currentTitle={currentStepTitle(row)}
              attempts={attemptsOf(row)}
              now={now}
            >
              {journeyCells(row).map((cell) => (
                <td key={cell.slug} className={CELL} data-column={cell.slug}>
                  <StepStatusMark status={cell.status} />
                  {cell.check && cell.attempts > 0 && <span className="text-slate-700 dark:text-slate-300"> ({cell.attempts})</span>}
                </td>
              ))}
            </ExerciseLearnerRow>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
