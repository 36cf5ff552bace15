import { z } from 'zod';
import { getOrCreatePracticeAppOfType, isPracticeAppType, practiceAppTypeDefinition } from '../../db/practice-clients';
import { checkOwnAppClientId } from '../../exercise/app-step';
import { makeReport, pass } from '../../exercise/report';
import { defineKind } from './types';

/**
 * Create the exercise's app. On the practice server it is created as Okta creates an app of
 * that type (My Service App: client credentials only, no redirect URIs) and kept: one per
 * learner and type. On an own server the learner creates it there and enters its client ID.
 * Keeps `{ clientId }` for the steps after it.
 */
export const appKind = defineKind({
  body: z.union([z.strictObject({}), z.strictObject({ clientId: z.string().max(500, 'must be at most 500 characters') })]),
  needsServer: true,
  async check(ctx, body) {
    const provider = ctx.provider!;
    const type = ctx.exercise.app;
    if (!type || !isPracticeAppType(type)) throw new Error(`exercise ${ctx.exercise.id} declares no app type`);
    if (provider.mode === 'practice') {
      const app = await getOrCreatePracticeAppOfType(ctx.db, ctx.learner.id, type, ctx.env.PUBLIC_URL);
      const report = makeReport('app', [
        pass(
          'app',
          `Your practice app "${practiceAppTypeDefinition(type)!.name}" has client ID ${app.clientId}. Its client secret is in the practice console.`,
        ),
      ]);
      return { report, effects: { artifact: { clientId: app.clientId } } };
    }
    const clientId = 'clientId' in body ? body.clientId.trim() : '';
    const report = checkOwnAppClientId(clientId, provider.clientId);
    return { report, effects: report.status === 'pass' ? { artifact: { clientId } } : {} };
  },
});
