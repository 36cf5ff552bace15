'use client';

import { useId, useState } from 'react';
import { Breakable } from '@/components/ui/breakable';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { PracticeAppView } from '@/lib/practice-server/app-view';

/** An app's "Client Credentials" panel: client ID, the secret (masked; reveal, copy), the issuer. */
export function CredentialsSection({ app }: { app: Pick<PracticeAppView, 'clientId' | 'clientSecret' | 'issuer'> }) {
  const [secretShown, setSecretShown] = useState(false);
  const ids = { secret: useId() };
  return (
    <section
      aria-labelledby="credentials-heading"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="credentials-heading" className="text-lg font-semibold">
        Client Credentials
      </h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-[12rem_1fr] sm:items-center">
        <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Client ID</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all dark:bg-slate-800" data-testid="client-id">
            {app.clientId}
          </code>
          <CopyButton value={app.clientId} label="Client ID" />
        </dd>
        <dt id={ids.secret} className="text-sm font-medium text-slate-600 dark:text-slate-400">
          Client secret
        </dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code
            aria-labelledby={ids.secret}
            className="rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all dark:bg-slate-800"
            data-testid="client-secret"
          >
            {secretShown ? app.clientSecret : '•'.repeat(24)}
          </code>
          <Button variant="secondary" onClick={() => setSecretShown((s) => !s)} aria-pressed={secretShown}>
            {secretShown ? 'Hide secret' : 'Reveal secret'}
          </Button>
          <CopyButton value={app.clientSecret} label="Client secret" />
        </dd>
        <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Issuer</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm wrap-anywhere dark:bg-slate-800">
            <Breakable text={app.issuer} />
          </code>
          <CopyButton value={app.issuer} label="Issuer" />
        </dd>
      </dl>
    </section>
  );
}
