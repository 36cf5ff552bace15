/**
 * A learner's six steps as the instructor sees them: the dashboard's columns, the CSV's, the
 * timeline's summary and the mistakes chart all walk `JOURNEY` (lib/exercise/steps.ts) through
 * these helpers, so Enable, which has no check, is never left out. Pure, and light enough for
 * the browser (the live dashboard uses them).
 */
import { isEnableDone, JOURNEY, type JourneySlug, type StepId, type StepStatus } from '../exercise/steps';
import type { DashboardRow } from './dashboard';

/**
 * Enable refresh tokens, for an instructor: `done` (see `isEnableDone`); `skipped` when the
 * learner went past it (a later step was checked) while their practice app still does not
 * allow the Refresh Token grant; `unknown` when they went past it on their own server, whose
 * settings the site cannot see, before a token response proved it; else `pending`.
 */
export type EnableStatus = 'done' | 'skipped' | 'unknown' | 'pending';

/** What the journey helpers read of a dashboard row. */
type JourneyRow = Pick<DashboardRow, 'currentStep' | 'steps' | 'enable' | 'stuck'>;

const ENABLE_INDEX = JOURNEY.findIndex((step) => step.check === null);
/** The checked steps after Enable: checking one of them is going past it. */
const AFTER_ENABLE = JOURNEY.slice(ENABLE_INDEX + 1).flatMap((step) => (step.check ? [step.check] : []));

/** Enable's status from the app's grant (null: not known) and the checked steps' progress. */
export function enableStatusOf(refreshGrantEnabled: boolean | null, steps: Record<StepId, { status: StepStatus }>): EnableStatus {
  if (isEnableDone(refreshGrantEnabled, steps['token-response'].status)) return 'done';
  if (!AFTER_ENABLE.some((step) => steps[step].status !== 'pending')) return 'pending';
  return refreshGrantEnabled === false ? 'skipped' : 'unknown';
}

/** One of the six steps in a learner's row: a checked step with its attempts, or Enable. */
export type JourneyCell = { slug: JourneySlug; title: string } & (
  { check: StepId; status: StepStatus; attempts: number } | { check: null; status: EnableStatus }
);

/** The learner's six steps, in journey order. */
export function journeyCells(row: Pick<JourneyRow, 'steps' | 'enable'>): JourneyCell[] {
  return JOURNEY.map((step): JourneyCell => {
    if (step.check === null) return { slug: step.slug, title: step.title, check: null, status: row.enable.status };
    const { status, attempts } = row.steps[step.check];
    return { slug: step.slug, title: step.title, check: step.check, status, attempts };
  });
}

/** A step counts as done once it passed (a checked step) or is done (Enable). */
export const isCellDone = (cell: JourneyCell) => cell.status === 'pass' || cell.status === 'done';

/** How many of the six steps are done. */
export const stepsDone = (row: Pick<JourneyRow, 'steps' | 'enable'>) => journeyCells(row).filter(isCellDone).length;

/**
 * The step the learner is on: the first not done and not gone past (Enable, while no later
 * step was checked), or `complete`. Unlike the row's `currentStep` (the first checked step not
 * passed, a stable API id), it can be Enable.
 */
export function currentJourneyStep(row: Pick<JourneyRow, 'currentStep' | 'steps' | 'enable'>): JourneySlug | 'complete' {
  if (row.currentStep === 'complete') return 'complete';
  const cell = journeyCells(row).find((c) => (c.check === null ? c.status === 'pending' : c.status !== 'pass'));
  return cell?.slug ?? 'complete';
}

/** The current step's title as the pages write it, or "Completed". */
export function currentStepTitle(row: Pick<JourneyRow, 'currentStep' | 'steps' | 'enable'>): string {
  const slug = currentJourneyStep(row);
  return slug === 'complete' ? 'Completed' : JOURNEY.find((step) => step.slug === slug)!.title;
}

/**
 * The title of the step a stuck learner is stuck on: the failing step, or for a long idle
 * one the step they are on (which can be Enable). Null when they are not stuck.
 */
export function stuckStepTitle(row: JourneyRow): string | null {
  if (!row.stuck) return null;
  if (row.stuck.reason === 'idle') return currentStepTitle(row);
  return JOURNEY.find((step) => step.check === row.stuck!.step)?.title ?? row.stuck.step;
}

/** Each status in words, as the dashboard, the timeline and the CSV write it. */
export const STATUS_WORDS: Record<StepStatus | EnableStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  pending: 'not yet',
  done: 'done',
  skipped: 'skipped',
  unknown: 'not known',
};
