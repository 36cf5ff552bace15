import { checkedSteps } from '../course/catalogue';
import type { ExerciseDeclaration } from '../course/types';
import type { CourseRow } from './course';
import { COURSE_STATUS_WORDS } from './course';
import { LEARNER_TAIL_HEADER, learnerTailFields, toCsv } from './csv';
import type { ExerciseRow } from './dashboard';
import { formatClock } from './format';
import { STATUS_WORDS } from './journey';

const clockOrEmpty = (seconds: number | null) => (seconds === null ? '' : formatClock(seconds));

/**
 * The course as CSV: one record per learner and exercise of the cohort (in the cohort's
 * order): display name, exercise (its title), status (not started, in progress, completed),
 * checked steps done and in the exercise, attempts in this cohort, first check, completion and
 * time to complete (h:mm:ss, from the first check). Scripts read the JSON, which keeps ids.
 */
export function courseRowsToCsv(rows: CourseRow[], exercises: readonly ExerciseDeclaration[]): string {
  const titles = new Map(exercises.map((e) => [e.id, e.title]));
  const header = [
    'Display name',
    'Exercise',
    'Status',
    'Steps done',
    'Steps',
    'Attempts',
    'Started at',
    'Completed at',
    'Time to complete',
  ];
  const records = rows.flatMap((row) =>
    row.exercises.map((cell) => [
      row.displayName,
      titles.get(cell.exercise) ?? cell.exercise,
      COURSE_STATUS_WORDS[cell.status],
      String(cell.stepsDone),
      String(cell.steps),
      String(cell.attempts),
      cell.startedAt ?? '',
      cell.completedAt ?? '',
      clockOrEmpty(cell.timeToCompleteSeconds),
    ]),
  );
  return toCsv([header, ...records]);
}

/**
 * One exercise's table as CSV, for an exercise other than Refresh Tokens (whose CSV, with
 * Enable, is `cohortRowsToCsv`): the same columns in the same words, with the exercise's
 * checked steps from its declaration.
 */
export function exerciseRowsToCsv(rows: ExerciseRow[], exercise: ExerciseDeclaration): string {
  const steps = checkedSteps(exercise);
  const title = (id: string) => steps.find((step) => step.id === id)?.title ?? id;
  const header = [
    'Display name',
    'Current step',
    ...steps.flatMap((step) => [`${step.title}: status`, `${step.title}: attempts`]),
    ...LEARNER_TAIL_HEADER,
  ];
  const records = rows.map((row) => [
    row.displayName,
    row.currentStep === 'complete' ? 'Completed' : title(row.currentStep),
    ...steps.flatMap((step) => {
      const cell = row.steps[step.id] ?? { status: 'pending' as const, attempts: 0 };
      return [STATUS_WORDS[cell.status], String(cell.attempts)];
    }),
    ...learnerTailFields(row, (stuck) => title(stuck.step)),
  ]);
  return toCsv([header, ...records]);
}
