'use client';

import { useEffect, useId, useRef } from 'react';
import { cn } from '@/components/ui/cn';
import { moveChoice, type ExerciseChoice } from '@/lib/cohorts/exercises';

const MOVE =
  'rounded border border-slate-400 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

/**
 * Which exercises a cohort does, and in what order: a checkbox per exercise and Move up / Move
 * down buttons (named with the exercise for screen readers). A moved exercise keeps the focus
 * on its button, or on the other one when it reached an end. Coming exercises are listed,
 * disabled, as "coming".
 */
export function ExerciseChooser({
  choices,
  onChange,
  error,
  legend = 'Exercises',
}: {
  choices: ExerciseChoice[];
  onChange: (choices: ExerciseChoice[]) => void;
  error?: string | null;
  legend?: string;
}) {
  const id = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);
  const movable = choices.filter((c) => !c.coming).length;

  useEffect(() => {
    const moved = focusAfterMove.current;
    if (!moved) return;
    focusAfterMove.current = null;
    const same = buttons.current.get(`${moved.id}:${moved.direction}`);
    const other = buttons.current.get(`${moved.id}:${moved.direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [choices]);

  const move = (index: number, direction: 'up' | 'down') => {
    onChange(moveChoice(choices, index, direction === 'up' ? -1 : 1));
    focusAfterMove.current = { id: choices[index]!.id, direction };
  };
  const ref = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-base font-medium">{legend}</legend>
      <p className="text-sm text-slate-700 dark:text-slate-300">Choose what the cohort does, in the order your learners see it.</p>
      <ol className="space-y-1.5">
        {choices.map((choice, index) => (
          <li
            key={choice.id}
            data-exercise={choice.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 px-3 py-1.5 dark:border-slate-800"
          >
            <label className={cn('flex items-center gap-2', choice.coming && 'text-slate-600 dark:text-slate-400')}>
              <input
                type="checkbox"
                checked={choice.chosen}
                disabled={choice.coming}
                onChange={(e) => onChange(choices.map((c) => (c.id === choice.id ? { ...c, chosen: e.target.checked } : c)))}
                className="size-4"
              />
              {choice.title}
              {choice.coming && <span className="text-xs">(coming)</span>}
            </label>
            {!choice.coming && (
              <span className="flex gap-1">
                <button
                  ref={ref(`${choice.id}:up`)}
                  type="button"
                  className={MOVE}
                  aria-label={`Move up: ${choice.title}`}
                  disabled={index === 0}
                  onClick={() => move(index, 'up')}
                >
                  Move up
                </button>
                <button
                  ref={ref(`${choice.id}:down`)}
                  type="button"
                  className={MOVE}
                  aria-label={`Move down: ${choice.title}`}
                  disabled={index === movable - 1}
                  onClick={() => move(index, 'down')}
                >
                  Move down
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </fieldset>
  );
}
