import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import {
  runAuthorizeUrlStep,
  runRedirectStep,
  runRefreshResponseStep,
  runSetupStep,
  runTokenResponseStep,
} from '@/lib/progress/run-checks';
import { clientAddressOf } from '@/lib/http/rate-limits';
import { enforceCheckLimits, type LearnerRef } from '@/lib/learners/admission';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const setupBody = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('practice') }),
  z.strictObject({
    mode: z.literal('custom'),
    issuer: text(2000),
    clientId: text(500),
    redirectUri: text(2000).optional(),
  }),
]);
const urlBody = z.strictObject({ url: text(16_000) });
const redirectBody = z.union([
  urlBody,
  z.strictObject({
    code: text(4000).optional(),
    state: text(2000).optional(),
    error: text(200).optional(),
    error_description: text(2000).optional(),
  }),
]);
const responseBody = z.strictObject({ response: z.string() });
/** The refresh check also takes `expect: "revoked"`: the completion page's revoke demonstration. */
const refreshBody = z.strictObject({ response: z.string(), expect: z.literal('revoked').optional() });

/** Each check endpoint: its body schema and the one use case it calls (docs/api.md). */
const steps = {
  setup: async (request: Request, learner: LearnerRef) =>
    runSetupStep(await getDb(), getEnv(), learner, await readJsonBody(request, setupBody)),
  'authorize-url': async (request: Request, learner: LearnerRef) =>
    runAuthorizeUrlStep(await getDb(), getEnv(), learner, (await readJsonBody(request, urlBody)).url),
  redirect: async (request: Request, learner: LearnerRef) =>
    runRedirectStep(await getDb(), learner, await readJsonBody(request, redirectBody)),
  'token-response': async (request: Request, learner: LearnerRef) =>
    runTokenResponseStep(await getDb(), getEnv(), learner, (await readJsonBody(request, responseBody)).response),
  'refresh-response': async (request: Request, learner: LearnerRef) => {
    const body = await readJsonBody(request, refreshBody);
    return runRefreshResponseStep(await getDb(), getEnv(), learner, body.response, { expectRevoked: body.expect === 'revoked' });
  },
} as const;

/** Runs one check: 200 with a report whenever the check ran, pass or fail. */
export const POST = handleApi(async (request: Request, context: { params: Promise<{ step: string }> }) => {
  const { step } = await context.params;
  if (!Object.hasOwn(steps, step)) {
    throw new ApiError('not_found', `Unknown step "${step.slice(0, 40)}". Steps: ${Object.keys(steps).join(', ')}.`);
  }
  const learner = { id: learnerForRequest(request), address: clientAddressOf(request) };
  await enforceCheckLimits(await getDb(), learner);
  return jsonResponse(await steps[step as keyof typeof steps](request, learner));
});
