import type { DB } from './client';

/** Reads a setting, or creates it with `create()` when absent (first writer wins). */
export async function getOrCreateSetting(db: DB, key: string, create: () => string | Promise<string>): Promise<string> {
  const existing = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  const value = await create();
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return stored.value;
}
