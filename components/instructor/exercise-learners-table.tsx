'use client';

import { CELL, ScrollTable, STICKY } from '@/components/instructor/scroll-table';
import { StepStatusMark } from '@/components/instructor/step-status';
import { ExerciseLearnerRow, HeaderCell } from '@/components/instructor/table-parts';
import type { ExerciseRow } from '@/lib/cohorts/dashboard';

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
            <HeaderCell className={STICKY}>Name</HeaderCell>
            <HeaderCell>Current step</HeaderCell>
            {steps.map((step) => (
              <HeaderCell key={step.id}>{step.title}</HeaderCell>
            ))}
            {['Attempts', 'Last activity', 'Completed'].map((heading) => (
              <HeaderCell key={heading}>{heading}</HeaderCell>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ExerciseLearnerRow
              key={row.learnerId}
              cohortId={cohortId}
              row={row}
              currentTitle={title(row.currentStep)}
              attempts={Object.values(row.steps).reduce((sum, cell) => sum + cell.attempts, 0)}
              now={now}
            >
              {steps.map((step) => {
                const cell = row.steps[step.id] ?? { status: 'pending' as const, attempts: 0 };
                return (
                  <td key={step.id} className={CELL} data-column={step.id}>
                    <StepStatusMark status={cell.status} />
                    {cell.attempts > 0 && <span className="text-slate-700 dark:text-slate-300"> ({cell.attempts})</span>}
                  </td>
                );
              })}
            </ExerciseLearnerRow>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
