import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthorizeStep } from '@/components/exercise/authorize-step';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { StepHeader } from '@/components/exercise/step-header';
import { Notice } from '@/components/ui/notice';
import { adviseScope, groupScopes } from '@/lib/exercise/scope-advice';
import { stepHref, stepNumber, stepTitle } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: stepTitle('authorize') };

export default async function AuthorizePage() {
  const { progress, journey, refreshGrantEnabled } = await loadPageProgress();
  const provider = progress.provider;

  return (
    <ExerciseShell journey={journey} current="authorize">
      <StepHeader number={stepNumber('authorize')} title="Build the authorization URL">
        <p>
          The authorization URL sends the user to the authorization server to log in. To get a refresh token, it must ask for the{' '}
          <code className="font-mono">offline_access</code> scope.
        </p>
      </StepHeader>
      {refreshGrantEnabled === false && (
        <Notice kind="warning">
          Your practice app does not allow the <strong>Refresh Token</strong> grant yet (
          <Link href={stepHref('enable')} className="font-medium underline">
            step {stepNumber('enable')}
          </Link>
          ). The login will work, but the token response will have no refresh token: enable it first.
        </Notice>
      )}
      {provider ? (
        <AuthorizeStep
          authorizationEndpoint={provider.authorizationEndpoint}
          clientId={provider.clientId}
          redirectUri={provider.redirectUri}
          scopeAdvice={adviseScope(provider.scopesSupported)}
          scopes={groupScopes(provider.scopesSupported)}
          scopesConsoleHref={provider.mode === 'practice' ? '/practice/console?from=authorize#scopes' : undefined}
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
