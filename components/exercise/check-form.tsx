'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { useHydrated, useTypedBeforeHydration } from '@/lib/client/typed-values';
import type { Report } from '@/lib/exercise/report';
import { CheckOutcome } from './check-outcome';
import { useCheckSubmit } from './use-check-submit';

/**
 * A paste box with a check button and the resulting checklist. The report is announced,
 * focus moves to its heading and the verdict is scrolled into view (useCheckSubmit);
 * `action(report)` sits beside the verdict, and
 * `children(report)` renders step-specific extras below.
 */
export function CheckForm<R extends Report>({
  endpoint,
  field,
  label,
  description,
  buttonLabel,
  rows = 6,
  placeholder,
  initialValue = '',
  extraBody,
  onReport,
  action,
  children,
}: {
  endpoint: string;
  field: string;
  label: string;
  description?: React.ReactNode;
  buttonLabel: string;
  rows?: number;
  placeholder?: string;
  initialValue?: string;
  /** More fields sent with the paste (e.g. the revoke demonstration's `expect: "revoked"`). */
  extraBody?: Record<string, string>;
  onReport?: (report: R, input: string) => void;
  /** The next thing to do after this report (a Log In or Next button), shown beside the verdict. */
  action?: (report: R) => React.ReactNode;
  /** Step-specific extras under the checklist (e.g. the decoded claims). */
  children?: (report: R) => React.ReactNode;
}) {
  const [value, setValue] = useState(initialValue);
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, { [field]: value }, (typed) => setValue(typed[field]!));
  const { report, error, busy, results, submit: post } = useCheckSubmit<R>(endpoint);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    void post({ ...extraBody, [field]: value }, (answer) => onReport?.(answer, value));
  }

  return (
    <div className="space-y-5">
      <form ref={form} onSubmit={submit} className="space-y-3">
        <Field label={label} labelClassName="text-base" hint={description}>
          {(control) => (
            <Textarea
              {...control}
              name={field}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              rows={rows}
              placeholder={placeholder}
            />
          )}
        </Field>
        <Button type="submit" disabled={busy || !hydrated}>
          {busy ? 'Checking…' : buttonLabel}
        </Button>
      </form>
      <CheckOutcome results={results} error={error} report={report} action={action}>
        {children}
      </CheckOutcome>
    </div>
  );
}
