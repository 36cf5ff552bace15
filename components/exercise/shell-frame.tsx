import { ProgressBar } from './progress-bar';

/**
 * The frame of an exercise's pages (Refresh Tokens' ExerciseShell and the course's
 * CourseShell): the content first in the document, and beside it on wide screens (after it on
 * phones) an "Exercise progress" aside with `heading`, the progress bar and `sidebar`.
 */
export function ShellFrame({
  done,
  total,
  heading,
  sidebar,
  children,
}: {
  done: number;
  total: number;
  heading: React.ReactNode;
  sidebar: React.ReactNode;
  children: React.ReactNode;
}) {
  const bar = (id: string) => <ProgressBar done={done} total={total} id={id} />;
  // The step's content comes first in the document (and so for keyboards, screen readers
  // and phones); on wide screens the grid puts the step list beside it, on the left.
  // One progress bar shows at a time: above the content on phones, in the sidebar on wide screens.
  // No Suspense boundary here: a boundary whose part of the RSC stream is late when the shell
  // flushes is streamed after it, and React 19 reveals it up to 300 ms after the first paint
  // (the step list popped in). docs/decisions/010.
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1">
        <div className="lg:hidden">{bar('progress-label-compact')}</div>
        {children}
      </div>
      <aside
        aria-label="Exercise progress"
        className="space-y-4 border-t border-slate-200 pt-6 lg:sticky lg:top-4 lg:col-start-1 lg:row-start-1 lg:self-start lg:border-0 lg:pt-0 dark:border-slate-800"
      >
        <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">{heading}</p>
        <div className="hidden lg:block">{bar('progress-label')}</div>
        {sidebar}
      </aside>
    </div>
  );
}
