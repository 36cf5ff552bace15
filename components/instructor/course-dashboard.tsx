'use client';

import type { CourseRow } from '@/lib/cohorts/course';
import { CourseTable } from './course-table';
import { clockOf, useLive } from './use-live';

/** The course view, live: every learner's progress in each of the cohort's exercises. */
export function CourseDashboard({
  cohortId,
  exercises,
  initialRows,
  renderedAt,
}: {
  cohortId: string;
  exercises: { id: string; title: string }[];
  initialRows: CourseRow[];
  renderedAt: number;
}) {
  const { data, updatedAt, stale } = useLive<{ learners: CourseRow[] }>(
    `/api/instructor/cohorts/${cohortId}/course`,
    { learners: initialRows },
    renderedAt,
  );
  const rows = data.learners;
  const done = rows.filter((r) => r.completed === r.exercises.length && r.exercises.length > 0).length;
  return (
    <section aria-labelledby="course-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="course-heading" className="text-xl font-semibold">
          Course
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {rows.length} {rows.length === 1 ? 'learner' : 'learners'} · {done} completed every exercise ·{' '}
          <span suppressHydrationWarning>
            {stale ? `Not updated since ${clockOf(updatedAt)} (retrying)` : `Updated ${clockOf(updatedAt)}`}
          </span>
        </p>
      </div>
      {rows.length === 0 ? (
        <p>No one has joined yet. Share the join code or link above.</p>
      ) : (
        <CourseTable cohortId={cohortId} exercises={exercises} rows={rows} now={updatedAt} />
      )}
    </section>
  );
}
