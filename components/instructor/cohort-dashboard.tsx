'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { apiFetch } from '@/lib/client/api';
import type { DashboardRow, MistakeCount } from '@/lib/cohorts/dashboard';
import { meaningOf } from '@/lib/exercise/codes';
import type { StepId } from '@/lib/exercise/report';

const STEPS: { id: StepId; label: string }[] = [
  { id: 'setup', label: 'Setup' },
  { id: 'authorize-url', label: 'Authorization URL' },
  { id: 'redirect', label: 'Redirect' },
  { id: 'token-response', label: 'Token response' },
  { id: 'refresh-response', label: 'Refresh response' },
];
const STEP_LABEL = Object.fromEntries([...STEPS.map((s) => [s.id, s.label]), ['complete', 'Complete']]) as Record<
  StepId | 'complete',
  string
>;

type SortKey = 'name' | 'progress' | 'activity' | 'attempts';
const REFRESH_MS = 5000;

function progressOf(row: DashboardRow): number {
  return STEPS.filter((s) => row.steps[s.id].status === 'pass').length;
}
function attemptsOf(row: DashboardRow): number {
  return STEPS.reduce((sum, s) => sum + row.steps[s.id].attempts, 0);
}
const timeAgo = (iso: string, now: number) => {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
};

/**
 * The live cohort view: one row per learner, stuck learners flagged, and the most
 * common mistakes per step. Refreshes itself every few seconds while open.
 */
