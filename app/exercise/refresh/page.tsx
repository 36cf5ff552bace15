import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { StepHeader } from '@/components/exercise/step-header';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { loadPageProgress } from '@/lib/progress/page-data';
import { JOURNEY, stepHref } from '@/lib/exercise/steps';

export const metadata: Metadata = { title: 'Refresh Tokens' };

export default async function RefreshOverviewPage() {
  const { progress } = await loadPageProgress();
  const started = Object.values(progress.steps).some((s) => s.attempts > 0);
  const next = progress.currentStep
    ? JOURNEY.find((step) => step.check === progress.currentStep)?.slug ?? 'setup'
    : 'complete';

  return (
    <ExerciseShell progress={progress} current="overview">
      <StepHeader title="Refresh Tokens">
        <p>
          Access tokens are short-lived on purpose. A <strong>refresh token</strong> lets your app get a new access
          token without sending the user through the login again. In this exercise you get one through the
          authorization code flow with PKCE, then use it.
        </p>
      </StepHeader>
      <Card aria-labelledby="learn-heading">
        <h2 id="learn-heading" className="text-lg font-semibold">
          What you&apos;ll do
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-6">
          <li>Choose an authorization server: the built-in practice server (no account needed) or your own.</li>
          <li>Enable the Refresh Token grant for your app.</li>
          <li>
            Build an authorization URL that asks for <code className="font-mono">offline_access</code>, with a PKCE code
            challenge and a <code className="font-mono">state</code>.
          </li>
          <li>Log in and capture the authorization code from the redirect.</li>
          <li>Exchange the code for tokens with curl — the response must include a refresh token.</li>
          <li>Use the refresh token to get a new access token.</li>
        </ol>
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          Every step is checked as you go, and every mistake is explained. Your progress is saved; come back any time.
        </p>
        <Link href={stepHref(next)} className={buttonClass('primary', 'mt-5')}>
          {progress.completedAt ? 'Review your results' : started ? 'Resume the exercise' : 'Start the exercise'}
        </Link>
      </Card>
    </ExerciseShell>
  );
}
