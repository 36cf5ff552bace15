import { z } from 'zod';
import { joinLinks } from '@/lib/cohorts/join-code';
import { findOwnCohort, setCohortArchived, setCohortExercises, type Cohort } from '@/lib/cohorts/store';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { ApiError, handleApi, jsonResponse, readJsonBody } from '@/lib/http/api';
import { requireInstructor } from '@/lib/http/instructor-auth';
import { exerciseChoiceSchema, requireValidExercises } from '@/lib/http/instructor-exports';

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

const patchBody = z
  .strictObject({ archived: z.boolean().optional(), exercises: exerciseChoiceSchema.optional() })
  .refine((body) => body.archived !== undefined || body.exercises !== undefined, 'send archived, exercises or both');

/**
 * Changes a cohort: archives (or re-opens) it — an archived cohort's join link stops working —
 * and/or sets the exercises it does, in order (ids of built exercises; a 400 names any other).
 */
export const PATCH = handleApi(async (request: Request, { params }: Context) => {
  const instructor = await requireInstructor(request);
  const body = await readJsonBody(request, patchBody);
  const exercises = body.exercises ? requireValidExercises(body.exercises) : undefined;
  const db = await getDb();
  const id = (await params).id;
  let cohort = await findOwnCohort(db, instructor.id, id);
  if (!cohort) throw new ApiError('not_found', 'No such cohort.');
  if (exercises) cohort = await setCohortExercises(db, instructor.id, id, exercises);
  if (body.archived !== undefined) cohort = await setCohortArchived(db, instructor.id, id, body.archived);
  if (!cohort) throw new ApiError('not_found', 'No such cohort.');
  return jsonResponse(withLinks(cohort));
});
