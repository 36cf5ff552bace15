import { findBuiltExercise, BUILT_EXERCISES } from '@/lib/course/catalogue';
import { getDb } from '@/lib/db/client';
import { loadCourse, resetExerciseProgress } from '@/lib/engine/course-progress';
import { ApiError, handleApi, jsonResponse } from '@/lib/http/api';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ exercise: string }> };

async function exerciseOf(context: Context) {
  const { exercise: id } = await context.params;
  const exercise = findBuiltExercise(id);
  if (!exercise) {
    throw new ApiError('not_found', `Unknown exercise "${id.slice(0, 40)}". Exercises: ${BUILT_EXERCISES.map((e) => e.id).join(', ')}.`);
  }
  return exercise;
}

async function progressOf(learnerId: string, exerciseId: string) {
  const course = await loadCourse(await getDb(), learnerId);
  return { provider: course.provider, ...course.exercises.find((e) => e.id === exerciseId)! };
}

/** One exercise's progress (docs/api.md): the course's entry for it, with the learner's server. */
export const GET = handleApi(async (request: Request, context: Context) => {
  const exercise = await exerciseOf(context);
  return jsonResponse(await progressOf(learnerForRequest(request), exercise.id));
});

/** Starts one exercise over; the server choice and the other exercises stay. */
export const DELETE = handleApi(async (request: Request, context: Context) => {
  const exercise = await exerciseOf(context);
  const learnerId = learnerForRequest(request);
  await resetExerciseProgress(await getDb(), learnerId, exercise.id);
  return jsonResponse(await progressOf(learnerId, exercise.id));
});
