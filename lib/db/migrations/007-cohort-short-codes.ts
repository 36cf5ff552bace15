import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';

// Issue 11: a short, typeable join code per cohort (`/join/K7PX-3MQA`), beside the long
// one. Nullable at the database level (a column added to existing rows cannot be NOT NULL
// portably); every existing cohort gets one here and every new one at creation. Unique
// (NULLs aside, in SQLite and Postgres alike). Self-contained: the alphabet is repeated
// from lib/cohorts/join-code.ts so this migration never changes with that module.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function shortCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cohorts').addColumn('short_code', 'text').execute();

  const cohorts: { id: string }[] = await db.selectFrom('cohorts').select('id').execute();
  const taken = new Set<string>();
  for (const cohort of cohorts) {
    let code = shortCode();
    while (taken.has(code)) code = shortCode();
    taken.add(code);
    await db.updateTable('cohorts').set({ short_code: code }).where('id', '=', cohort.id).execute();
  }

  await db.schema.createIndex('cohorts_short_code').on('cohorts').column('short_code').unique().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cohorts_short_code').execute();
  await db.schema.alterTable('cohorts').dropColumn('short_code').execute();
}
