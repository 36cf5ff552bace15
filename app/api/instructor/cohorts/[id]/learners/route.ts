import { requireOwnCohort } from '@/lib/http/instructor-auth';
import { checkedSteps } from '@/lib/course/catalogue';
import { refresh } from '@/lib/course/exercises/refresh';
import { exerciseRowsToCsv } from '@/lib/cohorts/course-csv';
import { cohortRowsToCsv } from '@/lib/cohorts/csv';
import { fetchExerciseRows } from '@/lib/cohorts/exercise-store';
import { fetchCohortRows } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { csvResponse, exerciseOfQuery, wantsCsv } from '@/lib/http/instructor-exports';

export const dynamic = 'force-dynamic';

/**
 * One exercise's view of the cohort (`?exercise=`, Refresh Tokens by default): the rows as
 * JSON, or CSV with ?format=csv. Refresh Tokens' rows carry Enable, its step without a check.
 */
export const GET = handleApi(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const cohort = await requireOwnCohort(request, (await params).id);
  const exercise = exerciseOfQuery(request);
  const db = await getDb();
  let rows;
  if (exercise.id === refresh.id) {
    rows = await fetchCohortRows(db, cohort.id);
    if (wantsCsv(request)) return csvResponse(cohortRowsToCsv(rows), cohort.name);
  } else {
    rows = await fetchExerciseRows(db, cohort.id, exercise);
    if (wantsCsv(request)) return csvResponse(exerciseRowsToCsv(rows, exercise), cohort.name, exercise.id);
  }
  return jsonResponse({
    cohort: { id: cohort.id, name: cohort.name },
    exercise: { id: exercise.id, title: exercise.title, steps: checkedSteps(exercise).map(({ id, title }) => ({ id, title })) },
    learners: rows,
  });
});
