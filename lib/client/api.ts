/**
 * The one way the browser calls the site's JSON API. Every call answers the same shape:
 * the parsed body on success, or a message a person can read — the API's own
 * `{ error: { message } }`, or what went wrong on the way (offline, not JSON) — so no
 * caller fails silently or stays busy forever.
 */

export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number | null; code: string | null; message: string };

export const OFFLINE_MESSAGE = 'Could not reach OAuth Lab. Check your connection and try again.';

export async function apiFetch<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; json?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: init.json === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      cache: 'no-store',
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: null, code: null, message: OFFLINE_MESSAGE };
  }
  let body: unknown = null;
  try {
    body = response.status === 204 ? null : await response.json();
  } catch {
    body = null;
  }
  // A check that ran answers 200 with a report, and some reports carry an `error` field of
  // their own (the redirect's explained OAuth error): success is told by the status.
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : null,
    message: typeof error?.message === 'string' ? error.message : `The request failed (HTTP ${response.status}). Please try again.`,
  };
}
