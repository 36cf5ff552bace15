'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { apiFetch } from '@/lib/client/api';
import type { Report } from '@/lib/exercise/report';
import { useRevealResult } from './use-reveal-result';

/**
 * A check's round trip, for CheckForm and the course's PostCheck: `submit(body)` posts it to
 * `endpoint` (busy meanwhile), then holds the report or the error message, refreshes the page
 * (progress, step list and later steps reflect the new state) and brings the result into view
 * through `results`, the ref for the element holding it ({@link useRevealResult}).
 */
export function useCheckSubmit<R extends Report>(endpoint: string) {
  const router = useRouter();
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const results = useRevealResult(report, !refreshing);

  async function submit(body: Record<string, unknown>, onReport?: (report: R) => void) {
    setBusy(true);
    setError(null);
    const answer = await apiFetch<R>(endpoint, { json: body });
    setBusy(false);
    if (!answer.ok) {
      setReport(null);
      setError(answer.message);
      return;
    }
    setReport(answer.data);
    onReport?.(answer.data);
    // The transition tells when the refresh has rendered, for the verdict to be brought back
    // into view if it moved.
    startRefresh(() => router.refresh());
  }

  return { report, error, busy, results, submit };
}
