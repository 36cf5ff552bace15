'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { readStored, subscribeStored, writeStored, type StoredKey } from './browser-storage';

/**
 * A value this browser keeps for the learner (see browser-storage.ts), as React state:
 * null on the server and during hydration, the stored value right after, updated when it
 * changes in this tab or another. Replaces "read storage in an effect, then setState".
 * @see https://react.dev/reference/react/useSyncExternalStore
 */
export function useStoredValue(key: StoredKey): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribeStored,
    () => readStored(key),
    () => null,
  );
  const set = useCallback((next: string | null) => writeStored(key, next), [key]);
  return [value, set];
}
