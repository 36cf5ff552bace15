import { REQUIRED_PARAMS } from '../exercise/authorize-url/params';
import type { DiagnosisCode, StepId } from '../exercise/report';
import { CHECK_STEPS, type StepStatus } from '../exercise/steps';
import { enableStatusOf, type EnableStatus } from './journey';

/** A learner looks stuck after this many failed checks in a row on one step… */
export const STUCK_FAILURES = 3;
/** …or after this long without a check while not finished. */
export const STUCK_IDLE_MINUTES = 15;

export interface MemberInput {
  learnerId: string;
  displayName: string;
  joinedAt: string;
}
export interface StepInput {
  learnerId: string;
  step: string;
  status: 'pass' | 'fail';
}
export interface GrantInput {
  learnerId: string;
  /** Whether the learner's practice app allows the Refresh Token grant; null on their own server (not known). */
  refreshGrantEnabled: boolean | null;
}
export interface AttemptInput {
  learnerId: string;
  step: string;
  status: 'pass' | 'fail';
  codes: string[];
  createdAt: string;
}

/** A step's cell in a learner's row: its status, and the attempts (and failures) recorded in this cohort. */
export interface StepCell {
  status: StepStatus;
  attempts: number;
  failures: number;
}

/** A learner's row in one exercise's view (`S`: the exercise's checked step ids). */
export interface ExerciseRow<S extends string = string> {
  learnerId: string;
  displayName: string;
  /** The first step not passed yet, or "complete". */
  currentStep: S | 'complete';
  steps: Record<S, StepCell>;
  joinedAt: string;
  /** The learner's first check of the exercise in this cohort, or null before any. */
  startedAt: string | null;
  lastActivityAt: string;
  completedAt: string | null;
  /** From the first check in this cohort to completion; null until then (or when they completed before it). */
  timeToCompleteSeconds: number | null;
  /** Every diagnosis code the learner's checks in this cohort reported (failures and warnings), first seen first. */
  mistakeCodes: string[];
  stuck: { reason: 'failures' | 'idle'; step: S; detail: string } | null;
}

/** A learner's row in the Refresh Tokens view: its five checked steps, and Enable. */
export interface DashboardRow extends ExerciseRow<StepId> {
  /** Enable refresh tokens, the step without a check (lib/cohorts/journey.ts). */
  enable: { status: EnableStatus };
}

