import type { Metadata } from 'next';
import { ExerciseShell } from '@/components/exercise/exercise-shell';
import { RedirectCapture } from '@/components/exercise/redirect-capture';
import { StepHeader } from '@/components/exercise/step-header';
import { stepNumber } from '@/lib/exercise/steps';
import { loadPageProgress } from '@/lib/progress/page-data';

export const metadata: Metadata = { title: 'Redirect', referrer: 'no-referrer' };

export default async function RedirectPage() {
  const { journey, progress } = await loadPageProgress();
  // Revisited once done: the code was captured (and maybe exchanged) — say so, and how to get another.
  const done =
    progress.steps.redirect.status === 'pass' ? (progress.steps['token-response'].status === 'pass' ? 'exchanged' : 'captured') : null;
  return (
    <ExerciseShell journey={journey} current="redirect">
      <StepHeader number={stepNumber('redirect')} title="Capture the authorization code">
        <p>
          After you log in, the authorization server redirects back here with an authorization <code className="font-mono">code</code> and
          the <code className="font-mono">state</code> you sent. The state must match: that is how your app knows this response answers its
          own request.
        </p>
      </StepHeader>
      <RedirectCapture done={done} />
    </ExerciseShell>
  );
}
