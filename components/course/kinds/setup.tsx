import { SetupForm } from '@/components/exercise/setup-form';
import { Breakable } from '@/components/ui/breakable';
import { CheckIcon } from '@/components/ui/icons';
import type { KindPageProps } from './types';

/** Choose the server (kind `setup`): the Refresh Tokens form, posting to this exercise's check. */
export function SetupKind({ provider, endpoint, next, site }: KindPageProps) {
  return (
    <>
      <div className="max-w-prose space-y-2 text-slate-700 dark:text-slate-300">
        <p>
          The authorization server issues the tokens. Pick the practice server to start right away, or connect your own. Every exercise of
          the course uses the server you choose here.
        </p>
        {provider && (
          <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
            <CheckIcon className="mr-1" /> You are using {provider.mode === 'practice' ? 'the practice server' : 'your own server'}:{' '}
            <code className="font-mono text-sm wrap-anywhere">
              <Breakable text={provider.issuer} />
            </code>
            . Choosing another server starts every exercise over.
          </p>
        )}
      </div>
      <SetupForm
        practiceAvailable={site.practiceServer}
        defaultRedirectUri={`${site.publicUrl}/redirect`}
        endpoint={endpoint}
        next={next}
      />
    </>
  );
}
