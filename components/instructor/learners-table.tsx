'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { PassFail } from '@/components/instructor/pass-fail';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import type { DashboardRow } from '@/lib/cohorts/dashboard';
import { formatDuration } from '@/lib/cohorts/format';
import { CHECK_STEPS, STEP_TITLES } from '@/lib/exercise/steps';

type SortKey = 'name' | 'progress' | 'activity' | 'attempts';

const progressOf = (row: DashboardRow) => CHECK_STEPS.filter((step) => row.steps[step].status === 'pass').length;
const attemptsOf = (row: DashboardRow) => CHECK_STEPS.reduce((sum, step) => sum + row.steps[step].attempts, 0);

function timeAgo(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

// Ten columns: the page widens the dashboard on laptop screens (app/instructor/cohorts/[id]),
// where they all fit; below a minimum width the table scrolls inside its own card, never the page.
const CELL = 'px-2.5 py-2 align-top';
// The name column stays in view while a narrow screen scrolls the rest (opaque: rows pass under it).
const STICKY = 'sticky left-0 z-10 bg-inherit shadow-[1px_0_0_0] shadow-slate-200 dark:shadow-slate-800';

/**
 * One row per learner: where they are, each step's status and attempts, activity and
 * completion; learners who look stuck are marked in words and colour. Sortable by name,
 * progress, attempts and last activity. The table scrolls inside a focusable, labelled
 * region, so keyboard users can scroll it too.
 */
export function LearnersTable({ cohortId, rows, now }: { cohortId: string; rows: DashboardRow[]; now: number }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'progress', descending: false });

  const sorted = useMemo(() => {
    const compare: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
      name: (a, b) => a.displayName.localeCompare(b.displayName),
      progress: (a, b) => progressOf(a) - progressOf(b) || Number(Boolean(b.stuck)) - Number(Boolean(a.stuck)),
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
    <div
      role="region"
      aria-label="Learners table"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="w-full min-w-[68rem] text-left text-sm">
        <caption className="sr-only">Learners of this cohort, their current step and each step&apos;s status and attempts</caption>
        <thead>
          <tr className="bg-slate-50 dark:bg-slate-800">
            {sortable('name', 'Name', STICKY)}
            {sortable('progress', 'Current step')}
            {CHECK_STEPS.map((step) => (
              <th key={step} scope="col" className={cn(CELL, 'align-bottom font-semibold')}>
                {STEP_TITLES[step]}
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
              <th scope="row" className={cn(CELL, STICKY, 'max-w-48 min-w-36 font-medium break-words')}>
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
                  STEP_TITLES[row.currentStep]
                )}
              </td>
              {CHECK_STEPS.map((step) => {
                const cell = row.steps[step];
                return (
                  <td key={step} className={cn(CELL, 'whitespace-nowrap')}>
                    <span
                      className={cn(
                        'mr-1 font-semibold',
                        cell.status === 'pass' && 'text-emerald-800 dark:text-emerald-300',
                        cell.status === 'fail' && 'text-red-800 dark:text-red-300',
                      )}
                    >
                      {cell.status === 'pending' ? '–' : <PassFail status={cell.status} />}
                    </span>
                    {cell.attempts > 0 && <span className="text-slate-700 dark:text-slate-300">({cell.attempts})</span>}
                  </td>
                );
              })}
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
    </div>
  );
}
