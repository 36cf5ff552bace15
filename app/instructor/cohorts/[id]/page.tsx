import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CohortDashboard } from '@/components/instructor/cohort-dashboard';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { fetchCohortMistakes, fetchCohortRows, findOwnCohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { requireInstructorPage } from '@/lib/instructors/page-auth';

export const metadata: Metadata = { title: 'Cohort dashboard' };

export default async function CohortPage({ params }: { params: Promise<{ id: string }> }) {
  const instructor = await requireInstructorPage();
  const db = await getDb();
  const cohort = await findOwnCohort(db, instructor.id, (await params).id);
  if (!cohort) notFound();
  const [rows, mistakes] = await Promise.all([fetchCohortRows(db, cohort.id), fetchCohortMistakes(db, cohort.id)]);
  const joinUrl = `${getEnv().PUBLIC_URL}/join/${cohort.code}`;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="text-indigo-800 underline dark:text-indigo-300">
          Your cohorts
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold tracking-tight">{cohort.name}</h1>
          {cohort.archivedAt ? (
            <p>Archived: its join link no longer works.</p>
          ) : (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>Join link:</span>
              <code className="rounded bg-slate-100 px-2 py-1 font-mono break-all dark:bg-slate-800">{joinUrl}</code>
              <CopyButton value={joinUrl} label="join link" />
            </div>
          )}
        </div>
        <div className="flex gap-2">
          <a href={`/api/instructor/cohorts/${cohort.id}/learners?format=csv`} className={buttonClass('secondary')} download>
            Export CSV
          </a>
          <a href={`/api/instructor/cohorts/${cohort.id}/learners`} className={buttonClass('secondary')}>
            JSON
          </a>
        </div>
      </div>
      <CohortDashboard cohortId={cohort.id} initialRows={rows} initialMistakes={mistakes} />
    </div>
  );
}
