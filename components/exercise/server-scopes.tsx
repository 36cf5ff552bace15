import Link from 'next/link';
import type { ScopeGroups } from '@/lib/exercise/scope-advice';

const chips = (scopes: string[]) =>
  scopes.map((scope, index) => (
    <span key={scope}>
      {index > 0 && ', '}
      <code className="font-mono">{scope}</code>
    </span>
  ));

/**
 * The scopes the learner's server publishes (its discovery document's `scopes_supported`,
 * read at setup), so that `{YOUR_SCOPE}` can be filled in from this page (issue 20, item 8:
 * the practice console listed none, and `api:read` first showed on the sign-in page).
 */
export function ServerScopes({ groups, consoleHref }: { groups: ScopeGroups | null; consoleHref?: string }) {
  if (!groups) return null;
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-950">
      <p className="font-medium">Scopes your server defines (from its discovery document):</p>
      <dl className="mt-1 grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
        {groups.api.length > 0 && (
          <>
            <dt className="text-slate-700 dark:text-slate-300">For its API</dt>
            <dd>{chips(groups.api)}</dd>
          </>
        )}
        {groups.standard.length > 0 && (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Standard</dt>
            <dd>{chips(groups.standard)}</dd>
          </>
        )}
      </dl>
      {consoleHref && (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          The{' '}
          <Link href={consoleHref} className="font-medium text-indigo-800 underline dark:text-indigo-300">
            practice console
          </Link>{' '}
          lists them too, with what each one allows.
        </p>
      )}
    </div>
  );
}
