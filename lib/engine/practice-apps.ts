/** The learner's practice apps by client id, named as the console names them (for checks that name "another app"). */
import type { DB } from '../db/client';
import { listPracticeApps, practiceAppTypeDefinition } from '../db/practice-clients';

export async function listPracticeAppNames(db: DB, learnerId: string): Promise<Record<string, string>> {
  const apps = await listPracticeApps(db, learnerId);
  return Object.fromEntries(apps.map((app) => [app.clientId, practiceAppTypeDefinition(app.type)?.name ?? app.type]));
}
