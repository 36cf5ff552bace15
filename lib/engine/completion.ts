/** Completion records of one exercise or of the whole course, from the learner's course (lib/progress/completion-records.ts stores them). */
import { findBuiltExercise } from '../course/catalogue';
import type { DB } from '../db/client';
import { createCompletionRecord, createCourseCompletionRecord, type CompletionRecord } from '../progress/completion-records';
import { PrerequisiteMissing } from '../progress/errors';
import { loadExerciseState, REFRESH_EXERCISE } from '../progress/store';
import { loadCourse } from './course-progress';

export const COURSE_TITLE = 'the OAuth Lab course';

/** Records a completed exercise (`exerciseId`) or the completed course (null); 409 (PrerequisiteMissing) before it is complete. */
export async function recordCompletion(
  db: DB,
  learnerId: string,
  exerciseId: string | null,
  displayName: string | null,
): Promise<CompletionRecord> {
  const course = await loadCourse(db, learnerId);
  const serverKind = course.provider ? (course.provider.mode === 'practice' ? 'practice' : course.provider.kind) : 'generic';
  if (exerciseId === REFRESH_EXERCISE) {
    const state = await loadExerciseState(db, learnerId);
    if (!state.completion || !state.provider) throw new PrerequisiteMissing('Complete the exercise first: the record says you did.');
    return createCompletionRecord(db, { learnerId, displayName, completion: state.completion, serverKind });
  }
  if (exerciseId === null) {
    if (!course.completedAt) {
      const left = course.exercises.filter((e) => e.status !== 'coming' && e.status !== 'completed').map((e) => e.title);
      throw new PrerequisiteMissing(`Complete every exercise of the course first; still to do: ${left.join(', ')}.`);
    }
    const done = course.exercises.filter((e) => e.status === 'completed');
    return createCourseCompletionRecord(db, {
      learnerId,
      displayName,
      exercise: 'course',
      title: COURSE_TITLE,
      completedAt: course.completedAt,
      steps: done.map((e) => e.title),
      serverKind,
    });
  }
  const exercise = findBuiltExercise(exerciseId)!;
  const view = course.exercises.find((e) => e.id === exercise.id)!;
  if (!view.completedAt) throw new PrerequisiteMissing('Complete the exercise first: the record says you did.');
  return createCourseCompletionRecord(db, {
    learnerId,
    displayName,
    exercise: exercise.id,
    title: exercise.title,
    completedAt: view.completedAt,
    steps: view.steps.map((s) => s.title),
    serverKind,
  });
}
