import { z } from 'zod';
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

/** Creates a cohort and its join links (the long, unguessable one and the short, typeable one). */
export const POST = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const { name } = await readJsonBody(request, z.strictObject({ name: cohortNameSchema }));
  const cohort = await createCohort(await getDb(), instructor.id, name);
  const { id, code, shortCode } = cohort;
  return jsonResponse({ id, name: cohort.name, code, shortCode, ...joinLinks(getEnv().PUBLIC_URL, cohort) }, { status: 201 });
});
