import type { z } from 'zod';
import type { ExerciseDeclaration, StepDeclaration } from '../../course/types';
import type { DB } from '../../db/client';
import type { Env } from '../../env';
import type { Report } from '../../exercise/report';
import type { ProviderConfig } from '../../exercise/setup';
import type { LearnerRef } from '../../learners/admission';
import type { AttemptEffects, ExerciseRun } from '../store';

/** What a check of one step sees: who, which exercise and step, the learner's run of it and server. */
export interface KindContext {
  db: DB;
  env: Env;
  learner: LearnerRef;
  exercise: ExerciseDeclaration;
  step: StepDeclaration;
  run: ExerciseRun;
  /** The learner's server; never null for a kind that `needsServer`. */
  provider: ProviderConfig | null;
  now: Date;
}

export interface KindOutcome {
  report: Report<string>;
  /** What the attempt changes besides its own status (the artefact it keeps, a new server…). */
  effects?: AttemptEffects;
}

/**
 * A check kind: the request body it takes, and its checker run with the step's parameters
 * and the learner's earlier artefacts. The UI half of a kind lives in components/course/kinds.
 */
export interface CheckKindDefinition<Body = unknown> {
  body: z.ZodType<Body>;
  /** False only for the kind that chooses the server. */
  needsServer: boolean;
  check(ctx: KindContext, body: Body): Promise<KindOutcome>;
}

export const defineKind = <Body>(kind: CheckKindDefinition<Body>): CheckKindDefinition<Body> => kind;
