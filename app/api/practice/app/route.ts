import { getOrCreatePracticeApp, updatePracticeApp } from '@/lib/db/practice-clients';
import { practiceIssuer } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { assertRedirectUrisAllowed, practiceLearner } from '@/lib/http/practice-apps';
import { practiceAppPatchSchema, toPracticeAppView } from '@/lib/practice-server/app-view';

export const dynamic = 'force-dynamic';

/**
 * The learner's practice app, created on first need. Asking for it is an action of the
 * learner's (a script that wants its client ID), so it counts as their first write and is
 * limited per address like any other (see lib/learners/admission.ts).
 */
async function practiceAppFor(request: Request) {
  const { env, db, learnerId } = await practiceLearner(request, { admit: true });
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
  assertRedirectUrisAllowed(patch.redirectUris);
  assertRedirectUrisAllowed(patch.postLogoutRedirectUris);
  const { env, db, learnerId } = await practiceAppFor(request);
  const app = await updatePracticeApp(db, learnerId, patch);
  if (!app) throw new ApiError('not_found', 'Practice app not found.');
  return jsonResponse(toPracticeAppView(app, practiceIssuer(env)));
});
