'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { CheckIcon } from '@/components/ui/icons';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/client/api';

/** A learner joins a cohort with the name their instructor will see. */
export function JoinForm({ code, cohortName }: { code: string; cohortName: string }) {
  const [displayName, setDisplayName] = useState('');
  const [joined, setJoined] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await apiFetch<{ displayName: string }>('/api/cohorts/join', { json: { code, displayName } });
    setBusy(false);
    if (!answer.ok) setError(answer.message);
    else setJoined(answer.data.displayName);
  }

  if (joined) {
    return (
      <div role="status" className="space-y-4">
        <Notice kind="success" className="p-4">
          <CheckIcon className="mr-1" /> You joined {cohortName} as {joined}. Your instructor can now follow your progress.
        </Notice>
        <Link href="/exercise/refresh" className={buttonClass('primary')}>
          Go to the exercise
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={join} className="space-y-4">
      <Field
        label="Display name"
        labelClassName="text-base"
        hint="The name your instructor sees next to your progress (up to 60 characters)."
      >
        {(control) => (
          <Input
            {...control}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            maxLength={60}
            required
            autoComplete="nickname"
            className="max-w-sm"
          />
        )}
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <Button type="submit" disabled={busy}>
        Join Cohort
      </Button>
    </form>
  );
}
