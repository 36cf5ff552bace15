/** The exercise's progress indicator: role progressbar, value = journey steps done. */
export function ProgressBar({ done, total, id }: { done: number; total: number; id: string }) {
  const percent = Math.round((done / total) * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm text-slate-700 dark:text-slate-300">
        <span id={id}>Your progress</span>
        <span aria-hidden="true">
          {done} of {total} steps done
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} steps done`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full rounded-full bg-indigo-700 transition-[width] dark:bg-indigo-400" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
