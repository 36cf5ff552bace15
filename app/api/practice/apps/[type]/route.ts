import {
  ensurePracticeAppOfType,
  practiceAppTypeDefinition,
  updatePracticeAppOfType,
  type PracticeAppType,
} from '@/lib/db/practice-clients';
import { practiceIssuer } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { assertRedirectUrisAllowed, practiceLearner } from '@/lib/http/practice-apps';
import { practiceAppPatchSchemaFor, toPracticeAppListView, unbuiltTypeMessage } from '@/lib/practice-server/app-view';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ type: string }> };

/** The type in the path, when the site builds apps of it (404 JSON naming those it does). */
async function builtType(context: Context): Promise<PracticeAppType> {
  const { type } = await context.params;
  if (!practiceAppTypeDefinition(type)) throw new ApiError('not_found', unbuiltTypeMessage(type));
  return type as PracticeAppType;
}

/** Creates the learner's app of this type when missing (201), and answers it (200 when it existed). */
export const PUT = handleApi(async (request: Request, context: Context) => {
  const type = await builtType(context);
  const { env, db, learnerId } = await practiceLearner(request, { admit: true });
  const { app, created } = await ensurePracticeAppOfType(db, learnerId, type, env.PUBLIC_URL);
  return jsonResponse(toPracticeAppListView(app, practiceIssuer(env)), { status: created ? 201 : 200 });
});

/**
 * Console edits of the app of this type (created on first need, as `PATCH
 * /api/practice/app` does for the web app): the web app's fields, each refused with the
 * reason where the type does not have it.
 */
export const PATCH = handleApi(async (request: Request, context: Context) => {
  const type = await builtType(context);
  const patch = await readJsonBody(request, practiceAppPatchSchemaFor(type));
  assertRedirectUrisAllowed(patch.redirectUris);
  assertRedirectUrisAllowed(patch.postLogoutRedirectUris);
  const { env, db, learnerId } = await practiceLearner(request, { admit: true });
  await ensurePracticeAppOfType(db, learnerId, type, env.PUBLIC_URL);
  const app = await updatePracticeAppOfType(db, learnerId, type, patch);
  if (!app) throw new ApiError('not_found', 'Practice app not found.');
  return jsonResponse(toPracticeAppListView(app, practiceIssuer(env)));
});
