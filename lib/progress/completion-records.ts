/**
 * Shareable completion records: a public page, at an unguessable address, saying that
 * someone (a name, if they give one) completed the exercise on a date, and what it
 * covered. Nothing in it is a secret: no token, no client id, no issuer.
 */
import { randomBytes } from 'node:crypto';
import type { DB } from '../db/client';
import { JOURNEY } from '../exercise/steps';
import type { Completion } from './store';

export interface CompletionRecord {
  id: string;
  displayName: string | null;
  exercise: 'refresh-tokens';
  completedAt: string;
  /** The journey's step titles, all done. */
  steps: string[];
  /** Which kind of server it was done against (practice, okta, auth0, keycloak, generic). */
  serverKind: string;
  /** Whether the refresh token came back rotated. */
  rotated: boolean;
  /** The two access tokens' lifetimes in seconds, when known. */
  accessTokenLifetimes: (number | null)[];
}

const lifetime = (issuedAt: number | null, expiresAt: number | null) =>
  issuedAt !== null && expiresAt !== null ? expiresAt - issuedAt : null;

/** Creates a record of the learner's completion and returns it. */
export async function createCompletionRecord(
  db: DB,
  input: { learnerId: string; displayName: string | null; completion: Completion; serverKind: string },
  now: Date = new Date(),
): Promise<CompletionRecord> {
  const { first, refresh } = input.completion;
  const record: CompletionRecord = {
    id: randomBytes(16).toString('base64url'),
    displayName: input.displayName,
    exercise: 'refresh-tokens',
    completedAt: input.completion.completedAt,
    steps: JOURNEY.map((step) => step.title),
    serverKind: input.serverKind,
    rotated: refresh.refreshTokenFingerprint !== null && refresh.refreshTokenFingerprint !== first.refreshTokenFingerprint,
    accessTokenLifetimes: [lifetime(first.issuedAt, first.expiresAt), lifetime(refresh.issuedAt, refresh.expiresAt)],
  };
  const { id, displayName, exercise, completedAt, ...summary } = record;
  await db
    .insertInto('completion_records')
    .values({
      id,
      learner_id: input.learnerId,
      display_name: displayName,
      exercise,
      completed_at: completedAt,
      summary: JSON.stringify(summary),
      created_at: now.toISOString(),
    })
    .execute();
  return record;
}

/** A record by its id, or null. */
export async function findCompletionRecord(db: DB, id: string): Promise<CompletionRecord | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const row = await db.selectFrom('completion_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const summary = JSON.parse(row.summary) as Omit<CompletionRecord, 'id' | 'displayName' | 'exercise' | 'completedAt'>;
  return { id: row.id, displayName: row.display_name, exercise: 'refresh-tokens', completedAt: row.completed_at, ...summary };
}
