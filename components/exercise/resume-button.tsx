'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/client/api';
import { clearBrowserExerciseData } from '@/lib/client/browser-storage';

/** "Continue here": makes this browser continue as the learner of a resume link, then opens `destination`. */
export function ResumeButton({ token, destination = '/exercise/refresh' }: { token: string; destination?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const answer = await apiFetch('/api/progress/resume', { json: { token } });
          if (!answer.ok) {
            setBusy(false);
            setError(answer.message);
            return;
          }
          // What this browser kept belonged to the progress it had before.
          clearBrowserExerciseData();
          router.push(destination);
          router.refresh();
        }}
      >
        {busy ? 'Opening…' : 'Continue here'}
      </Button>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}
