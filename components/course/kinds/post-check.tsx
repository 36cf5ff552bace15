'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { CheckOutcome } from '@/components/exercise/check-outcome';
import { useCheckSubmit } from '@/components/exercise/use-check-submit';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useHydrated, useTypedBeforeHydration } from '@/lib/client/typed-values';
import type { Report } from '@/lib/exercise/report';

/**
 * A check without a paste: a button that posts the step's body (`{}` for "Create My Service
 * App" and "Check my call"), or a form of labelled one-line fields, and the report. The
 * report is announced and brought into view like CheckForm's. Every prop is plain data, so
 * a server component can render it.
 */
export function PostCheck<R extends Report>({
  endpoint,
  buttonLabel,
  busyLabel = 'Checking…',
  fields = [],
  next,
  afterPass,
}: {
  endpoint: string;
  buttonLabel: string;
  busyLabel?: string;
  /** One-line fields sent by name (their values as typed); none: the body is `{}`. */
  fields?: readonly { name: string; label: string; hint?: string; placeholder?: string; initial?: string; mono?: boolean }[];
  next?: { href: string; label: string } | null;
  /** Shown under a passing checklist (e.g. where the new app's settings are). */
  afterPass?: React.ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const hydrated = useHydrated();
  const { report, error, busy, results, submit: post } = useCheckSubmit<R>(endpoint);
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, values, setValues);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    void post(values);
  }

  return (
    <div className="space-y-5">
      <form ref={form} onSubmit={submit} className="space-y-3">
        {fields.map((f) => (
          <Field key={f.name} label={f.label} hint={f.hint}>
            {(control) => (
              <Input
                {...control}
                name={f.name}
                value={values[f.name] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                placeholder={f.placeholder}
                autoComplete="off"
                spellCheck={false}
                className={f.mono === false ? undefined : 'font-mono text-sm'}
              />
            )}
          </Field>
        ))}
        <Button type="submit" disabled={busy || !hydrated}>
          {busy ? busyLabel : buttonLabel}
        </Button>
      </form>
      <CheckOutcome
        results={results}
        error={error}
        report={report}
        action={(r) =>
          r.status === 'pass' && next ? (
            <Link href={next.href} className={buttonClass('primary')}>
              {next.label}
            </Link>
          ) : null
        }
      >
        {(r) => r.status === 'pass' && afterPass}
      </CheckOutcome>
    </div>
  );
}
