'use client';

import { useId } from 'react';
import { Notice } from '@/components/ui/notice';
import type { Report } from '@/lib/exercise/report';
import { CheckResults } from './check-results';

/**
 * Where a check's outcome shows (CheckForm's and the course's PostCheck's): a live region with
 * the error, or the checklist with `action(report)` beside its verdict and `children(report)`
 * under it. `results` is {@link useCheckSubmit}'s ref, which brings it into view.
 */
export function CheckOutcome<R extends Report>({
  results,
  error,
  report,
  action,
  children,
}: {
  results: React.Ref<HTMLDivElement>;
  error: string | null;
  report: R | null;
  action?: (report: R) => React.ReactNode;
  children?: (report: R) => React.ReactNode;
}) {
  const headingId = useId();
  return (
    <div ref={results} aria-live="polite">
      {error && <Notice kind="error">{error}</Notice>}
      {report && (
        <div className="space-y-4">
          <CheckResults report={report} headingId={headingId} action={action?.(report)} />
          {children?.(report)}
        </div>
      )}
    </div>
  );
}