/** Whole seconds from the first check to completion, or null when either is missing or they are out of order. */
export function secondsToComplete(startedAt: string | null, completedAt: string | null): number | null {
  if (!startedAt || !completedAt) return null;
  const seconds = Math.round((Date.parse(completedAt) - Date.parse(startedAt)) / 1000);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

export interface DashboardInput {
  members: MemberInput[];
  steps: StepInput[];
  completions: { learnerId: string; completedAt: string | null }[];
  attempts: AttemptInput[];
  /** Learners without one count as "not known" (their own server). */
  grants?: GrantInput[];
}

/**
 * One exercise's rows, from plain data (pure: the clock is passed in), with `stepIds` its
 * checked steps in order. Status comes from the learner's current progress; attempt counts
 * from the attempts recorded for this cohort (pass only this exercise's).
 */
export function buildExerciseRows<S extends string>(
  { members, steps, completions, attempts }: DashboardInput,
  now: Date,
  stepIds: readonly S[],
): ExerciseRow<S>[] {
  const attemptsOf = groupBy(attempts, (a) => a.learnerId);
  const stepsOf = groupBy(steps, (s) => s.learnerId);
  const completedAtOf = new Map(completions.map((c) => [c.learnerId, c.completedAt]));
  return members.map((member) => {
    const mine = [...(attemptsOf.get(member.learnerId) ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const stepStatus = new Map((stepsOf.get(member.learnerId) ?? []).map((s) => [s.step, s.status]));
    const rowSteps = Object.fromEntries(
      stepIds.map((step) => {
        const forStep = mine.filter((a) => a.step === step);
        return [
          step,
          {
            status: stepStatus.get(step) ?? 'pending',
            attempts: forStep.length,
            failures: forStep.filter((a) => a.status === 'fail').length,
          },
        ];
      }),
    ) as Record<S, StepCell>;
    const completedAt = completedAtOf.get(member.learnerId) ?? null;
    const currentStep: S | 'complete' = completedAt ? 'complete' : (stepIds.find((step) => rowSteps[step].status !== 'pass') ?? 'complete');
    const lastActivityAt = mine.at(-1)?.createdAt ?? member.joinedAt;
    const startedAt = mine[0]?.createdAt ?? null;
    return {
      learnerId: member.learnerId,
      displayName: member.displayName,
      currentStep,
      steps: rowSteps,
      joinedAt: member.joinedAt,
      startedAt,
      lastActivityAt,
      completedAt,
      timeToCompleteSeconds: secondsToComplete(startedAt, completedAt),
      mistakeCodes: [...new Set(mine.flatMap((a) => a.codes))],
      stuck: currentStep === 'complete' ? null : findStuck(currentStep, mine, lastActivityAt, now),
    };
  });
}

/**
 * The instructor dashboard's rows for the Refresh Tokens exercise, from plain data (pure: the
 * clock is passed in): {@link buildExerciseRows} over its checked steps, and Enable.
 */
export function buildDashboardRows(input: DashboardInput, now: Date): DashboardRow[] {
  const grants = new Map((input.grants ?? []).map((g) => [g.learnerId, g.refreshGrantEnabled]));
  return buildExerciseRows(input, now, CHECK_STEPS).map(({ learnerId, displayName, currentStep, steps, ...rest }) => ({
    learnerId,
    displayName,
    currentStep,
    steps,
    enable: { status: enableStatusOf(grants.get(learnerId) ?? null, steps) },
    ...rest,
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function findStuck<S extends string>(step: S, attempts: AttemptInput[], lastActivityAt: string, now: Date): ExerciseRow<S>['stuck'] {
  let streak = 0;
  for (const attempt of [...attempts].reverse()) {
    if (attempt.step !== step) continue;
    if (attempt.status === 'pass') break;
    streak += 1;
  }
  if (streak >= STUCK_FAILURES) return { reason: 'failures', step, detail: `${streak} failed checks in a row` };
  const idleMinutes = Math.floor((now.getTime() - Date.parse(lastActivityAt)) / 60_000);
  if (idleMinutes >= STUCK_IDLE_MINUTES) return { reason: 'idle', step, detail: `no check for ${idleMinutes} minutes` };
  return null;
}

export interface MistakeCount {
  code: DiagnosisCode;
  /** Attempts that reported the code (each attempt once, by root cause: see `rootCauseCodes`). */
  count: number;
  /** Distinct learners who hit it at least once. */
  learners: number;
}

/** What the authorization URL check says of a required parameter that is not there. */
const MISSING_REQUIRED: ReadonlySet<string> = new Set(REQUIRED_PARAMS.map((name) => `${name}.missing`));

/**
 * An attempt's codes with each root cause once. A misspelt parameter name (`redirect_url`) is
 * reported twice by the check: the unknown name (`param.unknown`, "did you mean…") and the
 * required parameter it hid (`redirect_uri.missing`). When there are no more missing required
 * parameters than unknown names, each can be a typo's consequence and only the typo counts.
 * With more, which one a typo hid is not recorded (attempts keep codes, not parameter names),
 * so all stay rather than hide a deleted line. The same record means an unrelated unknown name
 * beside a deleted line also counts as one typo; the learner's timeline still shows both codes.
 */
export function rootCauseCodes(codes: string[]): string[] {
  const unknown = codes.filter((code) => code === 'param.unknown').length;
  const missing = codes.filter((code) => MISSING_REQUIRED.has(code)).length;
  const hiddenByTypos = unknown > 0 && missing <= unknown;
  return [...new Set(codes.filter((code) => !(hiddenByTypos && MISSING_REQUIRED.has(code))))];
}

/**
 * Per step, the diagnosis codes hit most often in a cohort's attempts, most frequent first
 * (by attempts; at equal attempts, the mistake more learners made first). Each attempt counts
 * each root cause once ({@link rootCauseCodes}).
 */
export function countMistakes<S extends string = StepId>(
  attempts: AttemptInput[],
  stepIds: readonly S[] = CHECK_STEPS as unknown as readonly S[],
): Record<S, MistakeCount[]> {
  const result = Object.fromEntries(stepIds.map((step) => [step, [] as MistakeCount[]])) as Record<S, MistakeCount[]>;
  for (const step of stepIds) {
    const counts = new Map<string, { count: number; learners: Set<string> }>();
    for (const attempt of attempts) {
      if (attempt.step !== step) continue;
      for (const code of rootCauseCodes(attempt.codes)) {
        const entry = counts.get(code) ?? { count: 0, learners: new Set<string>() };
        entry.count += 1;
        entry.learners.add(attempt.learnerId);
        counts.set(code, entry);
      }
    }
    result[step] = [...counts.entries()]
      .map(([code, { count, learners }]) => ({ code: code as DiagnosisCode, count, learners: learners.size }))
      .sort((a, b) => b.count - a.count || b.learners - a.learners || a.code.localeCompare(b.code));
  }
  return result;
}
