import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import { migrations } from '@/lib/db/migrations';

/** Migration 007 on a real SQLite file that already holds cohorts from before it. */
describe('migration 007: short join codes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-lab-migration-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives every existing cohort its own short code, and keeps them unique from then on', async () => {
    const db = openDatabase(`file:${path.join(dir, 'before-007.db')}`);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      expect((await migrator.migrateTo('004-journey')).error).toBeUndefined();
      await db
        .insertInto('instructors')
        .values({ id: 'i1', email: 't@example.com', password_hash: 'x', created_at: '2026-11-01T00:00:00Z' })
        .execute();
      for (let i = 0; i < 50; i++) {
        await db
          .insertInto('cohorts')
          .values({
            id: `c${i}`,
            instructor_id: 'i1',
            name: `Class ${i}`,
            join_code: `long-code-${i}`,
            created_at: '2026-11-01T00:00:00Z',
            archived_at: null,
          })
          .execute();
      }

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db.selectFrom('cohorts').select(['id', 'join_code', 'short_code']).execute();
      expect(rows).toHaveLength(50);
      for (const row of rows) expect(row.short_code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      expect(new Set(rows.map((r) => r.short_code)).size).toBe(50);
      expect(rows.find((r) => r.id === 'c7')!.join_code).toBe('long-code-7');

      await expect(
        db.updateTable('cohorts').set({ short_code: rows[0]!.short_code }).where('id', '=', rows[1]!.id).execute(),
      ).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.destroy();
    }
  });
});
