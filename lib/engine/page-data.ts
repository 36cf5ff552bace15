import 'server-only';
import { findBuiltExercise } from '../course/catalogue';
import type { ExerciseDeclaration } from '../course/types';
import { getDb } from '../db/client';
import type { ProviderConfig } from '../exercise/setup';
import { currentLearnerId } from '../session/server';
import { loadCourse } from './course-progress';
import { loadRun, type ExerciseRun } from './store';
import type { CourseView, ExerciseView } from './view';

/** Without a session (proxy bypassed), pages show an empty course rather than fail. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

export interface ExercisePageData {
  learnerId: string | null;
  exercise: ExerciseDeclaration;
  run: ExerciseRun;
  provider: ProviderConfig | null;
  course: CourseView;
  /** The exercise as the course view shows it (status, steps, prerequisites). */
  view: ExerciseView;
}

/** What the course index needs: the learner and their course. */
export async function loadCoursePage(): Promise<{ learnerId: string | null; course: CourseView }> {
  const learnerId = await currentLearnerId();
  const db = await getDb();
  return { learnerId, course: await loadCourse(db, learnerId ?? NOBODY) };
}

/** What an exercise's overview and step pages need, or null for an unknown or coming exercise. */
export async function loadExercisePage(exerciseId: string): Promise<ExercisePageData | null> {
  const exercise = findBuiltExercise(exerciseId);
  if (!exercise) return null;
  const learnerId = await currentLearnerId();
  const db = await getDb();
  const [run, course] = await Promise.all([loadRun(db, learnerId ?? NOBODY, exercise.id), loadCourse(db, learnerId ?? NOBODY)]);
  const view = course.exercises.find((e) => e.id === exercise.id)!;
  return { learnerId, exercise, run, provider: run.provider, course, view };
}
