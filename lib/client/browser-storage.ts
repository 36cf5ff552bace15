/**
 * What the learner's browser keeps between steps. The server never stores the code
 * verifier, the authorization code or tokens (README, "Security in short"); the browser holds them for the
 * curl commands. Tokens and codes live in sessionStorage (gone with the tab); the code
 * verifier and state in localStorage (the learner may log in from another tab).
 */
export const STORAGE_KEYS = {
  codeVerifier: 'oauthlab:code_verifier',
  codeChallenge: 'oauthlab:code_challenge',
  state: 'oauthlab:state',
  code: 'oauthlab:code',
  refreshToken: 'oauthlab:refresh_token',
  clientSecret: 'oauthlab:client_secret',
} as const;

export type StoredKey = keyof typeof STORAGE_KEYS;
type Key = StoredKey;
const SESSION_ONLY: Key[] = ['code', 'refreshToken', 'clientSecret'];

function storeFor(key: Key): Storage | null {
  if (typeof window === 'undefined') return null;
  try {
    return SESSION_ONLY.includes(key) ? window.sessionStorage : window.localStorage;
  } catch {
    return null; // storage disabled: the helpers still work, values just don't persist
  }
}

export function readStored(key: Key): string | null {
  return storeFor(key)?.getItem(STORAGE_KEYS[key]) ?? null;
}

// Components that show a stored value re-render when it changes: in this tab (listeners
// below) and in other tabs (the `storage` event).
const listeners = new Set<() => void>();

export function writeStored(key: Key, value: string | null): void {
  const store = storeFor(key);
  if (!store) return;
  try {
    if (value === null) store.removeItem(STORAGE_KEYS[key]);
    else store.setItem(STORAGE_KEYS[key], value);
  } catch {
    return; // quota or privacy mode: the value just does not persist
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a stored value changes, here or in another tab; returns the unsubscribe. */
export function subscribeStored(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function clearBrowserExerciseData(): void {
  for (const key of Object.keys(STORAGE_KEYS) as Key[]) writeStored(key, null);
}
