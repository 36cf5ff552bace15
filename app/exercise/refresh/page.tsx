import type { Metadata } from 'next';
import { refresh } from '@/lib/course/exercises/refresh';
import Link from 'next/link';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { JoinCodeInvite } from '@/components/exercise/join-code-invite';
import { StepHeader } from '@/components/exercise/step-header';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { JOURNEY, RESULTS_PAGE, stepHref } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: refresh.title };

export default async function RefreshOverviewPage() {
  const { progress, journey } = await loadPageProgress();
  const started = Object.values(progress.steps).some((s) => s.attempts > 0);

  return (
    <ExerciseShell journey={journey} current="overview">
      <StepHeader title="Refresh Tokens">
        <p>
          Access tokens are short-lived on purpose. A <strong>refresh token</strong> lets your app get a new access token without sending
          the user through the login again. In this exercise you get one through the authorization code flow with PKCE, then use it.
        </p>
      </StepHeader>
      <Card aria-labelledby="before-heading">
        <h2 id="before-heading" className="text-lg font-semibold">
          Before you start
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
          <li>About 20–30 minutes; your progress is saved, so you can stop and come back.</li>
          <li>
            A terminal with <code className="font-mono">curl</code> (macOS, Linux, or Windows 10+), next to this page.
          </li>
          <li>No account: the built-in practice server works like an Okta developer org. Your own Okta, Auth0 or Keycloak works too.</li>
        </ul>
        <JoinCodeInvite className="mt-4" />
      </Card>
      <Card aria-labelledby="learn-heading">
        <h2 id="learn-heading" className="text-lg font-semibold">
          The {JOURNEY.length} steps
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-6">
          {JOURNEY.map((step) => (
            <li key={step.slug}>
              <strong className="font-medium">{step.title}.</strong> {step.summary}
            </li>
          ))}
        </ol>
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          The lab builds the commands from what you have done (your client ID, code, verifier); you decide the scopes, the PKCE values and
          the state, run the commands, and paste what the server answered. Every paste is checked and every mistake explained.
        </p>
        <Link href={stepHref(journey.completed ? RESULTS_PAGE.slug : (journey.next ?? 'setup'))} className={buttonClass('primary', 'mt-5')}>
          {journey.completed ? 'Review your results' : started ? 'Resume the exercise' : 'Start the exercise'}
        </Link>
      </Card>
    </ExerciseShell>
  );
}
