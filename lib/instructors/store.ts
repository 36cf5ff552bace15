import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DB } from '../db/client';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';

export interface Instructor {
  id: string;
  email: string;
}

/** Instructor sessions last a working day, then the instructor signs in again. */
export const INSTRUCTOR_SESSION_HOURS = 12;
export const INSTRUCTOR_COOKIE = 'oauthlab_instructor';

const normalizeEmail = (email: string) => email.trim().toLowerCase();
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Creates an instructor; returns null when the email is taken. */
export async function createInstructor(db: DB, email: string, password: string, now = new Date()): Promise<Instructor | null> {
  const id = randomUUID();
  const normalized = normalizeEmail(email);
  const result = await db
    .insertInto('instructors')
    .values({ id, email: normalized, password_hash: await hashPassword(password), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? { id, email: normalized } : null;
}

/** Sets a new password for an existing instructor (CLI "add" on a known email). */
export async function setInstructorPassword(db: DB, email: string, password: string): Promise<boolean> {
  const result = await db
    .updateTable('instructors')
    .set({ password_hash: await hashPassword(password) })
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Checks credentials in constant time whether or not the email exists. */
export async function authenticateInstructor(db: DB, email: string, password: string): Promise<Instructor | null> {
  const row = await db
    .selectFrom('instructors')
    .select(['id', 'email', 'password_hash'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
  return row && ok ? { id: row.id, email: row.email } : null;
}

/** Starts a session; returns the raw token for the cookie (only its hash is stored). */
export async function createInstructorSession(db: DB, instructorId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INSTRUCTOR_SESSION_HOURS * 3600_000);
  await db
    .insertInto('instructor_sessions')
    .values({ id_hash: sha256(token), instructor_id: instructorId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

/** The instructor of a session token, or null when unknown or expired. */
export async function findInstructorBySession(db: DB, token: string | undefined, now = new Date()): Promise<Instructor | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('instructor_sessions')
    .innerJoin('instructors', 'instructors.id', 'instructor_sessions.instructor_id')
    .select(['instructors.id', 'instructors.email', 'instructor_sessions.expires_at'])
    .where('instructor_sessions.id_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { id: row.id, email: row.email };
}

export async function deleteInstructorSession(db: DB, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.deleteFrom('instructor_sessions').where('id_hash', '=', sha256(token)).execute();
}

/** Creates the first instructor from INSTRUCTOR_EMAIL / INSTRUCTOR_PASSWORD when absent. */
export async function ensureInstructorFromEnv(db: DB, email: string | undefined, password: string | undefined): Promise<void> {
  if (!email || !password) return;
  const existing = await db.selectFrom('instructors').select('id').where('email', '=', normalizeEmail(email)).executeTakeFirst();
  if (!existing) await createInstructor(db, email, password);
}
