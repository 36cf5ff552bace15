import { z } from 'zod';
import { checkRefreshResponse } from '../../exercise/token/refresh-step';
import { checkTokenResponse } from '../../exercise/token/token-step';
import { findPracticeAppByLearner } from '../../db/practice-clients';
import { toStoredClaims } from '../../progress/stored-claims';
import { exerciseApp } from '../app';
import { artifactOf, laterStepsOfKind } from '../artifacts';
import { loginRefreshesLookup, tokenContext } from '../token-context';
import { defineKind } from './types';

const responseBody = z.strictObject({ response: z.string() });

/**
 * The code exchange's answer. Parameters: `refreshToken` 'required' (default) or 'optional'.
 * A new first response is what the next refresh is compared with, so a later refresh step's
 * artefact goes; a finished exercise stays finished (its completion keeps what finished it).
 */
export const tokenResponseKind = defineKind({
  body: responseBody,
  needsServer: true,
  async check(ctx, { response }) {
    const report = await checkTokenResponse(response, await tokenContext(ctx, exerciseApp(ctx)));
    const passed = report.status === 'pass' && report.summary;
    return {
      report,
      effects: {
        claims: toStoredClaims(report.claims?.payload),
        ...(passed ? { artifact: report.summary, clearArtifacts: laterStepsOfKind(ctx, 'refresh-response') } : {}),
      },
    };
  },
});

/**
 * The refresh's answer, compared with the exercise's code exchange. It finishes the Refresh
 * Tokens exercise: the completion keeps both responses. `expect: "revoked"` is the completion
 * page's revoke demonstration, where a refusal is the success.
 */
export const refreshResponseKind = defineKind({
  body: z.strictObject({ response: z.string(), expect: z.literal('revoked').optional() }),
  needsServer: true,
  async check(ctx, { response, expect }) {
    const provider = ctx.provider!;
    const first = artifactOf(ctx, 'token-response');
    const lookupRotation =
      provider.mode === 'practice'
        ? async () => (await findPracticeAppByLearner(ctx.db, ctx.learner.id))?.refreshTokenRotation ?? null
        : undefined;
    const report = await checkRefreshResponse(response, {
      ...(await tokenContext(ctx, exerciseApp(ctx))),
      first,
      expectRevoked: expect === 'revoked',
      lookupRotation,
      lookupLoginRefreshes: lookupRotation ? loginRefreshesLookup(ctx, first, lookupRotation) : undefined,
    });
    const passed = report.status === 'pass' && report.summary && first;
    const completedAt = ctx.now.toISOString();
    return {
      report,
      effects: {
        claims: toStoredClaims(report.claims?.payload),
        ...(passed
          ? { artifact: report.summary, completion: { completedAt, completion: { first, refresh: report.summary, completedAt } } }
          : {}),
      },
    };
  },
});
