import { Breakable } from '@/components/ui/breakable';
import { CheckIcon } from '@/components/ui/icons';
import type { ProviderConfig } from '@/lib/exercise/setup';

/**
 * "You are using the practice server: <issuer>", on the setup pages (Refresh Tokens' and the
 * course's), followed by `consequence` (what choosing another server does).
 */
export function CurrentServer({ provider, consequence }: { provider: ProviderConfig; consequence: string }) {
  return (
    <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
      <CheckIcon className="mr-1" /> You are using {provider.mode === 'practice' ? 'the practice server' : 'your own server'}:{' '}
      <code className="font-mono text-sm wrap-anywhere">
        <Breakable text={provider.issuer} />
      </code>
      . {consequence}
    </p>
  );
}
