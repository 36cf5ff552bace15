import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { TokenExchangeStep } from '@/components/exercise/token-exchange-step';
import { StepHeader } from '@/components/exercise/step-header';
import { stepNumber, stepTitle } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: stepTitle('refresh') };

export default async function RefreshPage() {
  const { progress, journey } = await loadPageProgress();
  const provider = progress.provider;
  return (
    <ExerciseShell journey={journey} current="refresh">
      <StepHeader number={stepNumber('refresh')} title="Use the refresh token">
        <p>
          When the access token expires (or before), your app trades the refresh token for a new access token with the{' '}
          <code className="font-mono">refresh_token</code> grant — no user interaction needed.
        </p>
      </StepHeader>
      {provider ? (
        <TokenExchangeStep
          grant="refresh_token"
          tokenEndpoint={provider.tokenEndpoint}
          clientId={provider.clientId}
          redirectUri={provider.redirectUri}
          practice={provider.mode === 'practice'}
          opaqueRefreshTokens={provider.mode === 'practice' || provider.kind === 'okta' || provider.kind === 'auth0'}
        />
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
          First{' '}
          <Link href="/exercise/refresh/setup" className="font-medium underline">
            choose your authorization server
          </Link>
          .
        </p>
      )}
    </ExerciseShell>
  );
}
