import { cn } from './cn';

type Kind = 'error' | 'warning' | 'success' | 'info';

const styles: Record<Kind, string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100',
  info: 'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
};

/**
 * A boxed message. Errors are announced as soon as they appear (`role="alert"`); pass
 * `role="status"` for a success or warning that should be announced politely.
 */
export function Notice({ kind, className, children, ...props }: { kind: Kind } & React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div role={kind === 'error' ? 'alert' : undefined} className={cn('rounded-md border p-3', styles[kind], className)} {...props}>
      {children}
    </div>
  );
}
