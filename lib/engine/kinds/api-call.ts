import { z } from 'zod';
import { apiCallOnOwnServer, checkApiCall } from '../../exercise/api-call/check';
import { latestApiCalls } from '../../db/practice-api-calls';
import { listPracticeAppNames } from '../practice-apps';
import { exerciseApp } from '../app';
import { artifactOf } from '../artifacts';
import { defineKind } from './types';

/**
 * "Use the token": passes on what the practice server observed — a call to the practice API
 * with one of this app's tokens that it answered 200 — since the exercise started, never on a
 * paste. On an own server the lab cannot see the call: the step says so and passes as not applicable.
 */
export const apiCallKind = defineKind({
  body: z.strictObject({}),
  needsServer: true,
  async check(ctx) {
    const provider = ctx.provider!;
    if (provider.mode !== 'practice') return { report: apiCallOnOwnServer(provider.issuer) };
    const app = exerciseApp(ctx);
    const names = await listPracticeAppNames(ctx.db, ctx.learner.id);
    const token = artifactOf(ctx, 'token-response');
    const since = ctx.run.startedAt ? new Date(ctx.run.startedAt) : null;
    const calls = await latestApiCalls(ctx.db, [app.clientId, ...Object.keys(names).filter((id) => id !== app.clientId)], {
      since: since ?? undefined,
    });
    const report = checkApiCall(calls, {
      clientId: app.clientId,
      since,
      expectedJti: token?.jti ?? null,
      tokenSummary: token,
      now: ctx.now,
      apiUrl: `${ctx.env.PUBLIC_URL}/api/practice/photos`,
      appNames: names,
    });
    return { report };
  },
});
