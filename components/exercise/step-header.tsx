/** A step page's heading block. */
export function StepHeader({ number, title, children }: { number?: number; title: string; children?: React.ReactNode }) {
  return (
    <header className="space-y-2">
      {number !== undefined && (
        <p className="text-sm font-medium tracking-wide text-indigo-700 uppercase dark:text-indigo-300">Step {number}</p>
      )}
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {children && <div className="max-w-prose space-y-2 text-slate-700 dark:text-slate-300">{children}</div>}
    </header>
  );
}
