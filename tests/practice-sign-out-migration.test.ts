/**
 * Migration 015 (issue 22): each practice app's sign-out redirect URIs. Existing apps get
 * an empty list; down removes the column and keeps the rows; up again restores it.
 */
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '@/lib/db/client';
import { migrations } from '@/lib/db/migrations';
import { useTempDatabase } from './support/db';

describe('migration 015: sign-out redirect URIs per practice app', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let db: DB;
  let migrator: Migrator;
  const row = {
    client_id: '0oaBEFOREMIGRATION15',
    learner_id: 'learner-before-015',
    client_secret: 's'.repeat(40),
    grant_types: JSON.stringify(['authorization_code']),
    redirect_uris: JSON.stringify(['http://localhost:3000/redirect']),
    refresh_token_rotation: 'persistent' as const,
    created_at: '2026-12-01T10:00:00.000Z',
    updated_at: '2026-12-01T10:00:00.000Z',
    require_pkce: 0,
    app_type: 'web',
  };

  beforeAll(async () => {
    temp = await useTempDatabase();
    db = openDatabase(await temp.createEmptyDatabase());
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '015'));
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
    await db.insertInto('learners').values({ id: row.learner_id, created_at: row.created_at, last_seen_at: row.created_at }).execute();
    await db.insertInto('practice_clients').values(row).execute();
    migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
  afterAll(async () => {
    await db?.destroy();
    await temp.cleanup();
  });

  const columns = async () =>
    (await db.introspection.getTables()).find((table) => table.name === 'practice_clients')!.columns.map((column) => column.name);

  it('gives an existing app an empty list', async () => {
    expect(await db.selectFrom('practice_clients').selectAll().execute()).toEqual([{ ...row, post_logout_redirect_uris: '[]' }]);
  });

  it('goes down without losing the app, and up again', async () => {
    const names = Object.keys(migrations);
    const latestBefore015 = names[names.indexOf('015-practice-sign-out-redirects') - 1]!;
    expect((await migrator.migrateTo(latestBefore015)).error).toBeUndefined();
    expect(await columns()).not.toContain('post_logout_redirect_uris');
    expect(await db.selectFrom('practice_clients').select('client_id').execute()).toEqual([{ client_id: row.client_id }]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await columns()).toContain('post_logout_redirect_uris');
  });
});
