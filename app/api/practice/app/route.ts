import { getDb } from '@/lib/db/client';
import { getOrCreatePracticeApp, updatePracticeApp } from '@/lib/db/practice-clients';
import { getEnv, practiceIssuer } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http';
import { practiceAppPatchSchema, toPracticeAppView } from '@/lib/practice-app';
import { learnerForRequest } from '@/lib/session';

export const dynamic = 'force-dynamic';

function requirePractice(request: Request): string {
  if (!getEnv().PRACTICE_SERVER) throw new ApiError('not_found', 'The practice server is turned off on this site (PRACTICE_SERVER=false).');
  return learnerForRequest(request);
}

/** The learner's practice app ("My Web App"), created on first need. */
export const GET = handleApi(async (request: Request) => {
  const learnerId = requirePractice(request);
  const env = getEnv();
  const app = await getOrCreatePracticeApp(await getDb(), learnerId, env.PUBLIC_URL);
  return jsonResponse(toPracticeAppView(app, practiceIssuer(env)));
});

/** Console edits: grant types, redirect URIs, refresh token behaviour. */
export const PATCH = handleApi(async (request: Request) => {
  const learnerId = requirePractice(request);
  const patch = await readJsonBody(request, practiceAppPatchSchema);
  const env = getEnv();
  const db = await getDb();
  await getOrCreatePracticeApp(db, learnerId, env.PUBLIC_URL);
  const app = await updatePracticeApp(db, learnerId, patch);
  if (!app) throw new ApiError('not_found', 'Practice app not found.');
  return jsonResponse(toPracticeAppView(app, practiceIssuer(env)));
});
