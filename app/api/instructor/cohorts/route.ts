import { z } from 'zod';
import { cohortCapacitySchema, DEFAULT_COHORT_CAPACITY } from '@/lib/cohorts/capacity';
import { joinLinks } from '@/lib/cohorts/join-code';
import { createCohort, listCohorts } from '@/lib/cohorts/store';
import { cohortNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { requireInstructor } from '@/lib/http/instructor-auth';
import { exerciseChoiceSchema, requireValidExercises } from '@/lib/http/instructor-exports';

export const dynamic = 'force-dynamic';

/** The instructor's cohorts, each with its two join links. */
export const GET = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const cohorts = await listCohorts(await getDb(), instructor.id);
  return jsonResponse({ cohorts: cohorts.map((c) => ({ ...c, ...joinLinks(getEnv().PUBLIC_URL, c) })) });
});

const createBody = z.strictObject({
  name: cohortNameSchema,
  capacity: cohortCapacitySchema.default(DEFAULT_COHORT_CAPACITY),
  exercises: exerciseChoiceSchema.optional(),
});

/**
 * Creates a cohort and its join links (the long, unguessable one and the short, typeable
 * one), admitting up to `capacity` learners (default 500), doing `exercises` in that order
 * (default: every built exercise, in course order).
 */
export const POST = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const body = await readJsonBody(request, createBody);
  const exercises = body.exercises ? requireValidExercises(body.exercises) : undefined;
  const cohort = await createCohort(await getDb(), instructor.id, body.name, { capacity: body.capacity, exercises });
  const { id, name, code, shortCode, capacity } = cohort;
  return jsonResponse(
    { id, name, code, shortCode, capacity, exercises: cohort.exercises, ...joinLinks(getEnv().PUBLIC_URL, cohort) },
    { status: 201 },
  );
});
