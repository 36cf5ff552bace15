/**
 * The course as the API and the pages show it (SPEC §9): every exercise with its status and
 * per-step progress, from the declarations and the learner's runs. Pure: the loader in
 * ./course-progress.ts reads the rows.
 */
import { checkedSteps, COURSE, exerciseHref } from '../course/catalogue';
import type { ExerciseDeclaration } from '../course/types';
import type { ProviderConfig } from '../exercise/setup';
import { PENDING_STEP, type StepRecord, type StepStatus } from './store';

export type ExerciseStatus = 'coming' | 'not_started' | 'in_progress' | 'completed';

export interface StepView {
  id: string;
  title: string;
  kind: string;
  status: StepStatus;
  attempts: number;
}

export interface ExerciseView {
  id: string;
  title: string;
  goal: string;
  minutes: number;
  prerequisites: { id: string; title: string; completed: boolean }[];
  prerequisiteReason: string | null;
  app: string | null;
  status: ExerciseStatus;
  href: string;
  /** The checked steps (a console task is done by what it changes and not counted). */
  steps: StepView[];
  stepsDone: number;
  currentStep: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface CourseView {
  /** The learner's server (no secrets), shared by every exercise. */
  provider: ProviderConfig | null;
  exercises: ExerciseView[];
  /** Built exercises completed, of those built. */
  completed: number;
  built: number;
  /** When the last built exercise of the course was completed, or null. */
  completedAt: string | null;
}

export interface RunRow {
  exercise: string;
  startedAt: string;
  completedAt: string | null;
}

export interface StepRow extends StepRecord {
  exercise: string;
  step: string;
}

function exerciseView(
  exercise: ExerciseDeclaration,
  provider: ProviderConfig | null,
  run: RunRow | undefined,
  steps: Map<string, StepRecord>,
  completedIds: Set<string>,
): ExerciseView {
  const views = checkedSteps(exercise).map((step): StepView => {
    const record = steps.get(step.id) ?? PENDING_STEP;
    // The server choice counts as done wherever it was made.
    const status = step.kind === 'setup' && provider ? 'pass' : record.status;
    return { id: step.id, title: step.title, kind: step.kind, status, attempts: record.attempts };
  });
  const completedAt = run?.completedAt ?? null;
  let status: ExerciseStatus = 'not_started';
  if (exercise.status === 'coming') status = 'coming';
  else if (completedAt) status = 'completed';
  else if (run) status = 'in_progress';
  return {
    id: exercise.id,
    title: exercise.title,
    goal: exercise.goal,
    minutes: exercise.minutes,
    prerequisites: exercise.prerequisites.map((id) => ({
      id,
      title: COURSE.find((e) => e.id === id)?.title ?? id,
      completed: completedIds.has(id),
    })),
    prerequisiteReason: exercise.prerequisiteReason ?? null,
    app: exercise.app,
    status,
    href: exerciseHref(exercise),
    steps: views,
    stepsDone: views.filter((s) => s.status === 'pass').length,
    currentStep: exercise.status === 'built' ? (views.find((s) => s.status !== 'pass')?.id ?? null) : null,
    startedAt: run?.startedAt ?? null,
    completedAt,
  };
}

/** The course for one learner, in course order (or the order given: a cohort's choice). */
export function toCourseView(
  provider: ProviderConfig | null,
  runs: RunRow[],
  stepRows: StepRow[],
  exercises: readonly ExerciseDeclaration[] = COURSE,
): CourseView {
  const runOf = new Map(runs.map((r) => [r.exercise, r]));
  const completedIds = new Set(runs.filter((r) => r.completedAt).map((r) => r.exercise));
  const stepsOf = new Map<string, Map<string, StepRecord>>();
  for (const row of stepRows) {
    if (!stepsOf.has(row.exercise)) stepsOf.set(row.exercise, new Map());
    stepsOf.get(row.exercise)!.set(row.step, row);
  }
  const views = exercises.map((e) => exerciseView(e, provider, runOf.get(e.id), stepsOf.get(e.id) ?? new Map(), completedIds));
  const built = views.filter((v) => v.status !== 'coming');
  const completed = built.filter((v) => v.status === 'completed');
  const allDone = built.length > 0 && completed.length === built.length;
  return {
    provider,
    exercises: views,
    completed: completed.length,
    built: built.length,
    completedAt: allDone
      ? completed
          .map((v) => v.completedAt!)
          .sort()
          .at(-1)!
      : null,
  };
}
