import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { clientAddressOf } from '@/lib/http/rate-limits';
import { admitLearner } from '@/lib/learners/admission';
import { createResumeToken } from '@/lib/learners/resume-links';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

/** A link that opens this learner's progress in another browser (docs/api.md). Reset invalidates it. */
export const POST = handleApi(async (request: Request) => {
  const db = await getDb();
  const learnerId = learnerForRequest(request);
  await admitLearner(db, { id: learnerId, address: clientAddressOf(request) });
  const token = await createResumeToken(db, learnerId);
  return jsonResponse({
    url: `${getEnv().PUBLIC_URL}/resume/${token}`,
    note: 'Anyone with this link can continue as you. Reset makes it stop working.',
  });
});
