'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Field, Input } from '@/components/ui/field';
import { apiFetch } from '@/lib/client/api';
import { useHydrated, useTypedBeforeHydration } from '@/lib/client/typed-values';
import { DEFAULT_COHORT_CAPACITY, MAX_COHORT_CAPACITY } from '@/lib/cohorts/capacity';
import { chosenIds, DEFAULT_COHORT_EXERCISES, exerciseChoices } from '@/lib/cohorts/exercises';
import { ExerciseChooser } from './exercise-chooser';
import { StatusText } from './status-text';

export interface CohortItem {
  id: string;
  name: string;
  joinUrl: string;
  /** As shown: `K7PX-3MQA`. */
  shortCode: string;
  createdAt: string;
  archivedAt: string | null;
  learnerCount: number;
  /** How many learners it admits. */
  capacity: number;
}

/** Create a cohort, see each one's join link, archive or re-open. */
export function CohortList({ cohorts }: { cohorts: CohortItem[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const hydrated = useHydrated();
  const [capacity, setCapacity] = useState(String(DEFAULT_COHORT_CAPACITY));
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [exercises, setExercises] = useState(() => exerciseChoices(DEFAULT_COHORT_EXERCISES));
  const [errors, setErrors] = useState<{ name?: string; capacity?: string; exercises?: string }>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, { name, capacity }, (typed) => {
    setName(typed.name!);
    setCapacity(typed.capacity!);
  });
  const nameInput = useRef<HTMLInputElement>(null);
  const capacityInput = useRef<HTMLInputElement>(null);

  /** What is wrong with the form, said on its fields (the browser's own bubble vanishes and is not announced). */
  function validate(): { name?: string; capacity?: string; exercises?: string } {
    const found: { name?: string; capacity?: string; exercises?: string } = {};
    if (name.trim() === '') found.name = 'Give the cohort a name.';
    const size = Number(capacity);
    if (!/^\d+$/.test(capacity.trim()) || size < 1 || size > MAX_COHORT_CAPACITY) {
      found.capacity = `Enter a whole number from 1 to ${MAX_COHORT_CAPACITY}.`;
    }
    if (chosenIds(exercises).length === 0) found.exercises = 'Choose at least one exercise.';
    return found;
  }

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    const found = validate();
    setErrors(found);
    if (found.name || found.capacity) {
      (found.name ? nameInput : capacityInput).current?.focus();
      return;
    }
    if (found.exercises) return;
    setBusy(true);
    // The default choice is not sent: the cohort then follows the course as exercises are built.
    const chosen = chosenIds(exercises);
    const isDefault = chosen.join() === DEFAULT_COHORT_EXERCISES.join();
    const answer = await apiFetch<{ name: string }>('/api/instructor/cohorts', {
      json: { name, capacity: Number(capacity), ...(isDefault ? {} : { exercises: chosen }) },
    });
    setBusy(false);
    if (!answer.ok) {
      setStatus({ kind: 'error', text: answer.message.replace(/^Invalid request body: /, '') });
      return;
    }
    setName('');
    setCapacity(String(DEFAULT_COHORT_CAPACITY));
    setExercises(exerciseChoices(DEFAULT_COHORT_EXERCISES));
    setStatus({ kind: 'ok', text: `Cohort “${answer.data.name}” created. Share its join link with your learners.` });
    router.refresh();
  }

  async function setArchived(cohort: CohortItem, archived: boolean) {
    setStatus(null);
    const answer = await apiFetch(`/api/instructor/cohorts/${cohort.id}`, { method: 'PATCH', json: { archived } });
    if (!answer.ok) {
      setStatus({ kind: 'error', text: `Could not ${archived ? 'archive' : 're-open'} “${cohort.name}”: ${answer.message}` });
      return;
    }
    setStatus({ kind: 'ok', text: `Cohort “${cohort.name}” ${archived ? 'archived' : 're-opened'}.` });
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form
        ref={form}
        noValidate
        onSubmit={create}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <Field label="Cohort name" labelClassName="text-base" className="min-w-64 flex-1" error={errors.name}>
          {(control) => (
            <Input
              {...control}
              ref={nameInput}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              required
            />
          )}
        </Field>
        <Field label="Learners it admits" labelClassName="text-base" className="w-44" error={errors.capacity}>
          {(control) => (
            <Input
              {...control}
              ref={capacityInput}
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_COHORT_CAPACITY}
              step={1}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              required
            />
          )}
        </Field>
        <div className="basis-full">
          <ExerciseChooser choices={exercises} onChange={setExercises} error={errors.exercises} />
        </div>
        <Button type="submit" disabled={busy || !hydrated}>
          Create Cohort
        </Button>
      </form>
      <div role="status" aria-live="polite" className="text-sm">
        <StatusText status={status} />
      </div>
      {cohorts.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">No cohorts yet.</p>
      ) : (
        <ul className="space-y-3">
          {cohorts.map((cohort) => (
            <li
              key={cohort.id}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link
                    href={`/instructor/cohorts/${cohort.id}`}
                    className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300"
                  >
                    {cohort.name}
                  </Link>
                  {cohort.archivedAt && (
                    <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                      Archived
                    </span>
                  )}
                </h2>
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {cohort.learnerCount} {cohort.learnerCount === 1 ? 'learner' : 'learners'} (admits {cohort.capacity})
                </span>
              </div>
              {!cohort.archivedAt && (
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span>Join code:</span>
                  <span className="font-mono text-base font-semibold tracking-wider">{cohort.shortCode}</span>
                  <span className="ml-2">Join link:</span>
                  <code className="rounded bg-slate-100 px-2 py-1 font-mono break-all dark:bg-slate-800">{cohort.joinUrl}</code>
                  <CopyButton value={cohort.joinUrl} label={`join link of ${cohort.name}`} />
                </div>
              )}
              <Button variant="ghost" className="px-0" onClick={() => setArchived(cohort, !cohort.archivedAt)}>
                {cohort.archivedAt ? `Re-open ${cohort.name}` : `Archive ${cohort.name}`}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
