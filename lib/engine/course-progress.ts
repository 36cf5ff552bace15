/** Loads a learner's course (every run and step) and resets one exercise. */
import type { DB } from '../db/client';
import type { ExerciseDeclaration } from '../course/types';
import { loadProvider, resetRun } from './store';
import { toCourseView, type CourseView } from './view';

export async function loadCourse(db: DB, learnerId: string, exercises?: readonly ExerciseDeclaration[]): Promise<CourseView> {
  const [provider, runs, steps] = await Promise.all([
    loadProvider(db, learnerId),
    db.selectFrom('exercise_runs').select(['exercise', 'started_at', 'completed_at']).where('learner_id', '=', learnerId).execute(),
    db.selectFrom('exercise_steps').selectAll().where('learner_id', '=', learnerId).execute(),
  ]);
  return toCourseView(
    provider,
    runs.map((r) => ({ exercise: r.exercise, startedAt: r.started_at, completedAt: r.completed_at })),
    steps.map((s) => ({
      exercise: s.exercise,
      step: s.step,
      status: s.status,
      attempts: Number(s.attempts),
      lastCodes: JSON.parse(s.last_codes) as string[],
      updatedAt: s.updated_at,
      artifact: null,
    })),
    exercises,
  );
}

/** Starts one exercise over (`DELETE /api/exercises/<id>/progress`): the server choice and other exercises stay. */
export async function resetExerciseProgress(db: DB, learnerId: string, exerciseId: string): Promise<void> {
  await resetRun(db, learnerId, exerciseId);
}
