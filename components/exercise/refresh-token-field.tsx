'use client';

import { Field, Input } from '@/components/ui/field';
import { useStoredValue } from '@/lib/client/use-stored-value';

/**
 * The refresh token a command uses: kept in this tab only, filled in from the response the
 * learner checked, editable (typed in a new tab). Used by the refresh step and the completion
 * page's revoke demonstration, so both offer the same control.
 */
export function RefreshTokenField({ hint, error, className }: { hint: string; error?: string | null; className?: string }) {
  const [refreshToken, setRefreshToken] = useStoredValue('refreshToken');
  return (
    <Field label="Refresh token" hint={hint} error={error} className={className}>
      {(control) => (
        <Input
          {...control}
          type="password"
          value={refreshToken ?? ''}
          onChange={(e) => setRefreshToken(e.target.value || null)}
          autoComplete="off"
          className="font-mono text-sm"
        />
      )}
    </Field>
  );
}
