/**
 * The engine's one use case for a check (SPEC §9): find the exercise's step, load the
 * learner's run, make sure the server is chosen where the kind needs it, run the kind's
 * checker with the step's parameters, and record the attempt with what it changes.
 */
import { checkedSteps, findBuiltExercise, findStep } from '../course/catalogue';
import type { ExerciseDeclaration, StepDeclaration } from '../course/types';
import type { DB } from '../db/client';
import type { Env } from '../env';
import type { Report } from '../exercise/report';
import type { LearnerRef } from '../learners/admission';
import { PrerequisiteMissing } from '../progress/errors';
import { kindOf } from './kinds';
import type { CheckKindDefinition } from './kinds/types';
import { loadRun, recordAttempt, type AttemptEffects, type ExerciseRun } from './store';

/** A step that exists, with its check kind (null: no such exercise, step, or no check on it). */
export function findCheck(
  exerciseId: string,
  stepId: string,
): { exercise: ExerciseDeclaration; step: StepDeclaration; kind: CheckKindDefinition<unknown> } | null {
  const exercise = findBuiltExercise(exerciseId);
  const step = exercise ? findStep(exercise, stepId) : null;
  const kind = step ? kindOf(step.kind) : null;
  return exercise && step && kind ? { exercise, step, kind } : null;
}

/** Where a learner without a server chooses one: the first exercise's server step. */
export const CHOOSE_SERVER_HINT =
  'Choose your authorization server first: the step “Choose your server” of Getting Started (/exercise/getting-started/setup).';

export async function runStep(
  db: DB,
  env: Env,
  learner: LearnerRef,
  found: NonNullable<ReturnType<typeof findCheck>>,
  body: unknown,
  now: Date = new Date(),
): Promise<Report<string>> {
  const { exercise, step, kind } = found;
  const run = await loadRun(db, learner.id, exercise.id);
  if (kind.needsServer && !run.provider) throw new PrerequisiteMissing(CHOOSE_SERVER_HINT);
  const outcome = await kind.check({ db, env, learner, exercise, step, run, provider: run.provider, now }, body);
  const report = { ...outcome.report, step: step.id };
  const effects: AttemptEffects = { ...outcome.effects };
  if (report.status === 'pass' && !effects.completion && !effects.provider && completesRun(exercise, run, step.id)) {
    const completedAt = now.toISOString();
    effects.completion = { completedAt, completion: { steps: checkedSteps(exercise).map((s) => s.title), completedAt } };
  }
  await recordAttempt(db, learner.id, exercise.id, report, effects, now);
  return report;
}

/** Whether passing `stepId` makes every checked step of the exercise pass (the server choice counts when made). */
function completesRun(exercise: ExerciseDeclaration, run: ExerciseRun, stepId: string): boolean {
  return checkedSteps(exercise).every(
    (s) => s.id === stepId || run.steps[s.id]?.status === 'pass' || (s.kind === 'setup' && run.provider !== null),
  );
}
