import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb, type DB } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';

/**
 * Points the process at a fresh SQLite file in a temporary folder, with a fixed session
 * secret. Returns the database and a cleanup function. Real file, real migrations.
 */
export async function useTempDatabase(
  extraEnv: Record<string, string> = {},
): Promise<{ db: DB; file: string; dir: string; cleanup: () => Promise<void> }> {
  await closeDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-lab-test-'));
  const file = path.join(dir, 'test.db');
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: `file:${file}`,
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-123',
    PUBLIC_URL: 'http://localhost:3999',
    ...extraEnv,
  });
  resetEnvCache();
  const db = await getDb();
  return {
    db,
    file,
    dir,
    cleanup: async () => {
      await closeDb();
      process.env = saved;
      resetEnvCache();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
