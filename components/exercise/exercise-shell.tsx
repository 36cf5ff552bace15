import { ProgressBar } from './progress-bar';
import { ResetButton } from './reset-button';
import { StepNav } from './step-nav';
import { CHECK_STEPS } from '@/lib/progress/store';
import type { ProgressView } from '@/lib/progress/view';

/** The frame of every step page: steps and progress beside the step's content. */
export function ExerciseShell({ progress, current, children }: { progress: ProgressView; current: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-300">Refresh Tokens</p>
        <ProgressBar done={progress.stepsDone} total={CHECK_STEPS.length} />
        <StepNav progress={progress} current={current} />
        <ResetButton />
      </aside>
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}
