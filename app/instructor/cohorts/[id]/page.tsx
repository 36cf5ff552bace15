import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CohortDashboard } from '@/components/instructor/cohort-dashboard';
import { JoinPanel } from '@/components/instructor/join-panel';
import { buttonClass } from '@/components/ui/button';
import { formatShortCode, joinLinks } from '@/lib/cohorts/join-code';
import { qrGeometry } from '@/lib/cohorts/qr';
import { fetchCohortDashboard, findOwnCohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { requireInstructorPage } from '@/lib/instructors/page-auth';

export const metadata: Metadata = { title: 'Cohort dashboard' };

export default async function CohortPage({ params }: { params: Promise<{ id: string }> }) {
  const instructor = await requireInstructorPage();
  const db = await getDb();
  const cohort = await findOwnCohort(db, instructor.id, (await params).id);
  if (!cohort) notFound();
  const { rows, mistakes, readAt } = await fetchCohortDashboard(db, cohort.id);
  const publicUrl = getEnv().PUBLIC_URL;
  const { joinUrl, shortJoinUrl } = joinLinks(publicUrl, cohort);

  return (
    // In the site's content column like every other page: the learners table fits it on a
    // laptop and scrolls inside its own labelled region when narrower (components/instructor/learners-table.tsx).
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="text-indigo-800 underline dark:text-indigo-300">
          Your cohorts
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="min-w-0 text-3xl font-bold tracking-tight break-words">{cohort.name}</h1>
        <div className="flex gap-2">
          <a href={`/api/instructor/cohorts/${cohort.id}/learners?format=csv`} className={buttonClass('secondary')} download>
            Export CSV
          </a>
          <a href={`/api/instructor/cohorts/${cohort.id}/learners`} className={buttonClass('secondary')}>
            JSON
          </a>
        </div>
      </div>
      {cohort.archivedAt ? (
        <p>Archived: its join code and link no longer work.</p>
      ) : (
        <JoinPanel
          joinUrl={joinUrl}
          shortCode={formatShortCode(cohort.shortCode)}
          shortJoinUrl={shortJoinUrl}
          joinPageUrl={`${publicUrl}/join`}
          qr={qrGeometry(joinUrl)}
        />
      )}
      <CohortDashboard cohortId={cohort.id} initialRows={rows} initialMistakes={mistakes} renderedAt={readAt} />
    </div>
  );
}
