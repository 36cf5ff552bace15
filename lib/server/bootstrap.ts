import { randomBytes } from 'node:crypto';
import { getEnv, resetEnvCache, type Env } from '../env';
import { getDb, type DB } from '../db/client';
import { getOrCreateSetting } from '../db/settings';
import { ensureInstructorFromEnv } from '../instructors/store';

/**
 * Start-up work shared by the server and the integration tests: validate the
 * environment (fails fast, naming each bad variable), open and migrate the database,
 * make sure a session secret exists (generated once and kept in the database), and
 * create the first instructor from INSTRUCTOR_EMAIL / INSTRUCTOR_PASSWORD.
 */
export async function bootstrap(): Promise<{ env: Env; db: DB }> {
  let env = getEnv();
  const db = await getDb();
  if (!env.SESSION_SECRET) {
    const secret = await getOrCreateSetting(db, 'session_secret', () => randomBytes(32).toString('base64url'));
    // Next's module graph reads the environment through its own copy of lib/env, in this
    // same process: publishing the secret here makes it visible there too.
    process.env.SESSION_SECRET = secret;
    resetEnvCache();
    env = getEnv();
  }
  await ensureInstructorFromEnv(db, env.INSTRUCTOR_EMAIL, env.INSTRUCTOR_PASSWORD);
  return { env, db };
}
