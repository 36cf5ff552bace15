import { requireOwnCohort } from '@/lib/http/instructor-auth';
import { refresh } from '@/lib/course/exercises/refresh';
import { fetchExerciseMistakes } from '@/lib/cohorts/exercise-store';
import { fetchCohortMistakes } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { exerciseOfQuery } from '@/lib/http/instructor-exports';

export const dynamic = 'force-dynamic';

/** Per checked step of an exercise (`?exercise=`, Refresh Tokens by default), the diagnosis codes hit most often ({ code, count, learners }). */
export const GET = handleApi(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const cohort = await requireOwnCohort(request, (await params).id);
  const exercise = exerciseOfQuery(request);
  const db = await getDb();
  const steps =
    exercise.id === refresh.id ? await fetchCohortMistakes(db, cohort.id) : await fetchExerciseMistakes(db, cohort.id, exercise);
  return jsonResponse({ exercise: exercise.id, steps });
});
