/**
 * Shareable completion records: a public page, at an unguessable address, saying that
 * someone (a name, if they give one) completed an exercise — or the whole course — on a
 * date, and what it covered. Nothing in it is a secret: no token, no client id, no issuer.
 */
import { randomBytes } from 'node:crypto';
import type { DB } from '../db/client';
import { JOURNEY } from '../exercise/steps';
import type { Completion } from './store';

interface RecordBase {
  id: string;
  displayName: string | null;
  completedAt: string;
  /** What was done: the journey's step titles, or the course's exercise titles. */
  steps: string[];
  /** Which kind of server it was done against (practice, okta, auth0, keycloak, generic). */
  serverKind: string;
}

/** The Refresh Tokens exercise's record (its shape since the first release). */
export interface RefreshCompletionRecord extends RecordBase {
  exercise: 'refresh-tokens';
  /** Whether the refresh token came back rotated. */
  rotated: boolean;
  /** The two access tokens' lifetimes in seconds, when known. */
  accessTokenLifetimes: (number | null)[];
}

/** Another exercise's record, or the course's (`exercise: 'course'`). */
export interface CourseCompletionRecord extends RecordBase {
  /** The exercise id (lib/course), or 'course'. */
  exercise: string;
  /** The exercise's title, or "the OAuth Lab course". */
  title: string;
}

export type CompletionRecord = RefreshCompletionRecord | CourseCompletionRecord;

export const isRefreshRecord = (record: CompletionRecord): record is RefreshCompletionRecord => record.exercise === 'refresh-tokens';

const lifetime = (issuedAt: number | null, expiresAt: number | null) =>
  issuedAt !== null && expiresAt !== null ? expiresAt - issuedAt : null;

async function save(db: DB, learnerId: string, record: CompletionRecord, now: Date): Promise<void> {
  const { id, displayName, exercise, completedAt, ...summary } = record;
  await db
    .insertInto('completion_records')
    .values({
      id,
      learner_id: learnerId,
      display_name: displayName,
      exercise,
      completed_at: completedAt,
      summary: JSON.stringify(summary),
      created_at: now.toISOString(),
    })
    .execute();
}

const newId = () => randomBytes(16).toString('base64url');

/** Creates a record of the learner's completion of the Refresh Tokens exercise and returns it. */
export async function createCompletionRecord(
  db: DB,
  input: { learnerId: string; displayName: string | null; completion: Completion; serverKind: string },
  now: Date = new Date(),
): Promise<RefreshCompletionRecord> {
  const { first, refresh } = input.completion;
  const record: RefreshCompletionRecord = {
    id: newId(),
    displayName: input.displayName,
    exercise: 'refresh-tokens',
    completedAt: input.completion.completedAt,
    steps: JOURNEY.map((step) => step.title),
    serverKind: input.serverKind,
    rotated: refresh.refreshTokenFingerprint !== null && refresh.refreshTokenFingerprint !== first.refreshTokenFingerprint,
    accessTokenLifetimes: [lifetime(first.issuedAt, first.expiresAt), lifetime(refresh.issuedAt, refresh.expiresAt)],
  };
  await save(db, input.learnerId, record, now);
  return record;
}

/** Creates a record of another exercise, or of the whole course, and returns it. */
export async function createCourseCompletionRecord(
  db: DB,
  input: {
    learnerId: string;
    displayName: string | null;
    exercise: string;
    title: string;
    completedAt: string;
    steps: string[];
    serverKind: string;
  },
  now: Date = new Date(),
): Promise<CourseCompletionRecord> {
  const { learnerId, ...fields } = input;
  const record: CourseCompletionRecord = { id: newId(), ...fields };
  await save(db, learnerId, record, now);
  return record;
}

/** A record by its id, or null. */
export async function findCompletionRecord(db: DB, id: string): Promise<CompletionRecord | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const row = await db.selectFrom('completion_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const summary = JSON.parse(row.summary) as Record<string, unknown>;
  return {
    id: row.id,
    displayName: row.display_name,
    exercise: row.exercise,
    completedAt: row.completed_at,
    ...summary,
  } as CompletionRecord;
}
