/**
 * Resume links: an unguessable URL that opens a learner's progress in another browser.
 * Whoever holds the link continues as that learner, so it is a credential: only its
 * SHA-256 is stored, and Reset deletes every link of the learner.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DB } from '../db/client';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** 32 random bytes, base64url: the secret part of a resume link. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Creates a link for the learner (who must exist) and returns its secret token. */
export async function createResumeToken(db: DB, learnerId: string, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('resume_links')
    .values({ token_hash: hash(token), learner_id: learnerId, created_at: now.toISOString() })
    .execute();
  return token;
}

/** The learner a resume token opens, or null for an unknown, malformed or reset one. */
export async function findLearnerByResumeToken(db: DB, token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db.selectFrom('resume_links').select('learner_id').where('token_hash', '=', hash(token)).executeTakeFirst();
  return row?.learner_id ?? null;
}
