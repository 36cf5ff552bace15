import type { Metadata } from 'next';
import Link from 'next/link';
import { PrerequisiteAdvice, ServerInUse, StatusBadge } from '@/components/course/course-bits';
import { CompletionRecordPanel, ResumeLinkPanel } from '@/components/exercise/keep-going';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { loadCoursePage } from '@/lib/engine/page-data';
import type { ExerciseView } from '@/lib/engine/view';

export const metadata: Metadata = { title: 'The course' };

const ACTION: Record<Exclude<ExerciseView['status'], 'coming'>, string> = {
  not_started: 'Start',
  in_progress: 'Continue',
  completed: 'Review',
};

/** The course index (SPEC §9): every exercise in order, its status and the way in. */
export default async function CoursePage() {
  const { course } = await loadCoursePage();
  return (
    <div className="space-y-6">
      <header className="max-w-prose space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">The course</h1>
        <p className="text-slate-700 dark:text-slate-300">
          One OAuth flow per exercise, in an order that builds up. Each is checked step by step; your progress is saved. The advice on what
          to do first is advice: you can start any exercise.
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {course.completed} of {course.built} exercises completed.
        </p>
        <ServerInUse provider={course.provider} />
      </header>
      {course.provider && (
        <details className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer font-medium">Continue on another device</summary>
          <p className="mt-2 mb-3 text-sm text-slate-700 dark:text-slate-300">
            A link that opens your progress in the whole course in another browser.
          </p>
          <ResumeLinkPanel />
        </details>
      )}
      {course.completedAt && (
        <Card aria-labelledby="course-record-heading" className="space-y-3">
          <h2 id="course-record-heading" className="text-lg font-semibold">
            You have completed every exercise of the course so far
          </h2>
          <CompletionRecordPanel endpoint="/api/exercises/completion-record" />
        </Card>
      )}
      <ol className="space-y-4">
        {course.exercises.map((view, index) => (
          <li key={view.id}>
            <section
              aria-labelledby={`exercise-${view.id}`}
              className={cn(
                'flex flex-col gap-3 rounded-lg border p-5 sm:flex-row sm:items-start sm:justify-between',
                view.status === 'coming'
                  ? 'border-dashed border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-950'
                  : 'border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900',
              )}
            >
              <div className="min-w-0 space-y-2">
                <h2 id={`exercise-${view.id}`} className="text-lg font-semibold">
                  <span className="text-slate-500 dark:text-slate-400">{index + 1}.</span> {view.title}
                </h2>
                <p className="text-slate-700 dark:text-slate-300">{view.goal}</p>
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
                  <span>About {view.minutes} minutes</span>
                  <StatusBadge view={view} />
                </p>
                <PrerequisiteAdvice view={view} />
              </div>
              {view.status !== 'coming' && (
                <Link
                  href={view.href}
                  prefetch={false}
                  className={buttonClass(view.status === 'completed' ? 'secondary' : 'primary', 'shrink-0 self-start')}
                >
                  {ACTION[view.status]}
                  <span className="sr-only"> {view.title}</span>
                </Link>
              )}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
