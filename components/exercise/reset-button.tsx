'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { clearBrowserExerciseData } from '@/lib/client/browser-storage';

/** "Reset": starts the exercise over (after a confirmation), from any step. */
export function ResetButton() {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function reset() {
    setBusy(true);
    try {
      await fetch('/api/progress', { method: 'DELETE' });
      clearBrowserExerciseData();
      setConfirming(false);
      router.push('/exercise/refresh/setup');
      router.refresh();
    } finally {
      setBusy(false);
    }
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
    </div>
  );
}
