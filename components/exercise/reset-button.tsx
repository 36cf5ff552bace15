'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/client/api';
import { clearBrowserExerciseData } from '@/lib/client/browser-storage';

/**
 * "Reset": starts the exercise over (after a confirmation), from any step. `endpoint` and
 * `afterHref` default to the Refresh Tokens exercise's.
 */
export function ResetButton({
  endpoint = '/api/progress',
  afterHref = '/exercise/refresh/setup',
}: {
  endpoint?: string;
  afterHref?: string;
} = {}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setBusy(true);
    setError(null);
    const answer = await apiFetch(endpoint, { method: 'DELETE' });
    setBusy(false);
    if (!answer.ok) {
      setError(`Could not reset: ${answer.message}`);
      return;
    }
    clearBrowserExerciseData();
    setConfirming(false);
    router.push(afterHref);
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Reset
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm reset" className="flex flex-wrap items-center gap-2 text-sm">
      <span>Start over? Your checks are cleared.</span>
      <Button variant="danger" onClick={reset} disabled={busy} autoFocus>
        Yes, reset
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {error && (
        <p role="alert" className="basis-full text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
