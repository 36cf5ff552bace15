import type { StepId } from '../exercise/report';
import { CHECK_STEPS, type ExerciseState, type StepStatus } from './store';

/** The journey's pages, in order; `check` names the API step a page completes. */
export const JOURNEY = [
  { slug: 'setup', title: 'Choose your server', check: 'setup' },
  { slug: 'enable', title: 'Enable refresh tokens', check: null },
  { slug: 'authorize', title: 'Build the authorization URL', check: 'authorize-url' },
  { slug: 'redirect', title: 'Capture the authorization code', check: 'redirect' },
  { slug: 'token', title: 'Exchange the code', check: 'token-response' },
  { slug: 'refresh', title: 'Use the refresh token', check: 'refresh-response' },
  { slug: 'complete', title: 'Complete', check: null },
] as const satisfies readonly { slug: string; title: string; check: StepId | null }[];

export interface ProgressView {
  provider: ExerciseState['provider'];
  steps: Record<StepId, { status: StepStatus; attempts: number }>;
  /** How many of the five checked steps pass (the progress bar's value). */
  stepsDone: number;
  /** The first checked step that does not pass yet, or null when complete. */
  currentStep: StepId | null;
  completedAt: string | null;
}

/** `GET /api/progress`'s answer (SPEC §4), plus derived convenience fields. */
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
