import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CohortDashboard } from '@/components/instructor/cohort-dashboard';
import { CohortExercisesForm } from '@/components/instructor/cohort-exercises-form';
import { CourseDashboard } from '@/components/instructor/course-dashboard';
import { ExerciseDashboard } from '@/components/instructor/exercise-dashboard';
import { JoinPanel } from '@/components/instructor/join-panel';
import { ViewNav } from '@/components/instructor/view-nav';
import { buttonClass } from '@/components/ui/button';
import { checkedSteps, findBuiltExercise } from '@/lib/course/catalogue';
import { fetchCourseDashboard } from '@/lib/cohorts/course-store';
import { fetchExerciseDashboard } from '@/lib/cohorts/exercise-store';
import { cohortExerciseDeclarations, dashboardView } from '@/lib/cohorts/exercises';
import { formatShortCode, joinLinks } from '@/lib/cohorts/join-code';
import { qrGeometry } from '@/lib/cohorts/qr';
import { fetchCohortDashboard, findOwnCohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { requireInstructorPage } from '@/lib/instructors/page-auth';

export const metadata: Metadata = { title: 'Cohort dashboard' };

export default async function CohortPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ view?: string | string[] }>;
}) {
  const instructor = await requireInstructorPage();
  const db = await getDb();
  const cohort = await findOwnCohort(db, instructor.id, (await params).id);
  if (!cohort) notFound();
  const exercises = cohortExerciseDeclarations(cohort.exercises);
  const view = dashboardView((await searchParams).view, cohort.exercises);
  const publicUrl = getEnv().PUBLIC_URL;
  const { joinUrl, shortJoinUrl } = joinLinks(publicUrl, cohort);
  const api = `/api/instructor/cohorts/${cohort.id}`;
  // The exports of the view shown: the course's, or the exercise's (Refresh Tokens' at the URLs it always had).
  const exportUrl =
    view === 'course' ? `${api}/course` : view === 'refresh' ? `${api}/learners` : `${api}/learners?exercise=${encodeURIComponent(view)}`;
  const csvUrl = `${exportUrl}${exportUrl.includes('?') ? '&' : '?'}format=csv`;

  return (
    // In the site's content column like every other page: the learners table fits it on a
    // laptop and scrolls inside its own labelled region when narrower (components/instructor/scroll-table.tsx).
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/instructor" className="text-indigo-800 underline dark:text-indigo-300">
          Your cohorts
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="min-w-0 text-3xl font-bold tracking-tight break-words">{cohort.name}</h1>
        <div className="flex gap-2">
          <a href={csvUrl} className={buttonClass('secondary')} download>
            Export CSV
          </a>
          <a href={exportUrl} className={buttonClass('secondary')}>
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
      <details className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <summary className="cursor-pointer font-medium">
          Exercises: {exercises.map((e) => e.title).join(', ')}{' '}
          <span className="text-indigo-800 underline dark:text-indigo-300">(change)</span>
        </summary>
        <div className="mt-3">
          <CohortExercisesForm cohortId={cohort.id} chosen={cohort.exercises} />
        </div>
      </details>
      <ViewNav cohortId={cohort.id} exercises={exercises} current={view} />
      <DashboardView db={db} cohortId={cohort.id} view={view} exercises={exercises} />
    </div>
  );
}

/** The view's first render, read on the server; each then refreshes itself. */
async function DashboardView({
  db,
  cohortId,
  view,
  exercises,
}: {
  db: Awaited<ReturnType<typeof getDb>>;
  cohortId: string;
  view: string;
  exercises: ReturnType<typeof cohortExerciseDeclarations>;
}) {
  if (view === 'course') {
    const { rows, readAt } = await fetchCourseDashboard(db, cohortId, exercises);
    return (
      <CourseDashboard
        cohortId={cohortId}
        exercises={exercises.map(({ id, title }) => ({ id, title }))}
        initialRows={rows}
        renderedAt={readAt}
      />
    );
  }
  if (view === 'refresh') {
    const { rows, mistakes, readAt } = await fetchCohortDashboard(db, cohortId);
    return <CohortDashboard cohortId={cohortId} initialRows={rows} initialMistakes={mistakes} renderedAt={readAt} />;
  }
  const exercise = findBuiltExercise(view)!;
  const { rows, mistakes, readAt } = await fetchExerciseDashboard(db, cohortId, exercise);
  return (
    <ExerciseDashboard
      key={exercise.id}
      cohortId={cohortId}
      exercise={{ id: exercise.id, title: exercise.title, steps: checkedSteps(exercise).map(({ id, title }) => ({ id, title })) }}
      initialRows={rows}
      initialMistakes={mistakes}
      renderedAt={readAt}
    />
  );
}
