/**
 * The authorization URLs a learner checked since the last reset (issue 19, class 7: the lab
 * knows more than it says). The authorization URL step keeps the latest one for the later
 * steps; this keeps a few earlier ones beside it — their state, scopes and challenge, never a
 * secret — so a redirect, a verifier or a login that belongs to an earlier URL can be named
 * with the time that URL was checked, instead of being guessed at.
 *
 * Pure: the clock comes in as an argument.
 */
import type { AuthorizeUrlRequest } from './authorize-url';

/** One checked authorization URL, as the later steps compare with it. */
export interface CheckedUrlRecord {
  /** When it passed its check (null: not recorded, an artefact older than this record). */
  checkedAt: Date | null;
  state: string | null;
  scopes: string[];
  codeChallenge: string | null;
}

/** What the authorization URL step keeps besides the request: when it was checked, and the URLs checked before it. */
export interface CheckedUrlHistory {
  /** ISO time of the check. */
  checkedAt?: string;
  /** Earlier checked URLs, newest first (at most {@link EARLIER_KEPT}). */
  earlier?: { checkedAt: string | null; state: string | null; scopes: string[]; codeChallenge: string | null }[];
}

export const EARLIER_KEPT = 4;

type StoredRequest = Pick<AuthorizeUrlRequest, 'state' | 'scopes' | 'codeChallenge'> & CheckedUrlHistory;

/**
 * The artefact a newly passed authorization URL keeps: the request, its check time, and the
 * previous artefact's URLs moved into `earlier` (the same state again is not a new URL).
 */
export function withCheckHistory<R extends AuthorizeUrlRequest>(
  request: R,
  previous: StoredRequest | null,
  now: Date,
): R & Required<CheckedUrlHistory> {
  const before = previous
    ? [
        {
          checkedAt: previous.checkedAt ?? null,
          state: previous.state,
          scopes: previous.scopes,
          codeChallenge: previous.codeChallenge,
        },
        ...(previous.earlier ?? []),
      ]
    : [];
  // The same URL checked again is not a new one; the same state with another challenge or other
  // scopes is (the helper keeps its state while the verifier or the scopes change).
  const same = (entry: (typeof before)[number]) =>
    entry.state === request.state && entry.codeChallenge === request.codeChallenge && entry.scopes.join(' ') === request.scopes.join(' ');
  const earlier = before.filter((entry) => !same(entry)).slice(0, EARLIER_KEPT);
  return { ...request, checkedAt: now.toISOString(), earlier };
}

const toDate = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The checked URLs an artefact records, oldest first; the last is the latest. Empty when none passed. */
export function checkedUrlsOf(artifact: StoredRequest | null): CheckedUrlRecord[] {
  if (!artifact) return [];
  const earlier = (artifact.earlier ?? []).map((entry) => ({
    checkedAt: toDate(entry.checkedAt),
    state: entry.state,
    scopes: entry.scopes,
    codeChallenge: entry.codeChallenge,
  }));
  return [
    ...earlier.reverse(),
    { checkedAt: toDate(artifact.checkedAt), state: artifact.state, scopes: artifact.scopes, codeChallenge: artifact.codeChallenge },
  ];
}

/** A time of day as the hints say it: "10:05:31 UTC". */
export const clockTime = (at: Date): string => `${at.toISOString().slice(11, 19)} UTC`;

/** "at 10:05:31 UTC" when the time is known, else "". */
export const atClock = (at: Date | null): string => (at ? ` at ${clockTime(at)}` : '');

/** A span as the hints say it: "7 min 43 s", "45 s", "1 h 2 min". */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  const m = Math.floor(s / 60);
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
