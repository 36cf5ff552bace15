'use client';

import { useEffect, useRef, useState } from 'react';
import { apiFetch } from '@/lib/client/api';
import { describeDashboardChanges } from '@/lib/cohorts/announcements';
import type { DashboardRow, MistakeCount } from '@/lib/cohorts/dashboard';
import type { StepId } from '@/lib/exercise/report';
import { LearnersTable } from './learners-table';
import { MistakesChart } from './mistakes-chart';

const REFRESH_MS = 5000;

const clock = (ms: number) => new Date(ms).toLocaleTimeString('en-GB');

/**
 * The live cohort view: one row per learner, stuck learners flagged, and the most common
 * mistakes per step. Refreshes itself every few seconds while the tab is visible.
 *
 * The visible status line (counts, time of the last update) is deliberately not a live
 * region: it changes every 5 s, and a screen reader would read it out every 5 s. A
 * separate, visually hidden polite region says only what changed that matters — a learner
 * newly stuck, completed or joined — and when updates stop or resume.
 */
export function CohortDashboard({
  cohortId,
  initialRows,
  initialMistakes,
  renderedAt,
}: {
  cohortId: string;
  initialRows: DashboardRow[];
  initialMistakes: Record<StepId, MistakeCount[]>;
  /** When the server read the rows (epoch ms), so the first render matches the server's. */
  renderedAt: number;
}) {
  const [rows, setRows] = useState(initialRows);
  const [mistakes, setMistakes] = useState(initialMistakes);
  const [updatedAt, setUpdatedAt] = useState(renderedAt);
  const [stale, setStale] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef({ rows: initialRows, stale: false });

  useEffect(() => {
    let stopped = false;
    async function refresh() {
      if (document.visibilityState !== 'visible') return;
      const [learners, mistakesAnswer] = await Promise.all([
        apiFetch<{ learners: DashboardRow[] }>(`/api/instructor/cohorts/${cohortId}/learners`),
        apiFetch<{ steps: Record<StepId, MistakeCount[]> }>(`/api/instructor/cohorts/${cohortId}/mistakes`),
      ]);
      if (stopped) return;
      if (!learners.ok || !mistakesAnswer.ok) {
        // Offline for a moment, or signed out elsewhere: the next tick tries again. Said once.
        if (!latest.current.stale) setAnnouncement('Live updates paused: the site could not be reached. Retrying.');
        latest.current.stale = true;
        setStale(true);
        return;
      }
      const changes = describeDashboardChanges(latest.current.rows, learners.data.learners);
      const resumed = latest.current.stale ? 'Live updates resumed.' : '';
      if (changes || resumed) setAnnouncement([resumed, changes].filter(Boolean).join(' '));
      latest.current = { rows: learners.data.learners, stale: false };
      setRows(learners.data.learners);
      setMistakes(mistakesAnswer.data.steps);
      setStale(false);
      setUpdatedAt(Date.now());
    }
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [cohortId]);

  const stuckCount = rows.filter((r) => r.stuck).length;
  const doneCount = rows.filter((r) => r.completedAt).length;

  return (
    <div className="space-y-8">
      <p data-testid="dashboard-announcement" role="status" className="sr-only">
        {announcement}
      </p>
      <section aria-labelledby="learners-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="learners-heading" className="text-xl font-semibold">
            Learners
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {rows.length} {rows.length === 1 ? 'learner' : 'learners'} · {doneCount} completed · {stuckCount} may be stuck ·{' '}
            <span suppressHydrationWarning>
              {stale ? `Not updated since ${clock(updatedAt)} (retrying)` : `Updated ${clock(updatedAt)}`}
            </span>
          </p>
        </div>
        {rows.length === 0 ? (
          <p>No one has joined yet. Share the join code or link above.</p>
        ) : (
          <LearnersTable cohortId={cohortId} rows={rows} now={updatedAt} />
        )}
      </section>
      <MistakesChart mistakes={mistakes} skippedEnable={rows.filter((r) => r.enable.status === 'skipped').length} />
    </div>
  );
}
