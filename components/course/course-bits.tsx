import Link from 'next/link';
import { Breakable } from '@/components/ui/breakable';
import { cn } from '@/components/ui/cn';
import type { ProviderConfig } from '@/lib/exercise/setup';
import type { ExerciseStatus, ExerciseView } from '@/lib/engine/view';

/** Where a learner without a server chooses one: Getting Started's first step. */
export const CHOOSE_SERVER_HREF = '/exercise/getting-started/setup';

/** "Do Getting Started first: it uses … — or start anyway." Advice with a way round, never a wall. */
export function PrerequisiteAdvice({ view, className }: { view: ExerciseView; className?: string }) {
  const missing = view.prerequisites.filter((p) => !p.completed);
  if (missing.length === 0 || view.status === 'coming') return null;
  const reason = view.prerequisiteReason?.replace(/\.$/, '');
  return (
    <p className={cn('text-sm text-slate-700 dark:text-slate-300', className)}>
      Do{' '}
      {missing.map((p, i) => (
        <span key={p.id}>
          {i > 0 && (i === missing.length - 1 ? ' and ' : ', ')}
          <Link href={`/exercise/${p.id}`} prefetch={false} className="font-medium text-indigo-800 underline dark:text-indigo-300">
            {p.title}
          </Link>
        </span>
      ))}{' '}
      first{reason ? <>: {reason.charAt(0).toLowerCase() + reason.slice(1)}</> : null} — or start anyway.
    </p>
  );
}

const STATUS_STYLE: Record<ExerciseStatus, string> = {
  coming: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  not_started: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  in_progress: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  completed: 'bg-emerald-100 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100',
};

export function statusText(view: ExerciseView): string {
  switch (view.status) {
    case 'coming':
      return 'Coming';
    case 'not_started':
      return 'Not started';
    case 'in_progress':
      return `In progress: ${view.stepsDone} of ${view.steps.length} steps done`;
    case 'completed':
      return 'Completed';
  }
}

export function StatusBadge({ view }: { view: ExerciseView }) {
  return <span className={cn('inline-block rounded px-2 py-0.5 text-xs font-medium', STATUS_STYLE[view.status])}>{statusText(view)}</span>;
}

/** The learner's server, shared by every exercise, or where to choose one. */
export function ServerInUse({ provider, className }: { provider: ProviderConfig | null; className?: string }) {
  if (!provider) {
    return (
      <p className={cn('text-sm text-slate-700 dark:text-slate-300', className)}>
        No server chosen yet.{' '}
        <Link href={CHOOSE_SERVER_HREF} prefetch={false} className="font-medium text-indigo-800 underline dark:text-indigo-300">
          Choose your server
        </Link>{' '}
        — the practice server needs no account.
      </p>
    );
  }
  return (
    <p className={cn('text-sm text-slate-700 dark:text-slate-300', className)}>
      Your server: {provider.mode === 'practice' ? 'the practice server' : 'your own server'},{' '}
      <code className="font-mono wrap-anywhere">
        <Breakable text={provider.issuer} />
      </code>{' '}
      (
      <Link href={CHOOSE_SERVER_HREF} prefetch={false} className="text-indigo-800 underline dark:text-indigo-300">
        change
      </Link>
      ).
    </p>
  );
}
