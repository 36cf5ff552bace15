import { requireOwnCohort } from '@/lib/http/instructor-auth';
import { courseColumns } from '@/lib/cohorts/course';
import { courseRowsToCsv } from '@/lib/cohorts/course-csv';
import { fetchCourseRows } from '@/lib/cohorts/course-store';
import { cohortExerciseDeclarations } from '@/lib/cohorts/exercises';
import { getDb } from '@/lib/db/client';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { csvResponse, wantsCsv } from '@/lib/http/instructor-exports';

export const dynamic = 'force-dynamic';

/**
 * The course view of the cohort: one row per learner with a cell per exercise the cohort does
 * (status, steps done, attempts, first check, completion, time to complete), as JSON; with
 * ?format=csv, one record per learner and exercise.
 */
export const GET = handleApi(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const cohort = await requireOwnCohort(request, (await params).id);
  const exercises = cohortExerciseDeclarations(cohort.exercises);
  const rows = await fetchCourseRows(await getDb(), cohort.id, exercises);
  if (wantsCsv(request)) return csvResponse(courseRowsToCsv(rows, exercises), cohort.name, 'course');
  return jsonResponse({ cohort: { id: cohort.id, name: cohort.name }, exercises: courseColumns(exercises), learners: rows });
});
