import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { StepHeader } from '@/components/exercise/step-header';
import { TokenExchangeStep } from '@/components/exercise/token-exchange-step';
import { stepNumber, stepTitle } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: stepTitle('token') };

export default async function TokenPage() {
  const { progress, state, journey } = await loadPageProgress();
  const provider = progress.provider;
  return (
    <ExerciseShell journey={journey} current="token">
      <StepHeader number={stepNumber('token')} title="Exchange the code for tokens">
        <p>
          Your app now sends the authorization code to the token endpoint, with its client credentials and the PKCE code verifier. Because
          you asked for <code className="font-mono">offline_access</code>, the answer should hold a refresh token next to the access token.
        </p>
      </StepHeader>
      {provider ? (
        <TokenExchangeStep
          grant="authorization_code"
          tokenEndpoint={provider.tokenEndpoint}
          clientId={provider.clientId}
          redirectUri={state.authorizeRequest?.redirectUri ?? provider.redirectUri}
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
