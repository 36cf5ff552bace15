import type { Metadata } from 'next';
import { CourseShell } from '@/components/course/course-shell';
import { checkEndpoint, courseStepHref, nextLink } from '@/components/course/hrefs';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { RedirectCapture } from '@/components/exercise/redirect-capture';
import { StepHeader } from '@/components/exercise/step-header';
import { getDb } from '@/lib/db/client';
import { loadExercisePage } from '@/lib/engine/page-data';
import { DEFAULT_REDIRECT_EXERCISE, redirectTarget } from '@/lib/engine/redirect-target';
import { stepNumber } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';
import { currentLearnerId } from '@/lib/session/server';

export const metadata: Metadata = { title: 'Redirect', referrer: 'no-referrer' };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);

function Intro() {
  return (
    <p>
      After you log in, the authorization server redirects back here with an authorization <code className="font-mono">code</code> and the{' '}
      <code className="font-mono">state</code> you sent. The state must match: that is how your app knows this response answers its own
      request.
    </p>
  );
}

/**
 * The redirect URI of every exercise (SPEC §9). Which exercise a visit answers is told by the
 * `state` the server sent back (the exercise whose checked authorization URL carried it), else
 * by `?exercise=` (a step list's link), else it is Refresh Tokens'.
 */
export default async function RedirectPage({ searchParams }: Search) {
  const search = await searchParams;
  const target = await redirectTarget(await getDb(), await currentLearnerId(), {
    state: one(search.state),
    exercise: one(search.exercise),
  });
  if (target.id === DEFAULT_REDIRECT_EXERCISE) return <RefreshRedirectPage />;

  const data = (await loadExercisePage(target.id))!;
  const { exercise, view } = data;
  const step = exercise.steps.find((s) => s.kind === 'redirect')!;
  const index = exercise.steps.indexOf(step);
  const authorize = exercise.steps.slice(0, index).findLast((s) => s.kind === 'authorize-url');
  const tokenStep = exercise.steps.slice(index + 1).find((s) => s.kind === 'token-response');
  const status = (id: string | undefined) => view.steps.find((s) => s.id === id)?.status;
  const done = status(step.id) === 'pass' ? (status(tokenStep?.id) === 'pass' ? 'exchanged' : 'captured') : null;
  return (
    <CourseShell exercise={exercise} view={view} current={step.id}>
      <StepHeader number={index + 1} title={step.title}>
        <Intro />
      </StepHeader>
      <RedirectCapture
        done={done}
        target={{
          endpoint: checkEndpoint(exercise, step),
          next: nextLink(exercise, step),
          authorize: authorize
            ? { href: courseStepHref(exercise, authorize), ref: `“${authorize.title}”` }
            : { href: `/exercise/${exercise.id}`, ref: 'the overview' },
          cleanPath: courseStepHref(exercise, step),
        }}
      />
    </CourseShell>
  );
}

/** Refresh Tokens' redirect page, as it always was. */
async function RefreshRedirectPage() {
  const { journey, progress } = await loadPageProgress();
  // Revisited once done: the code was captured (and maybe exchanged) — say so, and how to get another.
  const done =
    progress.steps.redirect.status === 'pass' ? (progress.steps['token-response'].status === 'pass' ? 'exchanged' : 'captured') : null;
  return (
    <ExerciseShell journey={journey} current="redirect">
      <StepHeader number={stepNumber('redirect')} title="Capture the authorization code">
        <Intro />
      </StepHeader>
      <RedirectCapture done={done} />
    </ExerciseShell>
  );
}
