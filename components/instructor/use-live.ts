'use client';

import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/client/api';

/** How often an open dashboard reads again (as the Refresh Tokens view does). */
export const LIVE_REFRESH_MS = 5000;

/**
 * JSON from the instructor API, read again every few seconds while the tab is visible.
 * `stale` while the site cannot be reached (the next tick tries again).
 */
export function useLive<T>(url: string, initial: T, renderedAt: number) {
  const [state, setState] = useState({ data: initial, updatedAt: renderedAt, stale: false });
  useEffect(() => {
    let stopped = false;
    async function refresh() {
      if (document.visibilityState !== 'visible') return;
      const answer = await apiFetch<T>(url);
      if (stopped) return;
      setState((current) => (answer.ok ? { data: answer.data, updatedAt: Date.now(), stale: false } : { ...current, stale: true }));
    }
    const timer = setInterval(refresh, LIVE_REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [url]);
  return state;
}

export const clockOf = (ms: number) => new Date(ms).toLocaleTimeString('en-GB');
