import { requireOwnCohort } from '@/lib/http/instructor-auth';
import { fetchLearnerTimeline } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { ApiError, handleApi, jsonResponse } from '@/lib/http/api';
import { exerciseOfQuery } from '@/lib/http/instructor-exports';

export const dynamic = 'force-dynamic';

/**
 * One learner's attempt timeline in the cohort (codes and decoded claims, never tokens): every
 * exercise's attempts, each naming its exercise, or one exercise's with `?exercise=`.
 */
export const GET = handleApi(async (request: Request, { params }: { params: Promise<{ id: string; learnerId: string }> }) => {
  const { id, learnerId } = await params;
  const cohort = await requireOwnCohort(request, id);
  const exercise = new URL(request.url).searchParams.has('exercise') ? exerciseOfQuery(request).id : null;
  const timeline = await fetchLearnerTimeline(await getDb(), cohort.id, learnerId, exercise);
  if (!timeline) throw new ApiError('not_found', 'No such learner in this cohort.');
  return jsonResponse(timeline);
});
