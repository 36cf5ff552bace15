import { CHECK_STEPS, isEnableDone, JOURNEY, type JourneySlug, type StepId, type StepStatus } from '../exercise/steps';
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

/** One step of the journey as the step list and progress bar show it. */
export interface JourneyStepView {
  slug: JourneySlug;
  title: string;
  number: number;
  status: StepStatus;
}

export interface JourneyView {
  steps: JourneyStepView[];
  /** Steps done (the progress bar's `aria-valuenow`), of `steps.length`. */
  done: number;
  /** The first step not done yet, or null when all are. */
  next: JourneySlug | null;
  completed: boolean;
}

/**
 * The six steps with their status, from the checked steps' progress. Enable has no check:
 * `isEnableDone` (lib/exercise/steps.ts) says when it is done.
 */
export function toJourneyView(progress: ProgressView, refreshGrantEnabled: boolean | null): JourneyView {
  const steps = JOURNEY.map((step, index): JourneyStepView => {
    let status: StepStatus;
    if (step.check) status = progress.steps[step.check].status;
    else status = isEnableDone(refreshGrantEnabled, progress.steps['token-response'].status) ? 'pass' : 'pending';
    return { slug: step.slug, title: step.title, number: index + 1, status };
  });
  return {
    steps,
    done: steps.filter((step) => step.status === 'pass').length,
    next: steps.find((step) => step.status !== 'pass')?.slug ?? null,
    completed: progress.completedAt !== null,
  };
}
