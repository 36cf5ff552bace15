import { ResetButton } from './reset-button';
import { ShellFrame } from './shell-frame';
import { StepNav } from './step-nav';
import type { JourneyView } from '@/lib/progress/view';

/** The frame of every step page: steps and progress beside the step's content. */
export function ExerciseShell({ journey, current, children }: { journey: JourneyView; current: string; children: React.ReactNode }) {
  return (
    <ShellFrame
      done={journey.done}
      total={journey.steps.length}
      heading="Refresh Tokens"
      sidebar={
        <>
          <StepNav journey={journey} current={current} />
          <ResetButton />
        </>
      }
    >
      {children}
    </ShellFrame>
  );
}
