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
}: {
  command: string;
  clientSecret: string;
  onClientSecretChange: (value: string) => void;
  /** Resolves to an error message, or null once the secret is filled in. */
  onFillPracticeSecret?: () => Promise<string | null>;
  missing: string[];
}) {
  const [fillError, setFillError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <Field
        label="Client secret"
        hint="Optional. It stays in this browser tab and is only put into the command below; leave it empty to see a placeholder."
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
          This browser does not have your {missing.join(' and ')} from the earlier steps; replace the placeholder
          {missing.length > 1 ? 's' : ''} in the command with your own value{missing.length > 1 ? 's' : ''}.
        </Notice>
      )}
      <CodeBlock code={command} label="curl command" testId="curl-command" />
    </div>
  );
}
