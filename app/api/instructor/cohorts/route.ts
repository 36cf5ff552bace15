import { z } from 'zod';
import { createCohort, listCohorts } from '@/lib/cohorts/store';
import { cohortNameSchema } from '@/lib/cohorts/validation';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { requireInstructor } from '@/lib/http/instructor-auth';

export const dynamic = 'force-dynamic';

const joinUrl = (code: string) => `${getEnv().PUBLIC_URL}/join/${code}`;

/** The instructor's cohorts. */
export const GET = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const cohorts = await listCohorts(await getDb(), instructor.id);
  return jsonResponse({ cohorts: cohorts.map((c) => ({ ...c, joinUrl: joinUrl(c.code) })) });
});

/** Creates a cohort and its join link. */
export const POST = handleApi(async (request: Request) => {
  const instructor = await requireInstructor(request);
  const { name } = await readJsonBody(request, z.strictObject({ name: cohortNameSchema }));
  const cohort = await createCohort(await getDb(), instructor.id, name);
  return jsonResponse({ id: cohort.id, name: cohort.name, code: cohort.code, joinUrl: joinUrl(cohort.code) }, { status: 201 });
});
