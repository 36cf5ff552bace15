import { requireOwnCohort } from '@/lib/http/instructor-auth';
import { cohortRowsToCsv } from '@/lib/cohorts/csv';
import { fetchCohortRows } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { handleApi, jsonResponse } from '@/lib/http/api';

export const dynamic = 'force-dynamic';

/** The dashboard rows as JSON, or CSV with ?format=csv. */
export const GET = handleApi(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const cohort = await requireOwnCohort(request, (await params).id);
  const rows = await fetchCohortRows(await getDb(), cohort.id);
  if (new URL(request.url).searchParams.get('format') === 'csv') {
    const filename = `${cohort.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'cohort'}.csv`;
    return new Response(cohortRowsToCsv(rows), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  }
  return jsonResponse({ cohort: { id: cohort.id, name: cohort.name }, learners: rows });
});
