'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

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
  practice,
  testId = 'curl-command',
}: {
  command: string;
  clientSecret: string;
  onClientSecretChange: (value: string) => void;
  /** Resolves to an error message, or null once the secret is filled in. */
  onFillPracticeSecret?: () => Promise<string | null>;
  missing: string[];
  /** The practice app is a confidential web app: its token requests always need the secret. */
  practice: boolean;
  testId?: string;
}) {
  const [fillError, setFillError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <Field
        label={practice ? 'Client secret (required for this app)' : 'Client secret'}
        hint={
          practice
            ? 'My Web App is a web app, a confidential client: the token endpoint only answers it when it sends its secret. The secret stays in this browser tab and only goes into the command below.'
            : 'Needed when your app is a web app (a confidential client); a single-page or native app has none. It stays in this browser tab and only goes into the command below.'
        }
        error={fillError}
      >
        {(control) => (
          <div className="flex flex-wrap gap-2">
            <Input
              {...control}
              type="password"
              value={clientSecret}
              onChange={(e) => onClientSecretChange(e.target.value)}
              autoComplete="off"
              className="max-w-md flex-1 font-mono text-sm"
            />
            {onFillPracticeSecret && (
              <Button variant="secondary" onClick={async () => setFillError(await onFillPracticeSecret())}>
                Fill in my practice secret
              </Button>
            )}
          </div>
        )}
      </Field>
      {missing.length > 0 && (
        <Notice kind="warning" className="text-sm">
          This tab does not have your {missing.join(' and ')}: values from the earlier steps are kept in this tab only, the one where you
          made them. Go back to that tab, or replace the placeholder{missing.length > 1 ? 's' : ''} in the command with your own value
          {missing.length > 1 ? 's' : ''}.
          {missing.includes('authorization code') &&
            ' An authorization code works once: if you exchanged yours already, Log In again for a new one.'}
        </Notice>
      )}
      <CodeBlock code={command} label="curl command" testId={testId} />
    </div>
  );
}
