/**
 * What earlier steps kept, found by kind: a token exchange reads the code fingerprint of its
 * exercise's redirect step, whatever that step's id. One artefact shape per kind.
 */
import type { StepKind } from '../course/types';
import type { AuthorizeUrlRequest } from '../exercise/authorize-url';
import type { CheckedUrlHistory } from '../exercise/checked-urls';
import type { TokenSummary } from '../exercise/token/inspect';
import type { KindContext } from './kinds/types';

export interface ArtifactOfKind {
  /** The latest checked URL, when it was checked and the few checked before it (issue 19, class 7). */
  'authorize-url': AuthorizeUrlRequest & CheckedUrlHistory;
  /** The captured code's fingerprint and, on the practice server, what its issue recorded (epoch seconds). */
  redirect: { codeFingerprint: string; issuedAt?: number; expiresAt?: number; scopes?: string[] | null; codeChallenge?: string | null };
  'token-response': TokenSummary;
  'refresh-response': TokenSummary;
  app: { clientId: string };
}

/** The artefact of the exercise's step of `kind` (the last one before the current step), or null. */
export function artifactOf<K extends keyof ArtifactOfKind>(
  ctx: Pick<KindContext, 'exercise' | 'run' | 'step'>,
  kind: K,
): ArtifactOfKind[K] | null {
  const index = ctx.exercise.steps.findIndex((s) => s.id === ctx.step.id);
  const before = ctx.exercise.steps.slice(0, index < 0 ? undefined : index);
  const step = [...before].reverse().find((s) => s.kind === (kind as StepKind));
  if (!step) return null;
  return (ctx.run.steps[step.id]?.artifact ?? null) as ArtifactOfKind[K] | null;
}

/** The ids of the exercise's steps after the current one that are of `kind`. */
export function laterStepsOfKind(ctx: Pick<KindContext, 'exercise' | 'step'>, kind: StepKind): string[] {
  const index = ctx.exercise.steps.findIndex((s) => s.id === ctx.step.id);
  return ctx.exercise.steps
    .slice(index + 1)
    .filter((s) => s.kind === kind)
    .map((s) => s.id);
}
