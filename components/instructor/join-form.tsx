'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/alert';

/** A learner joins a cohort with the name their instructor will see. */
export function JoinForm({ code, cohortName }: { code: string; cohortName: string }) {
  const ids = { name: useId(), help: useId() };
  const [displayName, setDisplayName] = useState('');
  const [joined, setJoined] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/cohorts/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, displayName }),
      });
      const body = (await response.json()) as { displayName?: string; error?: { message: string } };
      if (!response.ok) setError(body.error?.message ?? 'Could not join.');
      else setJoined(body.displayName ?? displayName);
    } catch {
      setError('Could not reach the server. Try again.');
    } finally {
      setBusy(false);
    }
  }

  if (joined) {
    return (
      <div role="status" className="space-y-4">
        <p className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
          ✓ You joined {cohortName} as {joined}. Your instructor can now follow your progress.
        </p>
        <Link href="/exercise/refresh" className={buttonClass('primary')}>
          Go to the exercise
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={join} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={ids.name} className="block font-medium">
          Display name
        </label>
        <input
          id={ids.name}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          aria-describedby={ids.help}
          maxLength={60}
          required
          autoComplete="nickname"
          className="block w-full max-w-sm rounded-md border border-slate-400 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
        />
        <p id={ids.help} className="text-sm text-slate-600 dark:text-slate-400">
          The name your instructor sees next to your progress (up to 60 characters).
        </p>
      </div>
      {error && (
        <ErrorAlert>{error}</ErrorAlert>
      )}
      <Button type="submit" disabled={busy}>
        Join Cohort
      </Button>
    </form>
  );
}
