'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Report } from '@/lib/exercise/report';
import { CheckResults } from './check-results';
import { ErrorAlert } from '@/components/ui/alert';

export type ApiAnswer<R> = { ok: true; report: R } | { ok: false; message: string };

/** POSTs a check to the API and returns the report or the API's error message. */
export async function postCheck<R extends Report>(endpoint: string, body: unknown): Promise<ApiAnswer<R>> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // A check that ran answers 200 with a report, and some reports carry an `error` field
    // of their own (the redirect's explained OAuth error): tell them apart by the status.
    const data = (await response.json()) as unknown;
    if (!response.ok) {
      const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
      return { ok: false, message: typeof message === 'string' ? message : `The check could not run (HTTP ${response.status}).` };
    }
    return { ok: true, report: data as R };
  } catch {
    return { ok: false, message: 'Could not reach OAuth Lab. Check your connection and try again.' };
  }
}

/**
 * A paste box with a check button and the resulting checklist. The report is announced
 * and focus moves to its heading; `children(report)` renders step-specific extras.
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
  onReport,
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
  onReport?: (report: R, input: string) => void;
  children?: (report: R) => React.ReactNode;
}) {
  const router = useRouter();
  const ids = { field: useId(), help: useId(), results: useId() };
  const [value, setValue] = useState(initialValue);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultsHeading = useRef<HTMLDivElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await postCheck<R>(endpoint, { [field]: value });
    setBusy(false);
    if (!answer.ok) {
      setReport(null);
      setError(answer.message);
      return;
    }
    setReport(answer.report);
    onReport?.(answer.report, value);
    router.refresh(); // progress, step list and later steps reflect the new state
  }

  // Focus the new checklist's heading once it is on the page (after React's commit: a
  // requestAnimationFrame callback can run before it, and focus would then stay lost).
  useEffect(() => {
    if (report) resultsHeading.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [report]);

  return (
    <div className="space-y-5">
      <form onSubmit={submit} className="space-y-3">
        <label htmlFor={ids.field} className="block font-medium">
          {label}
        </label>
        {description && (
          <div id={ids.help} className="text-sm text-slate-700 dark:text-slate-300">
            {description}
          </div>
        )}
        <textarea
          id={ids.field}
          name={field}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={description ? ids.help : undefined}
          rows={rows}
          placeholder={placeholder}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          className="block w-full rounded-md border border-slate-400 bg-white p-3 font-mono text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Checking…' : buttonLabel}
        </Button>
      </form>
      <div ref={resultsHeading} aria-live="polite">
        {error && (
          <ErrorAlert>{error}</ErrorAlert>
        )}
        {report && (
          <div className="space-y-4">
            <CheckResults report={report} headingId={ids.results} />
            {children?.(report)}
          </div>
        )}
      </div>
    </div>
  );
}
