'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { CheckIcon } from '@/components/ui/icons';
import { Notice } from '@/components/ui/notice';
import { apiFetch } from '@/lib/client/api';
import { useHydrated, useTypedBeforeHydration } from '@/lib/client/typed-values';

/** `text` closing a sentence: a full stop added unless it ends with one already ("Bob S."). */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * What a learner is told about their place in a cohort: just joined, joined before (the join
 * link opened again), or renamed. Issue 20: "as Bob S.." had two full stops.
 */
export function membershipMessage(kind: 'joined' | 'already' | 'renamed', cohortName: string, displayName: string): string {
  switch (kind) {
    case 'joined':
      return `You joined ${cohortName} as ${endSentence(displayName)} Your instructor can now follow your progress.`;
    case 'already':
      return `You have already joined ${cohortName}, as ${endSentence(displayName)} Your instructor follows your progress under this name.`;
    case 'renamed':
      return `Your name in ${cohortName} is now ${endSentence(displayName)}`;
  }
}

const exerciseLink = (
  <Link href="/exercise/refresh" className={buttonClass('primary')}>
    Go to the exercise
  </Link>
);

/**
 * A learner joins a cohort with the name their instructor will see. A learner who has joined
 * already (`joinedAs`) is told so and as whom; renaming is an explicit choice, since the same
 * request would otherwise silently rename them.
 */
export function JoinForm({ code, cohortName, joinedAs }: { code: string; cohortName: string; joinedAs: string | null }) {
  const [current, setCurrent] = useState<{ kind: 'joined' | 'already' | 'renamed'; name: string } | null>(
    joinedAs ? { kind: 'already', name: joinedAs } : null,
  );
  const [renaming, setRenaming] = useState(false);
  const hydrated = useHydrated();
  const [displayName, setDisplayName] = useState(joinedAs ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, { displayName }, (typed) => setDisplayName(typed.displayName!));

  // Back from renaming (saved or cancelled), keyboard users land on the button that started it.
  const changeButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(renaming);
  useEffect(() => {
    if (wasRenaming.current && !renaming) changeButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  async function join(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await apiFetch<{ displayName: string }>('/api/cohorts/join', { json: { code, displayName } });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setCurrent({ kind: renaming ? 'renamed' : 'joined', name: answer.data.displayName });
    setRenaming(false);
  }

  if (current && !renaming) {
    return (
      <div className="space-y-4">
        <Notice kind="success" role="status" className="p-4">
          <CheckIcon className="mr-1" /> {membershipMessage(current.kind, cohortName, current.name)}
        </Notice>
        <div className="flex flex-wrap gap-3">
          {exerciseLink}
          <Button
            ref={changeButton}
            variant="secondary"
            onClick={() => {
              setDisplayName(current.name);
              setRenaming(true);
            }}
          >
            Change My Name
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form ref={form} onSubmit={join} className="space-y-4">
      <Field
        label="Display name"
        labelClassName="text-base"
        hint="The name your instructor sees next to your progress (up to 60 characters)."
      >
        {(control) => (
          <Input
            {...control}
            name="displayName"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            maxLength={60}
            required
            autoComplete="nickname"
            autoFocus={renaming}
            className="max-w-sm"
          />
        )}
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy || !hydrated}>
          {renaming ? 'Save My Name' : 'Join Cohort'}
        </Button>
        {renaming && (
          <Button variant="secondary" onClick={() => setRenaming(false)} disabled={busy}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
