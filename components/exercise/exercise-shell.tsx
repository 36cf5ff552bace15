import { Suspense } from 'react';
import { ProgressBar } from './progress-bar';
import { ResetButton } from './reset-button';
import { StepNav } from './step-nav';
import type { JourneyView } from '@/lib/progress/view';

/** The frame of every step page: steps and progress beside the step's content. */
export function ExerciseShell({ journey, current, children }: { journey: JourneyView; current: string; children: React.ReactNode }) {
  const bar = (id: string) => <ProgressBar done={journey.done} total={journey.steps.length} id={id} />;
  // The step's content comes first in the document (and so for keyboards, screen readers
  // and phones); on wide screens the grid puts the step list beside it, on the left.
  // One progress bar shows at a time: above the content on phones, in the sidebar on wide screens.
  // Each part is a Suspense boundary although nothing in it suspends (the page has its data
  // before it renders this): React then hydrates the parts as separate units it can
  // interrupt, instead of one long task for the whole page — what a slow phone's main thread
  // needs (issue 13; docs/decisions/009).
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1">
        <div className="lg:hidden">{bar('progress-label-compact')}</div>
        <Suspense>{children}</Suspense>
      </div>
      <aside
        aria-label="Exercise progress"
        className="space-y-4 border-t border-slate-200 pt-6 lg:sticky lg:top-4 lg:col-start-1 lg:row-start-1 lg:self-start lg:border-0 lg:pt-0 dark:border-slate-800"
      >
        <Suspense>
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">Refresh Tokens</p>
          <div className="hidden lg:block">{bar('progress-label')}</div>
          <StepNav journey={journey} current={current} />
          <ResetButton />
        </Suspense>
      </aside>
    </div>
  );
}
