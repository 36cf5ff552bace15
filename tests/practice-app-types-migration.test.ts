import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf, migrateToLatest, openDatabase, type DB } from '@/lib/db/client';
import { migrations } from '@/lib/db/migrations';
import { useTempDatabase } from './support/db';

/**
 * Migration 011 on a database built by the migrations before it (SQLite and Postgres),
 * holding a learner's app and the rows that reference it: after it, that app is the
 * learner's web app, unchanged, and nothing that referenced it is lost.
 */
describe('migration 011: one practice app per learner and app type', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let db: DB;
  const before = {
    client_id: '0oaBEFOREMIGRATION1',
    learner_id: 'learner-before-011',
    client_secret: 's'.repeat(40),
    grant_types: JSON.stringify(['authorization_code', 'refresh_token']),
    redirect_uris: JSON.stringify(['http://localhost:3000/redirect']),
    refresh_token_rotation: 'rotate' as const,
    created_at: '2026-11-01T10:00:00.000Z',
    updated_at: '2026-11-02T10:00:00.000Z',
    require_pkce: 1,
  };

  beforeAll(async () => {
    temp = await useTempDatabase();
    db = openDatabase(await temp.createEmptyDatabase());
    const previous = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '011'));
    const migrator = new Migrator({ db, provider: { getMigrations: async () => previous } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db
      .insertInto('learners')
      .values({ id: before.learner_id, created_at: before.created_at, last_seen_at: before.created_at })
      .execute();
    await db
      .insertInto('learners')
      .values({ id: 'other-learner', created_at: before.created_at, last_seen_at: before.created_at })
      .execute();
    // Through the table type of before 011 (no app_type): the row as it was.
    await db.insertInto('practice_clients').values(before).execute();
    await db
      .insertInto('practice_code_exchanges')
      .values({
        code_fingerprint: 'f'.repeat(64),
        client_id: before.client_id,
        grant_id: 'g1',
        exchanged_at: 1,
        reused_at: 2,
        revoked_at: null,
      })
      .execute();
    await db
      .insertInto('practice_revoked_access_tokens')
      .values({ jti: 'AT.1', client_id: before.client_id, revoked_at: 1, expires_at: 9 })
      .execute();
    await db
      .insertInto('practice_recipe_mistakes')
      .values({ client_id: before.client_id, kind: 'basic', label: 'newline+wrapped', code_fingerprint: null, recorded_at: 3 })
      .execute();
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await temp.cleanup();
  });

  it("makes the existing app that learner's web app, unchanged", async () => {
    const rows = await db.selectFrom('practice_clients').selectAll().execute();
    // (post_logout_redirect_uris: added empty by migration 015.)
    expect(rows).toEqual([{ ...before, app_type: 'web', post_logout_redirect_uris: '[]' }].map((row) => ({ ...row, require_pkce: 1 })));
  });

  it('keeps the rows that reference the app', async () => {
    expect(await db.selectFrom('practice_code_exchanges').select(['client_id', 'grant_id', 'reused_at']).execute()).toEqual([
      { client_id: before.client_id, grant_id: 'g1', reused_at: 2 },
    ]);
    expect(await db.selectFrom('practice_revoked_access_tokens').select(['jti', 'client_id']).execute()).toEqual([
      { jti: 'AT.1', client_id: before.client_id },
    ]);
    expect(await db.selectFrom('practice_recipe_mistakes').select(['client_id', 'label']).execute()).toEqual([
      { client_id: before.client_id, label: 'newline+wrapped' },
    ]);
    if (dialectOf(db) === 'sqlite') {
      expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
      expect((await sql`SELECT name FROM sqlite_temp_master`.execute(db)).rows).toEqual([]);
    }
  });

  it('allows one app per learner and type, and refuses a second of the same type', async () => {
    const app = (client_id: string, app_type: string, learner_id = before.learner_id) => ({
      ...before,
      client_id,
      learner_id,
      app_type,
    });
    await db.insertInto('practice_clients').values(app('0oaSERVICEAPP000001', 'service')).execute();
    await db
      .insertInto('practice_clients')
      .values(app('0oaOTHERWEBAPP00001', 'web', 'other-learner'))
      .execute();
    await expect(db.insertInto('practice_clients').values(app('0oaSECONDWEBAPP0001', 'web')).execute()).rejects.toThrow(/unique/i);
    await expect(
      db
        .insertInto('practice_clients')
        .values(app('0oaNOLEARNER0000001', 'web', 'nobody'))
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await expect(db.insertInto('practice_clients').values(app(before.client_id, 'spa')).execute()).rejects.toThrow(/unique|duplicate/i);
    // A new app without a type is a web app (the column's default).
    const untyped = { ...before, client_id: '0oaUNTYPED000000001', learner_id: 'other-learner' };
    await expect(db.insertInto('practice_clients').values(untyped).execute()).rejects.toThrow(/unique/i);
  });

  it('still cascades: the references to practice_clients hold, and a learner takes their apps along', async () => {
    await expect(
      db
        .insertInto('practice_code_exchanges')
        .values({
          code_fingerprint: 'e'.repeat(64),
          client_id: '0oaNOSUCHAPP0000001',
          grant_id: 'g',
          exchanged_at: 1,
          reused_at: null,
          revoked_at: null,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await db.deleteFrom('learners').where('id', '=', before.learner_id).execute();
    expect(await db.selectFrom('practice_clients').select('client_id').execute()).toEqual([{ client_id: '0oaOTHERWEBAPP00001' }]);
    expect(await db.selectFrom('practice_code_exchanges').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('practice_recipe_mistakes').selectAll().execute()).toEqual([]);
  });

  it('goes down to one app per learner, keeping the web apps', async () => {
    await db
      .insertInto('practice_clients')
      .values({ ...before, client_id: '0oaSERVICEAPP000002', learner_id: 'other-learner', app_type: 'service' })
      .execute();
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('010-practice-recipe-mistakes')).error).toBeUndefined();
    const rows = await sql<{ client_id: string }>`SELECT * FROM practice_clients`.execute(db);
    expect(rows.rows.map((row) => row.client_id)).toEqual(['0oaOTHERWEBAPP00001']);
    expect(rows.rows[0]).not.toHaveProperty('app_type');
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
