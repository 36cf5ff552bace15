import { z } from 'zod';
import { findCohortToJoin } from '@/lib/cohorts/join';
import { joinCohort } from '@/lib/cohorts/store';
import { displayNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { clientAddressOf } from '@/lib/http/rate-limits';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ code: z.string().trim().min(1).max(100), displayName: displayNameSchema });

/** Enrols the current learner in a cohort by its join code. */
export const POST = handleApi(async (request: Request) => {
  const learnerId = learnerForRequest(request);
  const { code, displayName } = await readJsonBody(request, body);
  const db = await getDb();
  const address = clientAddressOf(request);
  const cohort = await findCohortToJoin(db, code, address);
  if (!cohort)
    throw new ApiError('not_found', 'This join link is not valid (or its cohort was archived). Ask your instructor for the current link.');
  // Admitted against the cohort's own allowance (its capacity), not the anonymous
  // per-address one: a lecture hall behind one NAT joins whole (lib/cohorts/capacity.ts).
  await joinCohort(db, cohort, learnerId, displayName);
  return jsonResponse({ cohort: { name: cohort.name }, displayName });
});
