/** A learner's timeline in a cohort: every check, labelled with its exercise, and each exercise's summary. */
import { findBuiltExercise } from '../course/catalogue';
import type { DB } from '../db/client';
import { refresh } from '../course/exercises/refresh';
import type { CourseCell } from './course';
import { fetchCourseRows } from './course-store';
import { secondsToComplete } from './dashboard';
import { cohortAttempts } from './exercise-store';
import { cohortExerciseDeclarations, parseCohortExercises } from './exercises';

export interface AttemptView {
  at: string;
  /** The exercise the check belongs to (lib/course/exercises). */
  exercise: string;
  step: string;
  status: 'pass' | 'fail';
  codes: string[];
  claims: Record<string, unknown> | null;
}

export interface LearnerTimeline {
  displayName: string;
  joinedAt: string;
  /** The exercise the summary below and the attempts are of, or null: every exercise's attempts, the summary Refresh Tokens'. */
  exercise: string | null;
  /** The first check of the exercise in this cohort, or null before any. */
  startedAt: string | null;
  completedAt: string | null;
  /** First check to completion, as on the dashboard; null until completed. */
  timeToCompleteSeconds: number | null;
  /** The cohort's exercises, in its order, as the course view shows them for this learner. */
  exercises: CourseCell[];
  attempts: AttemptView[];
}

/**
 * A learner's attempt timeline in a cohort (decoded claims only — never tokens): of one
 * exercise, or of all of them. The summary (first check, completion, time) is the given
 * exercise's; with none given, the Refresh Tokens exercise's, as before the course (each
 * exercise's is in `exercises`). Null when the learner is not in the cohort.
 */
export async function fetchLearnerTimeline(
  db: DB,
  cohortId: string,
  learnerId: string,
  exercise: string | null = null,
): Promise<LearnerTimeline | null> {
  const member = await db
    .selectFrom('cohort_members')
    .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
    .select(['cohort_members.display_name', 'cohort_members.joined_at', 'cohorts.exercises'])
    .where('cohort_members.cohort_id', '=', cohortId)
    .where('cohort_members.learner_id', '=', learnerId)
    .executeTakeFirst();
  if (!member) return null;
  const summarised = exercise ?? refresh.id;
  const declarations = cohortExerciseDeclarations(parseCohortExercises(member.exercises));
  const [attempts, run, [row]] = await Promise.all([
    cohortAttempts(db, cohortId, { learnerId, exercise: exercise ?? undefined }),
    db
      .selectFrom('exercise_runs')
      .select('completed_at')
      .where('learner_id', '=', learnerId)
      .where('exercise', '=', summarised)
      .executeTakeFirst(),
    fetchCourseRows(db, cohortId, declarations, learnerId),
  ]);
  const startedAt = attempts.find((a) => a.exercise === summarised)?.created_at ?? null;
  const completedAt = run?.completed_at ?? null;
  return {
    displayName: member.display_name,
    joinedAt: member.joined_at,
    exercise,
    startedAt,
    completedAt,
    timeToCompleteSeconds: secondsToComplete(startedAt, completedAt),
    exercises: row?.exercises ?? [],
    attempts: attempts.map((a) => ({
      at: a.created_at,
      exercise: a.exercise,
      step: a.step,
      status: a.status,
      codes: JSON.parse(a.codes) as string[],
      claims: a.claims ? (JSON.parse(a.claims) as Record<string, unknown>) : null,
    })),
  };
}

/** An exercise's title for the timeline, or its id when it is not a built exercise (any more). */
export const exerciseTitle = (id: string) => findBuiltExercise(id)?.title ?? id;
