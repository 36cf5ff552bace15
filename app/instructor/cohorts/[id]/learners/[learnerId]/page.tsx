import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LearnerExercises } from '@/components/instructor/learner-exercises';
import { PassFail } from '@/components/instructor/pass-fail';
import { StepStatusMark } from '@/components/instructor/step-status';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { describeClaim, formatDuration, formatUtc } from '@/lib/cohorts/format';
import { journeyCells } from '@/lib/cohorts/journey';
import { checkedSteps, findExercise } from '@/lib/course/catalogue';
import { fetchExerciseRows } from '@/lib/cohorts/exercise-store';
import { cohortExerciseDeclarations } from '@/lib/cohorts/exercises';
import { fetchCohortRows, fetchLearnerTimeline, findOwnCohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { meaningOf } from '@/lib/exercise/codes';
import { STEP_TITLES, type StepId } from '@/lib/exercise/steps';
import { requireInstructorPage } from '@/lib/instructors/page-auth';
import { SHOWN_CLAIMS } from '@/lib/progress/stored-claims';

export const metadata: Metadata = { title: 'Learner detail' };

/** A step's title from its exercise's declaration (the Refresh Tokens titles for rows from before the course). */
const stepTitle = (exercise: string, step: string) =>
  findExercise(exercise)?.steps.find((s) => s.id === step)?.title ??
  (Object.hasOwn(STEP_TITLES, step) ? STEP_TITLES[step as StepId] : step);
const day = (iso: string) => iso.slice(0, 10);
/** `10:01:05 UTC`; the date too on the first attempt of each day. */
const attemptTime = (iso: string, previous: string | undefined) =>
  previous && day(previous) === day(iso) ? `${new Date(iso).toISOString().slice(11, 19)} UTC` : formatUtc(iso);

/** One learner's journey in a cohort: when they joined and finished, each step's status, and every check in order. */
export default async function LearnerDetailPage({ params }: { params: Promise<{ id: string; learnerId: string }> }) {
  const instructor = await requireInstructorPage();
  const { id, learnerId } = await params;
  const db = await getDb();
  const cohort = await findOwnCohort(db, instructor.id, id);
  if (!cohort) notFound();
  const exercises = cohortExerciseDeclarations(cohort.exercises);
  const others = exercises.filter((e) => e.id !== 'refresh');
  const [timeline, [row], otherRows] = await Promise.all([
    fetchLearnerTimeline(db, cohort.id, learnerId),
    fetchCohortRows(db, cohort.id, new Date(), learnerId),
    Promise.all(others.map((exercise) => fetchExerciseRows(db, cohort.id, exercise, new Date(), learnerId))),
  ]);
  if (!timeline || !row) notFound();
  const hasRefresh = cohort.exercises.includes('refresh');
  const several = exercises.length > 1;
  // The course: the first check of any exercise to the last exercise's completion (a one-exercise cohort: that exercise's).
  const startedAt = timeline.attempts[0]?.at ?? null;
  const allDone = timeline.exercises.length > 0 && timeline.exercises.every((cell) => cell.completedAt);
  const completedAt = allDone
    ? timeline.exercises
        .map((cell) => cell.completedAt!)
        .sort()
        .at(-1)!
    : null;
  const totalSeconds = startedAt && completedAt ? Math.max(0, Math.round((Date.parse(completedAt) - Date.parse(startedAt)) / 1000)) : null;
  const firstAt = startedAt ? Date.parse(startedAt) : 0;
  const tries = new Map<string, number>();

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/instructor/cohorts/${cohort.id}`} className="text-indigo-800 underline dark:text-indigo-300">
          {cohort.name}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight break-words">{timeline.displayName}</h1>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <div>
          <dt className="font-semibold">Joined</dt>
          <dd>
            <time dateTime={timeline.joinedAt}>{formatUtc(timeline.joinedAt)}</time>
          </dd>
        </div>
        <div>
          <dt className="font-semibold">First check</dt>
          <dd>{startedAt ? <time dateTime={startedAt}>{formatUtc(startedAt)}</time> : 'None yet'}</dd>
        </div>
        <div>
          <dt className="font-semibold">Completed</dt>
          <dd>{completedAt ? <time dateTime={completedAt}>{formatUtc(completedAt)}</time> : 'Not completed yet'}</dd>
        </div>
        <div>
          <dt className="font-semibold">Total time</dt>
          <dd>{totalSeconds !== null ? `${formatDuration(totalSeconds)} (first check to completion)` : 'Not completed yet'}</dd>
        </div>
      </dl>
      {several && (
        <LearnerExercises
          cells={timeline.exercises}
          exercises={exercises.map((e) => ({ id: e.id, title: e.title, steps: checkedSteps(e).map(({ id, title }) => ({ id, title })) }))}
          rows={Object.fromEntries(others.map((exercise, index) => [exercise.id, otherRows[index]?.[0]]))}
        />
      )}
      {hasRefresh && (
        <section aria-labelledby="steps-heading" className="space-y-3">
          <h2 id="steps-heading" className="text-xl font-semibold">
            {several ? 'Steps: Refresh Tokens' : 'Steps'}
          </h2>
          {/* The six steps, Enable among them: it has no check, so the attempts below cannot show it. */}
          <ol className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {journeyCells(row).map((cell, index) => (
              <li
                key={cell.slug}
                data-step={cell.slug}
                className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
              >
                <span className="font-medium">
                  {index + 1}. {cell.title}
                </span>
                <span>
                  <StepStatusMark status={cell.status} />
                  {cell.check && cell.attempts > 0 && (
                    <span className="text-slate-700 dark:text-slate-300">
                      {' '}
                      · {cell.attempts} {cell.attempts === 1 ? 'check' : 'checks'}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <h2 className="text-xl font-semibold">Checks</h2>
      {timeline.attempts.length === 0 ? (
        <p>No checks yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Attempts, oldest first">
          {timeline.attempts.map((attempt, index) => {
            const key = `${attempt.exercise}/${attempt.step}`;
            const attemptNumber = (tries.get(key) ?? 0) + 1;
            tries.set(key, attemptNumber);
            const elapsed = Math.round((Date.parse(attempt.at) - firstAt) / 1000);
            return (
              <li key={index}>
                <Card className={cn('space-y-2 p-4 sm:p-4', attempt.status === 'fail' && 'border-red-300 dark:border-red-900')}>
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <time dateTime={attempt.at} className="font-mono text-sm">
                      {attemptTime(attempt.at, timeline.attempts[index - 1]?.at)}
                    </time>
                    {index > 0 && <span className="text-sm text-slate-700 dark:text-slate-300">+{formatDuration(elapsed)}</span>}
                    <span className="font-medium" data-exercise={attempt.exercise}>
                      {several && (
                        <span className="font-normal text-slate-700 dark:text-slate-300">
                          {findExercise(attempt.exercise)?.title ?? attempt.exercise} ·{' '}
                        </span>
                      )}
                      {stepTitle(attempt.exercise, attempt.step)}
                      {attemptNumber > 1 && (
                        <span className="font-normal text-slate-700 dark:text-slate-300"> · attempt {attemptNumber}</span>
                      )}
                    </span>
                    <span
                      className={
                        attempt.status === 'pass'
                          ? 'font-semibold text-emerald-800 dark:text-emerald-300'
                          : 'font-semibold text-red-800 dark:text-red-300'
                      }
                    >
                      <PassFail status={attempt.status} />
                    </span>
                  </div>
                  {attempt.codes.length > 0 && (
                    <ul className="space-y-1 text-sm">
                      {attempt.codes.map((code) => (
                        <li key={code}>
                          {meaningOf(code) ?? code}{' '}
                          <a
                            href={`/docs/codes#${code}`}
                            className="font-mono text-xs break-all text-indigo-800 underline underline-offset-2 dark:text-indigo-300"
                          >
                            {code}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                  {attempt.claims && (
                    <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-0.5 text-sm">
                      {SHOWN_CLAIMS.filter((name) => attempt.claims && name in attempt.claims).map((name) => (
                        <div key={name} className="contents">
                          <dt className="font-mono">{name}</dt>
                          <dd className="min-w-0 font-mono break-all">{describeClaim(name, attempt.claims?.[name])}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </Card>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
