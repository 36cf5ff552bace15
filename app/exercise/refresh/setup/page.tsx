import type { Metadata } from 'next';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { SetupForm } from '@/components/exercise/setup-form';
import { StepHeader } from '@/components/exercise/step-header';
import { Breakable } from '@/components/ui/breakable';
import { CheckIcon } from '@/components/ui/icons';
import { getEnv } from '@/lib/env';
import { stepNumber } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: 'Choose your authorization server' };

export default async function SetupPage() {
  const env = getEnv();
  const { progress, journey } = await loadPageProgress();
  const provider = progress.provider;

  return (
    <ExerciseShell journey={journey} current="setup">
      <StepHeader number={stepNumber('setup')} title="Choose your authorization server">
        <p>The authorization server issues the tokens. Pick the practice server to start right away, or connect your own.</p>
        {provider && (
          <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
            <CheckIcon className="mr-1" /> You are using {provider.mode === 'practice' ? 'the practice server' : 'your own server'}:{' '}
            <code className="font-mono text-sm wrap-anywhere">
              <Breakable text={provider.issuer} />
            </code>
            . Choosing again starts the later steps over.
          </p>
        )}
      </StepHeader>
      <SetupForm practiceAvailable={env.PRACTICE_SERVER} defaultRedirectUri={`${env.PUBLIC_URL}/redirect`} />
    </ExerciseShell>
  );
}
