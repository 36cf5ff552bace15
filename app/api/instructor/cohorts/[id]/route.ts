import { z } from 'zod';
import { joinLinks } from '@/lib/cohorts/join-code';
import { findOwnCohort, setCohortArchived, type Cohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { requireInstructor } from '@/lib/http/instructor-auth';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const withLinks = (cohort: Cohort) => ({ ...cohort, ...joinLinks(getEnv().PUBLIC_URL, cohort) });

/** The cohort, with its two join links. */
export const GET = handleApi(async (request: Request, { params }: Context) => {
  const instructor = await requireInstructor(request);
  const cohort = await findOwnCohort(await getDb(), instructor.id, (await params).id);
  if (!cohort) throw new ApiError('not_found', 'No such cohort.');
  return jsonResponse(withLinks(cohort));
});

/** Archives (or re-opens) a cohort: an archived cohort's join link stops working. */
export const PATCH = handleApi(async (request: Request, { params }: Context) => {
  const instructor = await requireInstructor(request);
  const { archived } = await readJsonBody(request, z.strictObject({ archived: z.boolean() }));
  const cohort = await setCohortArchived(await getDb(), instructor.id, (await params).id, archived);
  if (!cohort) throw new ApiError('not_found', 'No such cohort.');
  return jsonResponse(withLinks(cohort));
});
