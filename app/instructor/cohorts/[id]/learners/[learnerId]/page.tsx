import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { fetchLearnerTimeline, findOwnCohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { meaningOf } from '@/lib/exercise/codes';
import { requireInstructorPage } from '@/lib/instructors/page-auth';
import { SHOWN_CLAIMS } from '@/lib/progress/stored-claims';

export const metadata: Metadata = { title: 'Learner detail' };

export default async function LearnerDetailPage({ params }: { params: Promise<{ id: string; learnerId: string }> }) {
  const instructor = await requireInstructorPage();
  const { id, learnerId } = await params;
  const db = await getDb();
  const cohort = await findOwnCohort(db, instructor.id, id);
  if (!cohort) notFound();
  const timeline = await fetchLearnerTimeline(db, cohort.id, learnerId);
  if (!timeline) notFound();

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/instructor/cohorts/${cohort.id}`} className="text-indigo-800 underline dark:text-indigo-300">
          {cohort.name}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">{timeline.displayName}</h1>
      {timeline.attempts.length === 0 ? (
        <p>No checks yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Attempts, oldest first">
          {timeline.attempts.map((attempt, index) => (
            <li key={index}>
              <Card className={cn('space-y-2 p-4 sm:p-4', attempt.status === 'fail' && 'border-red-300 dark:border-red-900')}>
                <div className="flex flex-wrap items-center gap-3">
                  <time dateTime={attempt.at} className="font-mono text-sm">
                    {new Date(attempt.at).toISOString().replace('T', ' ').slice(0, 19)} UTC
                  </time>
                  <span className="font-medium">{attempt.step}</span>
                  <span
                    className={
                      attempt.status === 'pass'
                        ? 'font-semibold text-emerald-800 dark:text-emerald-300'
                        : 'font-semibold text-red-800 dark:text-red-300'
                    }
                  >
                    {attempt.status === 'pass' ? '✓ pass' : '✗ fail'}
                  </span>
                </div>
                {attempt.codes.length > 0 && (
                  <ul className="space-y-1 text-sm">
                    {attempt.codes.map((code) => (
                      <li key={code}>
                        <code className="font-mono">{code}</code> — {meaningOf(code) ?? ''}
                      </li>
                    ))}
                  </ul>
                )}
                {attempt.claims && (
                  <dl className="grid grid-cols-[6rem_1fr] gap-x-3 text-sm">
                    {SHOWN_CLAIMS.filter((name) => attempt.claims && name in attempt.claims).map((name) => (
                      <div key={name} className="contents">
                        <dt className="font-mono">{name}</dt>
                        <dd className="font-mono break-all">{JSON.stringify(attempt.claims?.[name])}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
