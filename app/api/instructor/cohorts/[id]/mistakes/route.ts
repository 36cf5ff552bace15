import { requireOwnCohort } from '@/lib/http/instructor-auth';
import { fetchCohortMistakes } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { handleApi, jsonResponse } from '@/lib/http/api';

export const dynamic = 'force-dynamic';

/** Per step, the diagnosis codes hit most often ({ code, count }), most frequent first. */
export const GET = handleApi(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const cohort = await requireOwnCohort(request, (await params).id);
  return jsonResponse({ steps: await fetchCohortMistakes(await getDb(), cohort.id) });
});
