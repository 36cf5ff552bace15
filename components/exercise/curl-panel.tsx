'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

const fieldClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950';

/**
 * A ready curl command with a copy button, and the client secret field that fills it in
 * locally (the secret never leaves this browser).
 */
export function CurlPanel({
  command,
  clientSecret,
  onClientSecretChange,
  onFillPracticeSecret,
  missing,
}: {
  command: string;
  clientSecret: string;
  onClientSecretChange: (value: string) => void;
  onFillPracticeSecret?: () => void;
  missing: string[];
}) {
  const ids = { secret: useId(), secretHelp: useId() };
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={ids.secret} className="block text-sm font-medium">
          Client secret
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={ids.secret}
            type="password"
            value={clientSecret}
            onChange={(e) => onClientSecretChange(e.target.value)}
            aria-describedby={ids.secretHelp}
            autoComplete="off"
            className={`${fieldClass} max-w-md flex-1`}
          />
          {onFillPracticeSecret && (
            <Button variant="secondary" onClick={onFillPracticeSecret}>
              Fill in my practice secret
            </Button>
          )}
        </div>
        <p id={ids.secretHelp} className="text-xs text-slate-600 dark:text-slate-400">
          Optional. It stays in this browser tab and is only put into the command below; leave it empty to see a placeholder.
        </p>
      </div>
      {missing.length > 0 && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          This browser does not have your {missing.join(' and ')} from the earlier steps; replace the placeholder
          {missing.length > 1 ? 's' : ''} in the command with your own value{missing.length > 1 ? 's' : ''}.
        </p>
      )}
      <div className="relative">
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 pr-20 text-sm leading-relaxed text-slate-100 dark:bg-black" tabIndex={0} aria-label="curl command" data-testid="curl-command">
          <code>{command}</code>
        </pre>
        <div className="absolute right-2 top-2">
          <CopyButton value={command} label="curl command" />
        </div>
      </div>
    </div>
  );
}
