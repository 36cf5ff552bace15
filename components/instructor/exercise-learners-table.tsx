'use client';

import Link from 'next/link';
import { CELL, ScrollTable, STICKY } from '@/components/instructor/scroll-table';
import { StepStatusMark } from '@/components/instructor/step-status';
import { timeAgo } from '@/components/instructor/time-ago';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import type { ExerciseRow } from '@/lib/cohorts/dashboard';
import { formatDuration } from '@/lib/cohorts/format';

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * One exercise's table (any exercise but Refresh Tokens, which has {@link LearnersTable} with
 * Enable): one row per learner with the exercise's checked steps as columns, from its
 * declaration; stuck learners marked in words and colour.
 */
export function ExerciseLearnersTable({
  cohortId,
  exerciseTitle,
  steps,
  rows,
  now,
}: {
  cohortId: string;
  exerciseTitle: string;
  steps: readonly { id: string; title: string }[];
  rows: ExerciseRow[];
  now: number;
}) {
  const title = (id: string) => steps.find((step) => step.id === id)?.title ?? id;
  return (
    <ScrollTable label="Learners table" fitsFromLg={steps.length <= 6}>
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">
          Learners of this cohort in {exerciseTitle}: their current step and each step&apos;s status and attempts
        </caption>
        <thead>
          <tr className="bg-slate-50 dark:bg-slate-800">
            <th scope="col" className={cn(CELL, STICKY, 'align-bottom font-semibold')}>
              Name
            </th>
            <th scope="col" className={cn(CELL, 'align-bottom font-semibold')}>
              Current step
            </th>
            {steps.map((step) => (
              <th key={step.id} scope="col" className={cn(CELL, 'align-bottom font-semibold')}>
                {step.title}
              </th>
            ))}
            {['Attempts', 'Last activity', 'Completed'].map((heading) => (
              <th key={heading} scope="col" className={cn(CELL, 'align-bottom font-semibold')}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.learnerId}
              data-testid="learner-row"
              data-stuck={row.stuck ? 'true' : 'false'}
              className={cn(
                'border-t border-slate-200 dark:border-slate-800',
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
                  title(row.currentStep)
                )}
              </td>
              {steps.map((step) => {
                const cell = row.steps[step.id] ?? { status: 'pending' as const, attempts: 0 };
                return (
                  <td key={step.id} className={CELL} data-column={step.id}>
                    <StepStatusMark status={cell.status} />
                    {cell.attempts > 0 && <span className="text-slate-700 dark:text-slate-300"> ({cell.attempts})</span>}
                  </td>
                );
              })}
              <td className={CELL}>{Object.values(row.steps).reduce((sum, cell) => sum + cell.attempts, 0)}</td>
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
