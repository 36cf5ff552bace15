import { getDb } from '@/lib/db/client';
import { getOrCreatePracticeApp, updatePracticeApp } from '@/lib/db/practice-clients';
import { getEnv, practiceIssuer } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { clientAddressOf } from '@/lib/http/rate-limits';
import { admitLearner } from '@/lib/learners/admission';
import { practiceAppPatchSchema, toPracticeAppView } from '@/lib/practice-server/app-view';
import { describeAllowedHosts, MORE_HOSTS_NOTE, redirectPolicyOf, refusalOf } from '@/lib/practice-server/redirect-policy';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

/**
 * The learner's practice app, created on first need. Asking for it is an action of the
 * learner's (a script that wants its client ID), so it counts as their first write and is
 * limited per address like any other (see lib/learners/admission.ts).
 */
async function practiceAppFor(request: Request) {
  const env = getEnv();
  if (!env.PRACTICE_SERVER) throw new ApiError('not_found', 'The practice server is turned off on this site (PRACTICE_SERVER=false).');
  const db = await getDb();
  const learnerId = learnerForRequest(request);
  await admitLearner(db, { id: learnerId, address: clientAddressOf(request) });
  const app = await getOrCreatePracticeApp(db, learnerId, env.PUBLIC_URL);
  return { env, db, learnerId, app };
}

/** The learner's practice app ("My Web App"). */
export const GET = handleApi(async (request: Request) => {
  const { env, app } = await practiceAppFor(request);
  return jsonResponse(toPracticeAppView(app, practiceIssuer(env)));
});

/** Console edits: grant types, redirect URIs, refresh token behaviour, "Require PKCE". */
export const PATCH = handleApi(async (request: Request) => {
  const patch = await readJsonBody(request, practiceAppPatchSchema);
  const policy = redirectPolicyOf(getEnv());
  const refused = (patch.redirectUris ?? []).flatMap((uri) => {
    const why = refusalOf(uri, policy);
    return why ? [`${uri.slice(0, 200)}: ${why}`] : [];
  });
  if (refused.length > 0)
    throw new ApiError(
      'bad_request',
      `Refused redirect URI${refused.length > 1 ? 's' : ''}: ${refused.join('; ')}. ${describeAllowedHosts(policy)} ${MORE_HOSTS_NOTE}`,
    );
  const { env, db, learnerId } = await practiceAppFor(request);
  const app = await updatePracticeApp(db, learnerId, patch);
  if (!app) throw new ApiError('not_found', 'Practice app not found.');
  return jsonResponse(toPracticeAppView(app, practiceIssuer(env)));
});
