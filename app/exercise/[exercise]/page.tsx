import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrerequisiteAdvice, ServerInUse, StatusBadge } from '@/components/course/course-bits';
import { CourseShell } from '@/components/course/course-shell';
import { courseStepHref } from '@/components/course/hrefs';
import { StepHeader } from '@/components/exercise/step-header';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';
import { Notice } from '@/components/ui/notice';
import { CompletionRecordPanel } from '@/components/exercise/keep-going';
import { findBuiltExercise, findStep } from '@/lib/course/catalogue';
import { loadExercisePage } from '@/lib/engine/page-data';

type Params = { params: Promise<{ exercise: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const exercise = findBuiltExercise((await params).exercise);
  return { title: exercise?.title ?? 'Not found' };
}

const STATUS_TEXT = { pass: 'done', fail: 'needs another try', pending: 'not done yet' } as const;

/** An exercise's overview (SPEC §9): what it teaches, its steps with their status, the server, reset. */
export default async function ExerciseOverviewPage({ params }: Params) {
  const data = await loadExercisePage((await params).exercise);
  if (!data) notFound();
  const { exercise, view, provider } = data;
  const first = exercise.steps[0]!;
  const current = (view.currentStep && findStep(exercise, view.currentStep)) || first;
  const action = view.status === 'completed' ? 'Review the steps' : view.status === 'in_progress' ? 'Continue' : 'Start the exercise';
  const hasSetup = exercise.steps.some((s) => s.kind === 'setup');

  return (
    <CourseShell exercise={exercise} view={view} current={null}>
      <StepHeader title={exercise.title}>
        <p>{exercise.goal}</p>
      </StepHeader>
      {view.status === 'completed' && (
        <Notice kind="success" role="status" className="space-y-2">
          <p className="font-medium">
            <CheckIcon className="mr-1" /> You have completed {exercise.title}.
          </p>
          <p className="text-sm">
            Every step passed. Review any step below, start it over with Reset, or go on with{' '}
            <Link href="/exercises" className="underline">
              the course
            </Link>
            .
          </p>
        </Notice>
      )}
      {view.status === 'completed' && (
        <Card aria-labelledby="record-heading" className="space-y-3">
          <h2 id="record-heading" className="text-lg font-semibold">
            A record of what you did
          </h2>
          <CompletionRecordPanel endpoint={`/api/exercises/${exercise.id}/completion-record`} />
        </Card>
      )}
      <Card aria-labelledby="before-heading">
        <h2 id="before-heading" className="text-lg font-semibold">
          Before you start
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-6 text-slate-700 dark:text-slate-300">
          <li>About {exercise.minutes} minutes; your progress is saved, so you can stop and come back.</li>
          {exercise.steps.some((s) => s.kind !== 'setup' && s.kind !== 'discovery') && (
            <li>
              A terminal with <code className="font-mono">curl</code> (macOS, Linux, or Windows 10+), next to this page.
            </li>
          )}
          {!hasSetup && (
            <li>
              <ServerInUse provider={provider} className="text-base" />
            </li>
          )}
          {provider && provider.mode !== 'practice' && exercise.steps.some((s) => s.kind === 'api-call') && (
            <li>
              On your own server the step “{exercise.steps.find((s) => s.kind === 'api-call')!.title}” is not applicable: the lab sees only
              the calls its practice API receives. Its check passes with a note and suggests a call to your server’s userinfo endpoint
              instead.
            </li>
          )}
        </ul>
        <PrerequisiteAdvice view={view} className="mt-3 text-base" />
      </Card>
      <Card aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="flex flex-wrap items-center gap-3 text-lg font-semibold">
          The {exercise.steps.length} steps <StatusBadge view={view} />
        </h2>
        <ol className="mt-3 space-y-3">
          {exercise.steps.map((step, index) => {
            const status = view.steps.find((s) => s.id === step.id)?.status ?? 'pending';
            return (
              <li key={step.id} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className={cn(
                    'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border text-xs',
                    status === 'pass'
                      ? 'border-emerald-700 bg-emerald-700 text-white'
                      : 'border-slate-400 text-slate-600 dark:text-slate-300',
                  )}
                >
                  {status === 'pass' ? <CheckIcon className="size-3.5" /> : index + 1}
                </span>
                <span>
                  <Link
                    href={courseStepHref(exercise, step)}
                    prefetch={false}
                    className="font-medium text-indigo-800 underline dark:text-indigo-300"
                  >
                    {step.title}
                  </Link>
                  <span className="sr-only"> ({STATUS_TEXT[status]})</span>. {step.summary}
                </span>
              </li>
            );
          })}
        </ol>
        <Link href={courseStepHref(exercise, current)} prefetch={false} className={buttonClass('primary', 'mt-5')}>
          {action}
        </Link>
      </Card>
    </CourseShell>
  );
}
