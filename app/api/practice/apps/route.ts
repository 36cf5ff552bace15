import { listPracticeApps } from '@/lib/db/practice-clients';
import { practiceIssuer } from '@/lib/env';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { practiceLearner } from '@/lib/http/practice-apps';
import { toPracticeAppListView } from '@/lib/practice-server/app-view';

export const dynamic = 'force-dynamic';

/**
 * Every practice app the learner has (SPEC §9), web first: only those they have needed, so
 * a new learner has none. Reading creates nothing, so it is no first write.
 */
export const GET = handleApi(async (request: Request) => {
  const { env, db, learnerId } = await practiceLearner(request, { admit: false });
  const apps = await listPracticeApps(db, learnerId);
  return jsonResponse({ apps: apps.map((app) => toPracticeAppListView(app, practiceIssuer(env))) });
});
