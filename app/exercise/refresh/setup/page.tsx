import type { Metadata } from 'next';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { CurrentServer } from '@/components/exercise/current-server';
import { SetupForm } from '@/components/exercise/setup-form';
import { StepHeader } from '@/components/exercise/step-header';
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
        {provider && <CurrentServer provider={provider} consequence="Choosing again starts the later steps over." />}
      </StepHeader>
      <SetupForm practiceAvailable={env.PRACTICE_SERVER} defaultRedirectUri={`${env.PUBLIC_URL}/redirect`} />
    </ExerciseShell>
  );
}
