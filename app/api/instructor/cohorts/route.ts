import { z } from 'zod';
import { cohortCapacitySchema, DEFAULT_COHORT_CAPACITY } from '@/lib/cohorts/capacity';
import { joinLinks } from '@/lib/cohorts/join-code';
import { createCohort, listCohorts } from '@/lib/cohorts/store';
import { cohortNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { requireInstructor } from '@/lib/http/instructor-auth';

export const dynamic = 'force-dynamic';

/** The instructor's cohorts, each with its two join links. */
export const GET = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const cohorts = await listCohorts(await getDb(), instructor.id);
  return jsonResponse({ cohorts: cohorts.map((c) => ({ ...c, ...joinLinks(getEnv().PUBLIC_URL, c) })) });
});

const createBody = z.strictObject({ name: cohortNameSchema, capacity: cohortCapacitySchema.default(DEFAULT_COHORT_CAPACITY) });

/**
 * Creates a cohort and its join links (the long, unguessable one and the short, typeable
 * one), admitting up to `capacity` learners (default 500).
 */
export const POST = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const { name, capacity } = await readJsonBody(request, createBody);
  const cohort = await createCohort(await getDb(), instructor.id, name, { capacity });
  const { id, code, shortCode } = cohort;
  return jsonResponse({ id, name: cohort.name, code, shortCode, capacity, ...joinLinks(getEnv().PUBLIC_URL, cohort) }, { status: 201 });
});
