'use client';

import { useSyncExternalStore } from 'react';

/** The current second, as a store that ticks once a second while someone listens. */
const clock = {
  subscribe(onTick: () => void) {
    const timer = setInterval(onTick, 1000);
    return () => clearInterval(timer);
  },
  now: () => Math.floor(Date.now() / 1000),
};

function remaining(seconds: number): string {
  if (seconds <= 0) return 'expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h} h ` : ''}${m} min ${String(s).padStart(2, '0')} s left`;
}

/**
 * How long a token has left, counting down. Not a live region: a line that changes every
 * second must not be read out every second.
 */
export function TimeLeft({ expiresAt }: { expiresAt: number }) {
  const now = useSyncExternalStore(clock.subscribe, clock.now, () => null);
  return <span className="font-mono tabular-nums">{now === null ? '…' : remaining(expiresAt - now)}</span>;
}
