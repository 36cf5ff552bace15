import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { CHOOSE_SERVER_HREF } from '@/components/course/course-bits';
import { CourseShell } from '@/components/course/course-shell';
import { checkEndpoint, courseStepHref, nextLink } from '@/components/course/hrefs';
import { KIND_COMPONENTS, needsServer } from '@/components/course/kinds';
import { StepHeader } from '@/components/exercise/step-header';
import { buttonClass } from '@/components/ui/button';
import { findBuiltExercise, findStepBySlug } from '@/lib/course/catalogue';
import { loadExercisePage } from '@/lib/engine/page-data';
import { getEnv } from '@/lib/env';

type Params = { params: Promise<{ exercise: string; step: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { exercise: exerciseId, step: slug } = await params;
  const exercise = findBuiltExercise(exerciseId);
  const step = exercise && findStepBySlug(exercise, slug);
  return { title: step ? `${step.title} · ${exercise.title}` : 'Not found' };
}

/** One step of an exercise (SPEC §9): its header, its kind's UI, the step list, previous and next. */
export default async function ExerciseStepPage({ params }: Params) {
  const { exercise: exerciseId, step: slug } = await params;
  const found = findBuiltExercise(exerciseId);
  const step = found && findStepBySlug(found, slug);
  if (!found || !step) notFound();
  // The redirect step's page is the redirect URI itself.
  if (step.kind === 'redirect') redirect(courseStepHref(found, step));
  const data = (await loadExercisePage(found.id))!;
  const { exercise, view, provider } = data;
  const env = getEnv();

  const index = exercise.steps.findIndex((s) => s.id === step.id);
  const previous = exercise.steps[index - 1] ?? null;
  const next = nextLink(exercise, step);
  const Kind = KIND_COMPONENTS[step.kind];
  const blocked = needsServer(step.kind) && !provider;

  return (
    <CourseShell exercise={exercise} view={view} current={step.id}>
      <StepHeader number={index + 1} title={step.title}>
        <p>{step.summary}</p>
      </StepHeader>
      {blocked ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
          This step uses your authorization server. First{' '}
          <Link href={CHOOSE_SERVER_HREF} className="font-medium underline">
            choose your server
          </Link>{' '}
          (Getting Started): the practice server needs no account.
        </p>
      ) : Kind ? (
        <Kind
          exercise={exercise}
          step={step}
          data={data}
          provider={provider}
          endpoint={checkEndpoint(exercise, step)}
          next={next}
          site={{ publicUrl: env.PUBLIC_URL, practiceServer: env.PRACTICE_SERVER }}
        />
      ) : (
        <p className="text-slate-700 dark:text-slate-300">{step.summary}</p>
      )}
      <nav
        aria-label="Previous and next step"
        className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-800"
      >
        {previous ? (
          <Link href={courseStepHref(exercise, previous)} prefetch={false} className={buttonClass('ghost')}>
            ← Previous: {previous.title}
          </Link>
        ) : (
          <Link href={`/exercise/${exercise.id}`} prefetch={false} className={buttonClass('ghost')}>
            ← Overview
          </Link>
        )}
        <Link href={next.href} prefetch={false} className={buttonClass('ghost')}>
          {index + 1 < exercise.steps.length ? `${next.label.replace(/^Next: /, 'Skip to: ')} →` : 'Overview →'}
        </Link>
      </nav>
    </CourseShell>
  );
}
