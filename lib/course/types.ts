/**
 * An exercise is data (SPEC §9): its id, what it teaches, the app it needs and its steps.
 * A step names a reusable *step kind* (lib/engine/kinds) and the parameters that kind
 * takes; the engine builds the pages, the check API, progress, the dashboard and the
 * generated docs from these declarations (docs/decisions/014-course-engine.md).
 */
import type { CheckKind } from './check-kinds';

/** The practice app types (SPEC §9), as the practice console names them. */
export type AppType = 'web' | 'spa' | 'native' | 'service' | 'device';

/** A step the learner does in the console or a terminal, with no check of its own. */
export type TaskKind = 'console-task';

export type StepKind = CheckKind | TaskKind;

export interface StepDeclaration<K extends StepKind = StepKind> {
  /** Stable within the exercise: progress, attempts and artefacts are keyed by it. */
  id: string;
  /** The page's path segment, when it differs from the id (Refresh Tokens' pages predate the engine). */
  slug?: string;
  kind: K;
  /** How people see the step: page heading, step list, dashboard column, CSV. */
  title: string;
  /** One sentence for the overview. */
  summary: string;
  /** The kind's parameters (each kind documents and validates its own). */
  params?: Readonly<Record<string, unknown>>;
}

export interface ExerciseDeclaration {
  /** Stable id: URLs, progress and cohort choices key on it. Never renamed. */
  id: string;
  title: string;
  /** One sentence: what the learner will have done. */
  goal: string;
  minutes: number;
  /** Exercises to do first: advice with a way round, never a wall. */
  prerequisites: readonly string[];
  /** Why the prerequisites help, for the index. */
  prerequisiteReason?: string;
  /** The practice app the exercise uses, or null when it needs none. */
  app: AppType | null;
  /** 'coming' exercises are listed on the index but not yet built. */
  status: 'built' | 'coming';
  steps: readonly StepDeclaration[];
  /** Where the exercise's pages live when not the engine's generic ones (Refresh Tokens keeps its own). */
  basePath?: string;
}

/** Declares an exercise; a type-checked identity so declarations stay plain data. */
export const defineExercise = <E extends ExerciseDeclaration>(exercise: E): E => exercise;
