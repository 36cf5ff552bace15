'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { CELL, ScrollTable, STICKY } from '@/components/instructor/scroll-table';
import { StepStatusMark } from '@/components/instructor/step-status';
import { timeAgo } from '@/components/instructor/time-ago';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import type { DashboardRow } from '@/lib/cohorts/dashboard';
import { formatDuration } from '@/lib/cohorts/format';
import { currentStepTitle, journeyCells, stepsDone } from '@/lib/cohorts/journey';
import { CHECK_STEPS, JOURNEY } from '@/lib/exercise/steps';

type SortKey = 'name' | 'progress' | 'activity' | 'attempts';

const attemptsOf = (row: DashboardRow) => CHECK_STEPS.reduce((sum, step) => sum + row.steps[step].attempts, 0);

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

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
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'progress', descending: false });

  const sorted = useMemo(() => {
    const compare: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
      name: (a, b) => a.displayName.localeCompare(b.displayName),
      progress: (a, b) => stepsDone(a) - stepsDone(b) || Number(Boolean(b.stuck)) - Number(Boolean(a.stuck)),
      activity: (a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt),
      attempts: (a, b) => attemptsOf(a) - attemptsOf(b),
    };
    const list = [...rows].sort(compare[sort.key]);
    return sort.descending ? list.reverse() : list;
  }, [rows, sort]);

  const onSort = (key: SortKey) => setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }));
  const sortable = (key: SortKey, label: string, className?: string) => (
    <th
      scope="col"
      className={cn(CELL, 'align-bottom', className)}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" onClick={() => onSort(key)} className="text-left font-semibold underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true"> {sort.key === key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );

  return (
    <ScrollTable label="Learners table">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">Learners of this cohort, their current step and each step&apos;s status and attempts</caption>
        <thead>
          <tr className="bg-slate-50 dark:bg-slate-800">
            {sortable('name', 'Name', STICKY)}
            {sortable('progress', 'Current step')}
            {JOURNEY.map((step) => (
              <th key={step.slug} scope="col" className={cn(CELL, 'align-bottom font-semibold')}>
                {step.title}
              </th>
            ))}
            {sortable('attempts', 'Attempts')}
            {sortable('activity', 'Last activity')}
            <th scope="col" className={cn(CELL, 'align-bottom font-semibold')}>
              Completed
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={row.learnerId}
              data-testid="learner-row"
              data-stuck={row.stuck ? 'true' : 'false'}
              className={cn(
                'border-t border-slate-200 dark:border-slate-800',
                // Opaque (the sticky name cell takes the row's colour): amber-950 at 40 % over the card.
                row.stuck
                  ? 'bg-amber-50 dark:bg-[color-mix(in_oklab,var(--color-amber-950)_40%,var(--color-slate-900))]'
                  : 'bg-white dark:bg-slate-900',
              )}
            >
              <th scope="row" className={cn(CELL, STICKY, 'max-w-44 min-w-32 font-medium break-words')}>
                <Link
                  href={`/instructor/cohorts/${encodeURIComponent(cohortId)}/learners/${encodeURIComponent(row.learnerId)}`}
                  className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {row.displayName}
                </Link>
                {row.stuck && (
                  <span className="mt-1 block w-fit rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
                    Stuck: {row.stuck.detail}
                  </span>
                )}
              </th>
              <td className={CELL}>
                {row.currentStep === 'complete' ? (
                  <>
                    <CheckIcon /> Completed
                  </>
                ) : (
                  currentStepTitle(row)
                )}
              </td>
              {journeyCells(row).map((cell) => (
                <td key={cell.slug} className={CELL} data-column={cell.slug}>
                  <StepStatusMark status={cell.status} />
                  {cell.check && cell.attempts > 0 && <span className="text-slate-700 dark:text-slate-300"> ({cell.attempts})</span>}
                </td>
              ))}
              <td className={CELL}>{attemptsOf(row)}</td>
              <td className={CELL}>
                <time dateTime={row.lastActivityAt} suppressHydrationWarning>
                  {timeAgo(row.lastActivityAt, now)}
                </time>
              </td>
              <td className={CELL}>
                {row.completedAt ? (
                  <>
                    <time dateTime={row.completedAt} suppressHydrationWarning>
                      {clock(row.completedAt)}
                    </time>
                    {row.timeToCompleteSeconds !== null && (
                      <span className="block text-xs text-slate-700 dark:text-slate-300">
                        in {formatDuration(row.timeToCompleteSeconds)}
                      </span>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
