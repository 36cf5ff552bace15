import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http';
import {
  runAuthorizeUrlStep,
  runRedirectStep,
  runRefreshResponseStep,
  runSetupStep,
  runTokenResponseStep,
} from '@/lib/progress/run-checks';
import { clientKey, getRateLimiter } from '@/lib/rate-limit';
import { learnerForRequest } from '@/lib/session';

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

/** Each check endpoint: its body schema and the one use case it calls (SPEC §4). */
const steps = {
  setup: async (request: Request, learnerId: string) =>
    runSetupStep(await getDb(), getEnv(), learnerId, await readJsonBody(request, setupBody)),
  'authorize-url': async (request: Request, learnerId: string) =>
    runAuthorizeUrlStep(await getDb(), getEnv(), learnerId, (await readJsonBody(request, urlBody)).url),
  redirect: async (request: Request, learnerId: string) =>
    runRedirectStep(await getDb(), learnerId, await readJsonBody(request, redirectBody)),
  'token-response': async (request: Request, learnerId: string) =>
    runTokenResponseStep(await getDb(), getEnv(), learnerId, (await readJsonBody(request, responseBody)).response),
  'refresh-response': async (request: Request, learnerId: string) =>
    runRefreshResponseStep(await getDb(), getEnv(), learnerId, (await readJsonBody(request, responseBody)).response),
} as const;

/** Runs one check: 200 with a report whenever the check ran, pass or fail. */
export const POST = handleApi(async (request: Request, context: { params: Promise<{ step: string }> }) => {
  const { step } = await context.params;
  if (!Object.hasOwn(steps, step)) {
    throw new ApiError('not_found', `Unknown step "${step.slice(0, 40)}". Steps: ${Object.keys(steps).join(', ')}.`);
  }
  const learnerId = learnerForRequest(request);

  const limit = getRateLimiter('checks', getEnv().RATE_LIMIT_CHECKS_PER_MINUTE).hit(`${clientKey(request)}|${learnerId}`);
  if (!limit.allowed) {
    throw new ApiError('rate_limited', `Too many checks: wait ${limit.retryAfterSeconds} seconds and try again.`, {
      'Retry-After': String(limit.retryAfterSeconds),
    });
  }
  return jsonResponse(await steps[step as keyof typeof steps](request, learnerId));
});
