/**
 * Which exercises and steps return a diagnosis code: a code names the check kinds that return
 * it (lib/exercise/codes), and the declarations say which steps are of each kind. The codes
 * page and docs/diagnosis-codes.md both read it here.
 */
import { CODES, type DiagnosisCode } from '../exercise/codes';
import { BUILT_EXERCISES } from './catalogue';
import { CHECK_KINDS, type CheckKind } from './check-kinds';

export interface StepUse {
  exercise: string;
  exerciseTitle: string;
  step: string;
  stepTitle: string;
}

/** Every built exercise step of one of `kinds`, in course order. */
export function stepsOfKinds(kinds: readonly CheckKind[]): StepUse[] {
  return BUILT_EXERCISES.flatMap((exercise) =>
    exercise.steps
      .filter((step) => (kinds as readonly string[]).includes(step.kind))
      .map((step) => ({ exercise: exercise.id, exerciseTitle: exercise.title, step: step.id, stepTitle: step.title })),
  );
}

/** A kind's name for people: the title of the first step declared with it (its id when none is). */
export function kindTitle(kind: CheckKind): string {
  return stepsOfKinds([kind])[0]?.stepTitle ?? kind;
}

/** The codes grouped by the first kind that returns each, in kind order; kinds without codes left out. */
export function codesByKind(): { kind: CheckKind; title: string; codes: DiagnosisCode[] }[] {
  const all = Object.keys(CODES) as DiagnosisCode[];
  return CHECK_KINDS.map((kind) => ({ kind, title: kindTitle(kind), codes: all.filter((code) => CODES[code].steps[0] === kind) })).filter(
    (group) => group.codes.length > 0,
  );
}
