'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { CELL, STICKY } from '@/components/instructor/scroll-table';
import { timeAgo } from '@/components/instructor/time-ago';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import type { ExerciseRow } from '@/lib/cohorts/dashboard';
import { formatDuration } from '@/lib/cohorts/format';

// The cells and the sorting that the instructor's learner tables (Refresh Tokens, any other
// exercise, the course) share.

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** A plain column heading. */
export function HeaderCell({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <th scope="col" className={cn(CELL, 'align-bottom font-semibold', className)}>
      {children}
    </th>
  );
}

/**
 * Rows sorted by one of `compare`'s keys, and a sortable column heading: a button that sorts by
 * its key (ascending first, again to reverse), with `aria-sort` on the heading.
 */
export function useSortedRows<Row, Key extends string>(
  rows: Row[],
  compare: Record<Key, (a: Row, b: Row) => number>,
  initial: NoInfer<Key>,
) {
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: initial, descending: false });
  const sorted = useMemo(() => {
    const list = [...rows].sort(compare[sort.key]);
    return sort.descending ? list.reverse() : list;
  }, [rows, sort, compare]);
  const sortable = (key: Key, label: string, className?: string) => (
    <th
      scope="col"
      className={cn(CELL, 'align-bottom', className)}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        onClick={() => setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }))}
        className="text-left font-semibold underline-offset-2 hover:underline"
      >
        {label}
        <span aria-hidden="true"> {sort.key === key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
  return { sorted, sortable };
}

/** A learner row's classes: stuck learners marked in colour (opaque: the sticky name cell takes the row's colour). */
export function learnerRowClass(stuck: boolean) {
  return cn(
    'border-t border-slate-200 dark:border-slate-800',
    // amber-950 at 40 % over the card.
    stuck ? 'bg-amber-50 dark:bg-[color-mix(in_oklab,var(--color-amber-950)_40%,var(--color-slate-900))]' : 'bg-white dark:bg-slate-900',
  );
}

/** The row's heading: the learner's name, a link to their page, and why they look stuck (if they do). */
export function LearnerNameCell({
  cohortId,
  learnerId,
  displayName,
  stuck,
}: {
  cohortId: string;
  learnerId: string;
  displayName: string;
  stuck?: { detail: string } | null;
}) {
  return (
    <th scope="row" className={cn(CELL, STICKY, 'max-w-44 min-w-32 font-medium break-words')}>
      <Link
        href={`/instructor/cohorts/${encodeURIComponent(cohortId)}/learners/${encodeURIComponent(learnerId)}`}
        className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300"
      >
        {displayName}
      </Link>
      {stuck && (
        <span className="mt-1 block w-fit rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
          Stuck: {stuck.detail}
        </span>
      )}
    </th>
  );
}

/** The current step's title, or "Completed" with a mark. */
export function CurrentStepCell({ complete, title }: { complete: boolean; title: React.ReactNode }) {
  return (
    <td className={CELL}>
      {complete ? (
        <>
          <CheckIcon /> Completed
        </>
      ) : (
        title
      )}
    </td>
  );
}

/** How long ago, as a `<time>`. */
export function LastActivityCell({ at, now }: { at: string; now: number }) {
  return (
    <td className={CELL}>
      <time dateTime={at} suppressHydrationWarning>
        {timeAgo(at, now)}
      </time>
    </td>
  );
}

/** When the learner completed (and how long it took), or a dash. */
export function CompletedCell({ at, seconds }: { at: string | null; seconds: number | null }) {
  return (
    <td className={CELL}>
      {at ? (
        <>
          <time dateTime={at} suppressHydrationWarning>
            {clock(at)}
          </time>
          {seconds !== null && <TookFor seconds={seconds} />}
        </>
      ) : (
        '—'
      )}
    </td>
  );
}

/** "in 12 min", under a status. */
export function TookFor({ seconds }: { seconds: number }) {
  return <span className="block text-xs text-slate-700 dark:text-slate-300">in {formatDuration(seconds)}</span>;
}

/**
 * One learner's row of an exercise's table: name (and stuck), current step, then `children`
 * (a cell per step), total attempts, last activity and completion.
 */
export function ExerciseLearnerRow({
  cohortId,
  row,
  currentTitle,
  attempts,
  now,
  children,
}: {
  cohortId: string;
  row: ExerciseRow;
  currentTitle: React.ReactNode;
  attempts: number;
  now: number;
  children: React.ReactNode;
}) {
  return (
    <tr data-testid="learner-row" data-stuck={row.stuck ? 'true' : 'false'} className={learnerRowClass(Boolean(row.stuck))}>
      <LearnerNameCell cohortId={cohortId} learnerId={row.learnerId} displayName={row.displayName} stuck={row.stuck} />
      <CurrentStepCell complete={row.currentStep === 'complete'} title={currentTitle} />
      {children}
      <td className={CELL}>{attempts}</td>
      <LastActivityCell at={row.lastActivityAt} now={now} />
      <CompletedCell at={row.completedAt} seconds={row.timeToCompleteSeconds} />
    </tr>
  );
}
