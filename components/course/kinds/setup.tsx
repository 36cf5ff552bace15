import { CurrentServer } from '@/components/exercise/current-server';
import { SetupForm } from '@/components/exercise/setup-form';
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
        {provider && <CurrentServer provider={provider} consequence="Choosing another server starts every exercise over." />}
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
