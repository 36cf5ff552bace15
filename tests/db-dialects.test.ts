/**
 * What differs between the two databases stays inside lib/db (issue 10): the same query
 * returns the same JavaScript types on SQLite and on Postgres (pg hands int8 and count(*)
 * back as strings unless told otherwise), and the client says which database it talks to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf } from '@/lib/db/client';
import { useTempDatabase } from './support/db';

describe('one query layer, two databases', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it('knows its dialect from DATABASE_URL', () => {
    expect(dialectOf(temp.db)).toBe(temp.dialect);
  });

  it('returns bigint columns and counts as numbers', async () => {
    const expires = 2_000_000_000_123;
    await temp.db
      .insertInto('oidc_payloads')
      .values({ model: 'Test', id: 'a', payload: '{}', grant_id: null, uid: null, user_code: null, expires_at: expires, consumed_at: null })
      .execute();
    const row = await temp.db
      .selectFrom('oidc_payloads')
      .select(['expires_at', 'consumed_at'])
      .where('id', '=', 'a')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ expires_at: expires, consumed_at: null });
    const { n } = await temp.db
      .selectFrom('oidc_payloads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('compares ISO-8601 times stored as text in time order', async () => {
    const times = ['2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z', '2026-11-30T23:59:59.999Z'];
    for (const [i, at] of times.entries()) {
      await temp.db
        .insertInto('learners')
        .values({ id: `00000000-0000-0000-0000-00000000000${i}`, created_at: at, last_seen_at: at })
        .execute();
    }
    const ordered = await temp.db.selectFrom('learners').select('last_seen_at').orderBy('last_seen_at').execute();
    expect(ordered.map((r) => r.last_seen_at)).toEqual([...times].sort());
  });
});
