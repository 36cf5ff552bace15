import { StepStatusMark } from '@/components/instructor/step-status';
import { courseStatusWords, type CourseCell } from '@/lib/cohorts/course';
import type { ExerciseRow } from '@/lib/cohorts/dashboard';
import { formatDuration } from '@/lib/cohorts/format';

/**
 * A learner's exercises in the cohort, in its order: each one's status, checks and time, and
 * the steps of each exercise but Refresh Tokens (whose six steps, Enable among them, have
 * their own list on the page).
 */
export function LearnerExercises({
  cells,
  exercises,
  rows,
}: {
  cells: CourseCell[];
  exercises: readonly { id: string; title: string; steps: readonly { id: string; title: string }[] }[];
  /** The learner's row in each exercise's view but Refresh Tokens', by exercise id. */
  rows: Record<string, ExerciseRow | undefined>;
}) {
  return (
    <section aria-labelledby="exercises-heading" className="space-y-3">
      <h2 id="exercises-heading" className="text-xl font-semibold">
        Exercises
      </h2>
      <ol className="grid gap-2 text-sm sm:grid-cols-2">
        {cells.map((cell) => {
          const exercise = exercises.find((e) => e.id === cell.exercise);
          const row = rows[cell.exercise];
          return (
            <li
              key={cell.exercise}
              data-exercise={cell.exercise}
              className="space-y-1 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-medium">{exercise?.title ?? cell.exercise}</span>
                <span>
                  {courseStatusWords(cell)}
                  {cell.attempts > 0 && ` · ${cell.attempts} ${cell.attempts === 1 ? 'check' : 'checks'}`}
                  {cell.timeToCompleteSeconds !== null && ` · in ${formatDuration(cell.timeToCompleteSeconds)}`}
                </span>
              </div>
              {row && exercise && (
                <ul className="flex flex-wrap gap-x-4 gap-y-0.5 text-slate-800 dark:text-slate-200">
                  {exercise.steps.map((step) => (
                    <li key={step.id}>
                      {step.title}: <StepStatusMark status={row.steps[step.id]?.status ?? 'pending'} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
