'use client';

import { CELL, ScrollTable, STICKY } from '@/components/instructor/scroll-table';
import { HeaderCell, LastActivityCell, LearnerNameCell, TookFor, useSortedRows } from '@/components/instructor/table-parts';
import { timeAgo } from '@/components/instructor/time-ago';
import { CheckIcon } from '@/components/ui/icons';
import type { CourseCell, CourseRow } from '@/lib/cohorts/course';

type SortKey = 'name' | 'progress' | 'activity';

const stepsDone = (row: CourseRow) => row.exercises.reduce((sum, cell) => sum + (cell.status === 'not_started' ? 0 : cell.stepsDone), 0);

const COMPARE: Record<SortKey, (a: CourseRow, b: CourseRow) => number> = {
  name: (a, b) => a.displayName.localeCompare(b.displayName),
  progress: (a, b) => a.completed - b.completed || stepsDone(a) - stepsDone(b),
  activity: (a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt),
};

function Status({ cell }: { cell: CourseCell }) {
  if (cell.status === 'completed') {
    return (
      <span className="font-semibold whitespace-nowrap text-emerald-800 dark:text-emerald-300">
        <CheckIcon /> Completed
      </span>
    );
  }
  if (cell.status === 'in_progress') {
    return (
      <span className="whitespace-nowrap">
        In progress{' '}
        <span className="text-slate-700 dark:text-slate-300">
          {cell.stepsDone}/{cell.steps}
          <span className="sr-only"> steps</span>
        </span>
      </span>
    );
  }
  return <span className="text-slate-700 dark:text-slate-300">Not started</span>;
}

/**
 * The course view: one row per learner, a column per exercise of the cohort (in its order)
 * with the status (not started, in progress n/m, completed), the time it took and the last
 * check. Sortable by name, progress and last activity. Every learner is listed: a class of
 * 300 is 300 rows of plain cells.
 */
export function CourseTable({
  cohortId,
  exercises,
  rows,
  now,
}: {
  cohortId: string;
  exercises: readonly { id: string; title: string }[];
  rows: CourseRow[];
  now: number;
}) {
  const { sorted, sortable } = useSortedRows(rows, COMPARE, 'name');

  return (
    <ScrollTable label="Course table" fitsFromLg={exercises.length <= 5}>
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Learners of this cohort and their progress in each exercise</caption>
        <thead>
          <tr className="bg-slate-50 dark:bg-slate-800">
            {sortable('name', 'Name', STICKY)}
            {sortable('progress', 'Exercises completed')}
            {exercises.map((exercise) => (
              <HeaderCell key={exercise.id}>{exercise.title}</HeaderCell>
            ))}
            {sortable('activity', 'Last activity')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={row.learnerId}
              data-testid="course-row"
              className="border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            >
              <LearnerNameCell cohortId={cohortId} learnerId={row.learnerId} displayName={row.displayName} />
              <td className={CELL}>
                {row.completed} of {row.exercises.length}
              </td>
              {row.exercises.map((cell) => (
                <td key={cell.exercise} className={CELL} data-exercise={cell.exercise}>
                  <Status cell={cell} />
                  {cell.timeToCompleteSeconds !== null && <TookFor seconds={cell.timeToCompleteSeconds} />}
                  {cell.lastActivityAt && cell.status !== 'completed' && (
                    <span className="block text-xs text-slate-700 dark:text-slate-300" suppressHydrationWarning>
                      last check {timeAgo(cell.lastActivityAt, now)}
                    </span>
                  )}
                </td>
              ))}
              <LastActivityCell at={row.lastActivityAt} now={now} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