export function CohortDashboard({
  cohortId,
  initialRows,
  initialMistakes,
}: {
  cohortId: string;
  initialRows: DashboardRow[];
  initialMistakes: Record<StepId, MistakeCount[]>;
}) {
  const [rows, setRows] = useState(initialRows);
  const [mistakes, setMistakes] = useState(initialMistakes);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'progress', descending: false });
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());

  useEffect(() => {
    let stopped = false;
    async function refresh() {
      if (document.visibilityState !== 'visible') return;
      const [learners, mistakesAnswer] = await Promise.all([
        apiFetch<{ learners: DashboardRow[] }>(`/api/instructor/cohorts/${cohortId}/learners`),
        apiFetch<{ steps: Record<StepId, MistakeCount[]> }>(`/api/instructor/cohorts/${cohortId}/mistakes`),
      ]);
      // Offline for a moment, or signed out elsewhere: the next tick tries again.
      if (stopped || !learners.ok || !mistakesAnswer.ok) return;
      setRows(learners.data.learners);
      setMistakes(mistakesAnswer.data.steps);
      setUpdatedAt(Date.now());
    }
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [cohortId]);

  const sorted = useMemo(() => {
    const compare: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
      name: (a, b) => a.displayName.localeCompare(b.displayName),
      progress: (a, b) => progressOf(a) - progressOf(b) || Number(Boolean(b.stuck)) - Number(Boolean(a.stuck)),
      activity: (a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt),
      attempts: (a, b) => attemptsOf(a) - attemptsOf(b),
    };
    const list = [...rows].sort(compare[sort.key]);
    return sort.descending ? list.reverse() : list;
  }, [rows, sort]);

  const stuckCount = rows.filter((r) => r.stuck).length;
  const doneCount = rows.filter((r) => r.completedAt).length;

  const onSort = (k: SortKey) => setSort((current) => ({ key: k, descending: current.key === k ? !current.descending : false }));
  const ariaSort = (k: SortKey) => (sort.key === k ? (sort.descending ? 'descending' : 'ascending') : undefined);

  return (
    <div className="space-y-8">
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {rows.length} {rows.length === 1 ? 'learner' : 'learners'} · {doneCount} completed · {stuckCount} may be stuck · updated{' '}
        {new Date(updatedAt).toLocaleTimeString('en-GB')}
      </p>

      <section aria-labelledby="learners-heading" className="space-y-3">
        <h2 id="learners-heading" className="text-xl font-semibold">
          Learners
        </h2>
        {rows.length === 0 ? (
          <p>No one has joined yet. Share the join link above.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full min-w-[56rem] text-left text-sm">
              <caption className="sr-only">Learners of this cohort, their current step and each step&apos;s status and attempts</caption>
              <thead className="bg-slate-50 dark:bg-slate-800">
                <tr>
                  <th scope="col" className="px-3 py-2" aria-sort={ariaSort('name')}>
                    <SortButton k="name" sort={sort} onSort={onSort}>
                      Name
                    </SortButton>
                  </th>
                  <th scope="col" className="px-3 py-2" aria-sort={ariaSort('progress')}>
                    <SortButton k="progress" sort={sort} onSort={onSort}>
                      Current step
                    </SortButton>
                  </th>
                  {STEPS.map((s) => (
                    <th key={s.id} scope="col" className="px-3 py-2 font-semibold">
                      {s.label}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2" aria-sort={ariaSort('attempts')}>
                    <SortButton k="attempts" sort={sort} onSort={onSort}>
                      Attempts
                    </SortButton>
                  </th>
                  <th scope="col" className="px-3 py-2" aria-sort={ariaSort('activity')}>
                    <SortButton k="activity" sort={sort} onSort={onSort}>
                      Last activity
                    </SortButton>
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Completed
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => (
                  <tr
                    key={row.learnerId}
                    data-testid="learner-row"
                    data-stuck={row.stuck ? 'true' : 'false'}
                    className={cn('border-t border-slate-200 dark:border-slate-800', row.stuck && 'bg-amber-50 dark:bg-amber-950/40')}
                  >
                    <th scope="row" className="min-w-44 px-3 py-2 font-medium">
                      <Link
                        href={`/instructor/cohorts/${cohortIdSafe(cohortId)}/learners/${row.learnerId}`}
                        className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300"
                      >
                        {row.displayName}
                      </Link>
                      {row.stuck && (
                        <span className="mt-1 block w-fit rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-950">
                          Stuck: {row.stuck.detail}
                        </span>
                      )}
                    </th>
                    <td className="px-3 py-2">{STEP_LABEL[row.currentStep]}</td>
                    {STEPS.map((s) => {
                      const cell = row.steps[s.id];
                      return (
                        <td key={s.id} className="px-3 py-2 whitespace-nowrap">
                          <span
                            className={cn(
                              'mr-1 font-semibold',
                              cell.status === 'pass' && 'text-emerald-800 dark:text-emerald-300',
                              cell.status === 'fail' && 'text-red-800 dark:text-red-300',
                            )}
                          >
                            {cell.status === 'pass' ? '✓ pass' : cell.status === 'fail' ? '✗ fail' : '–'}
                          </span>
                          {cell.attempts > 0 && <span className="text-slate-600 dark:text-slate-400">({cell.attempts})</span>}
                        </td>
                      );
                    })}
                    <td className="px-3 py-2">{attemptsOf(row)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={row.lastActivityAt}>{timeAgo(row.lastActivityAt, updatedAt)}</time>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {row.completedAt ? new Date(row.completedAt).toLocaleTimeString('en-GB') : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="mistakes-heading" className="space-y-4">
        <h2 id="mistakes-heading" className="text-xl font-semibold">
          Common mistakes
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {STEPS.map((step) => {
            const items = mistakes[step.id] ?? [];
            const max = Math.max(1, ...items.map((i) => i.count));
            return (
              <div key={step.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
                <h3 className="font-semibold">{step.label}</h3>
                {items.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No mistakes recorded.</p>
                ) : (
                  <ul className="mt-3 space-y-3" aria-label={`Most common mistakes: ${step.label}`}>
                    {items.slice(0, 6).map((item) => (
                      <li key={item.code} data-code={item.code} className="space-y-1">
                        <div className="flex justify-between gap-2 text-sm">
                          <code className="font-mono">{item.code}</code>
                          <span className="font-semibold">
                            {item.count} <span className="sr-only">{item.count === 1 ? 'attempt' : 'attempts'}</span>
                          </span>
                        </div>
                        <div aria-hidden="true" className="h-2 rounded bg-slate-100 dark:bg-slate-800">
                          <div className="h-2 rounded bg-indigo-600 dark:bg-indigo-400" style={{ width: `${(item.count / max) * 100}%` }} />
                        </div>
                        <p className="text-xs text-slate-700 dark:text-slate-300">{meaningOf(item.code) ?? ''}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}

function SortButton({
  k,
  sort,
  onSort,
  children,
}: {
  k: SortKey;
  sort: { key: SortKey; descending: boolean };
  onSort: (k: SortKey) => void;
  children: React.ReactNode;
}) {
  const active = sort.key === k;
  return (
    <button
      type="button"
      onClick={() => onSort(k)}
      className="inline-flex items-center gap-1 font-semibold underline-offset-2 hover:underline"
    >
      {children}
      <span aria-hidden="true">{active ? (sort.descending ? '▼' : '▲') : '↕'}</span>
    </button>
  );
}

function cohortIdSafe(id: string): string {
  return encodeURIComponent(id);
}
