import { CHECK_STEPS, type StepId, type StepStatus } from '../exercise/steps';
import type { ExerciseState } from './store';

export interface ProgressView {
  provider: ExerciseState['provider'];
  steps: Record<StepId, { status: StepStatus; attempts: number }>;
  /** How many of the five checked steps pass (the progress bar's value). */
  stepsDone: number;
  /** The first checked step that does not pass yet, or null when complete. */
  currentStep: StepId | null;
  completedAt: string | null;
}

/** `GET /api/progress`'s answer (docs/api.md), plus derived convenience fields. */
export function toProgressView(state: ExerciseState): ProgressView {
  const steps = Object.fromEntries(
    CHECK_STEPS.map((step) => [step, { status: state.steps[step].status, attempts: state.steps[step].attempts }]),
  ) as ProgressView['steps'];
  return {
    provider: state.provider,
    steps,
    stepsDone: CHECK_STEPS.filter((step) => steps[step].status === 'pass').length,
    currentStep: CHECK_STEPS.find((step) => steps[step].status !== 'pass') ?? null,
    completedAt: state.completedAt,
  };
}
