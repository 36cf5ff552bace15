/** Reads a cohort's course view (lib/cohorts/course.ts): five queries, whatever the class's size. */
import type { ExerciseDeclaration } from '../course/types';
import type { DB } from '../db/client';
import { buildCourseRows, type CourseRow } from './course';
import { cohortAttempts, readMembers, readProviders, toAttemptInput } from './exercise-store';

/** The course rows of a cohort (one per learner, or of one learner), over `exercises` in the cohort's order. */
export async function fetchCourseRows(
  db: DB,
  cohortId: string,
  exercises: readonly ExerciseDeclaration[],
  learnerId?: string,
): Promise<CourseRow[]> {
  const members = await readMembers(db, cohortId, learnerId);
  if (members.length === 0 || exercises.length === 0)
    return buildCourseRows({ members, providers: [], runs: [], steps: [], attempts: [] }, exercises);
  const ids = members.map((m) => m.learnerId);
  const exerciseIds = exercises.map((e) => e.id);
  const [providers, runs, steps, attempts] = await Promise.all([
    readProviders(db, ids),
    db
      .selectFrom('exercise_runs')
      .select(['learner_id', 'exercise', 'started_at', 'completed_at'])
      .where('learner_id', 'in', ids)
      .where('exercise', 'in', exerciseIds)
      .execute(),
    db
      .selectFrom('exercise_steps')
      .select(['learner_id', 'exercise', 'step', 'status', 'attempts', 'updated_at'])
      .where('learner_id', 'in', ids)
      .where('exercise', 'in', exerciseIds)
      .execute(),
    cohortAttempts(db, cohortId, { learnerId }),
  ]);
  return buildCourseRows(
    {
      members,
      providers,
      runs: runs.map((r) => ({ learnerId: r.learner_id, exercise: r.exercise, startedAt: r.started_at, completedAt: r.completed_at })),
      steps: steps.map((s) => ({
        learnerId: s.learner_id,
        exercise: s.exercise,
        step: s.step,
        status: s.status,
        attempts: Number(s.attempts),
        lastCodes: [],
        updatedAt: s.updated_at,
        artifact: null,
      })),
      attempts: attempts.filter((a) => exerciseIds.includes(a.exercise)).map((a) => ({ ...toAttemptInput(a), exercise: a.exercise })),
    },
    exercises,
  );
}

/** What the course view shows first: its rows, and when they were read (epoch ms). */
export async function fetchCourseDashboard(db: DB, cohortId: string, exercises: readonly ExerciseDeclaration[], now = new Date()) {
  return { rows: await fetchCourseRows(db, cohortId, exercises), readAt: now.getTime() };
}
