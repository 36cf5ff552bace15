'use client';

import type { ExerciseRow, MistakeCount } from '@/lib/cohorts/dashboard';
import { ExerciseLearnersTable } from './exercise-learners-table';
import { MistakesChart } from './mistakes-chart';
import { clockOf, useLive } from './use-live';

/**
 * One exercise's view, live (any exercise but Refresh Tokens, whose view is {@link CohortDashboard}):
 * its learners table and its most common mistakes, with the exercise's checked steps as columns.
 */
export function ExerciseDashboard({
  cohortId,
  exercise,
  initialRows,
  initialMistakes,
  renderedAt,
}: {
  cohortId: string;
  exercise: { id: string; title: string; steps: { id: string; title: string }[] };
  initialRows: ExerciseRow[];
  initialMistakes: Record<string, MistakeCount[]>;
  renderedAt: number;
}) {
  const base = `/api/instructor/cohorts/${cohortId}`;
  const query = `?exercise=${encodeURIComponent(exercise.id)}`;
  const learners = useLive<{ learners: ExerciseRow[] }>(`${base}/learners${query}`, { learners: initialRows }, renderedAt);
  const mistakes = useLive<{ steps: Record<string, MistakeCount[]> }>(`${base}/mistakes${query}`, { steps: initialMistakes }, renderedAt);
  const rows = learners.data.learners;
  const stuck = rows.filter((r) => r.stuck).length;
  const done = rows.filter((r) => r.completedAt).length;
  return (
    <div className="space-y-8">
      <section aria-labelledby="learners-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="learners-heading" className="text-xl font-semibold">
            Learners: {exercise.title}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {rows.length} {rows.length === 1 ? 'learner' : 'learners'} · {done} completed · {stuck} may be stuck ·{' '}
            <span suppressHydrationWarning>
              {learners.stale ? `Not updated since ${clockOf(learners.updatedAt)} (retrying)` : `Updated ${clockOf(learners.updatedAt)}`}
            </span>
          </p>
        </div>
        {rows.length === 0 ? (
          <p>No one has joined yet. Share the join code or link above.</p>
        ) : (
          <ExerciseLearnersTable
            cohortId={cohortId}
            exerciseTitle={exercise.title}
            steps={exercise.steps}
            rows={rows}
            now={learners.updatedAt}
          />
        )}
      </section>
      <MistakesChart mistakes={mistakes.data.steps} steps={exercise.steps} />
    </div>
  );
}
