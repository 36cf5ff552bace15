'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/client/api';
import { chosenIds, exerciseChoices } from '@/lib/cohorts/exercises';
import { ExerciseChooser } from './exercise-chooser';
import { StatusText } from '@/components/instructor/status-text';

/** The cohort's "Exercises" setting: which exercises it does and in what order, saved with PATCH. */
export function CohortExercisesForm({ cohortId, chosen }: { cohortId: string; chosen: string[] }) {
  const router = useRouter();
  const [choices, setChoices] = useState(() => exerciseChoices(chosen));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    const exercises = chosenIds(choices);
    if (exercises.length === 0) {
      setError('Choose at least one exercise.');
      return;
    }
    setError(null);
    setBusy(true);
    const answer = await apiFetch(`/api/instructor/cohorts/${cohortId}`, { method: 'PATCH', json: { exercises } });
    setBusy(false);
    if (!answer.ok) {
      setStatus({ kind: 'error', text: `Could not save the exercises: ${answer.message}` });
      return;
    }
    setStatus({ kind: 'ok', text: 'Exercises saved.' });
    router.refresh();
  }

  return (
    <form noValidate onSubmit={save} className="space-y-3">
      <ExerciseChooser choices={choices} onChange={setChoices} error={error} legend="Exercises of this cohort" />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={busy}>
          Save Exercises
        </Button>
        <div role="status" aria-live="polite" className="text-sm">
          <StatusText status={status} />
        </div>
      </div>
    </form>
  );
}
