/**
 * The course view of a cohort (issue 21): one row per learner, one cell per exercise the
 * cohort does — its status, steps done, attempts, first and last check, completion and the
 * time it took. Pure, from plain data (lib/cohorts/course-store.ts reads it); each learner's
 * exercise status is the engine's (toCourseView), so the instructor sees what the learner sees.
 */
import { checkedSteps } from '../course/catalogue';
import type { ExerciseDeclaration } from '../course/types';
import type { ProviderConfig } from '../exercise/setup';
import { toCourseView, type RunRow, type StepRow } from '../engine/view';
import { secondsToComplete, type AttemptInput, type MemberInput } from './dashboard';

export type CourseStatus = 'not_started' | 'in_progress' | 'completed';

export interface CourseCell {
  exercise: string;
  status: CourseStatus;
  /** Checked steps passed, of `steps`. */
  stepsDone: number;
  steps: number;
  /** Checks of the exercise recorded in this cohort. */
  attempts: number;
  /** The learner's first check of the exercise in this cohort, or null before any. */
  startedAt: string | null;
  /** Their last check of it in this cohort, or null. */
  lastActivityAt: string | null;
  completedAt: string | null;
  /** From the first check in this cohort to completion, as on the per-exercise view; null until then. */
  timeToCompleteSeconds: number | null;
}

export interface CourseRow {
  learnerId: string;
  displayName: string;
  joinedAt: string;
  /** The last check of any of the cohort's exercises, or when they joined. */
  lastActivityAt: string;
  /** How many of the cohort's exercises they completed. */
  completed: number;
  /** One per exercise of the cohort, in the cohort's order. */
  exercises: CourseCell[];
}

export interface CourseInput {
  members: MemberInput[];
  /** Each learner's server (the server choice counts as setup done in every exercise). */
  providers: { learnerId: string; provider: ProviderConfig | null }[];
  runs: (RunRow & { learnerId: string })[];
  steps: (StepRow & { learnerId: string })[];
  /** The cohort's attempts, of every exercise. */
  attempts: (AttemptInput & { exercise: string })[];
}

function groupByLearner<T extends { learnerId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.learnerId);
    if (group) group.push(item);
    else groups.set(item.learnerId, [item]);
  }
  return groups;
}

/** The course rows of a cohort whose exercises are `exercises` (in its order). */
export function buildCourseRows(input: CourseInput, exercises: readonly ExerciseDeclaration[]): CourseRow[] {
  const providers = new Map(input.providers.map((p) => [p.learnerId, p.provider]));
  const runs = groupByLearner(input.runs);
  const steps = groupByLearner(input.steps);
  const attempts = groupByLearner(input.attempts);
  return input.members.map((member) => {
    const view = toCourseView(
      providers.get(member.learnerId) ?? null,
      runs.get(member.learnerId) ?? [],
      steps.get(member.learnerId) ?? [],
      exercises,
    );
    const mine = [...(attempts.get(member.learnerId) ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const cells = view.exercises.map((exercise): CourseCell => {
      const checks = mine.filter((a) => a.exercise === exercise.id);
      const startedAt = checks[0]?.createdAt ?? null;
      return {
        exercise: exercise.id,
        status: exercise.status === 'coming' ? 'not_started' : exercise.status,
        stepsDone: exercise.stepsDone,
        steps: exercise.steps.length,
        attempts: checks.length,
        startedAt,
        lastActivityAt: checks.at(-1)?.createdAt ?? null,
        completedAt: exercise.completedAt,
        timeToCompleteSeconds: secondsToComplete(startedAt, exercise.completedAt),
      };
    });
    return {
      learnerId: member.learnerId,
      displayName: member.displayName,
      joinedAt: member.joinedAt,
      lastActivityAt: mine.at(-1)?.createdAt ?? member.joinedAt,
      completed: cells.filter((c) => c.status === 'completed').length,
      exercises: cells,
    };
  });
}

/** The course view's columns: each exercise of the cohort, with its checked steps (what a per-exercise view shows). */
export function courseColumns(exercises: readonly ExerciseDeclaration[]) {
  return exercises.map((exercise) => ({
    id: exercise.id,
    title: exercise.title,
    steps: checkedSteps(exercise).map((step) => ({ id: step.id, title: step.title })),
  }));
}

/** A course cell's status in words, as the course view and its CSV write it. */
export function courseStatusWords(cell: Pick<CourseCell, 'status' | 'stepsDone' | 'steps'>): string {
  if (cell.status === 'completed') return 'completed';
  if (cell.status === 'in_progress') return `in progress ${cell.stepsDone}/${cell.steps}`;
  return 'not started';
}

/** The status alone in words (the CSV has the steps in their own columns). */
export const COURSE_STATUS_WORDS: Record<CourseStatus, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  completed: 'completed',
};
