/** Helpers for the course API (`/api/exercises…`) with real Requests against the real route handlers. */
import { expect } from 'vitest';
import { POST as postCourseStep } from '@/app/api/exercises/[exercise]/[step]/route';
import { DELETE as deleteExerciseProgress, GET as getExerciseProgress } from '@/app/api/exercises/[exercise]/progress/route';
import { GET as getCourse } from '@/app/api/exercises/route';
import type { CourseView, ExerciseView } from '@/lib/engine/view';
import type { ReportJson } from './exercise-api';
import { apiRequest } from './requests';

/** POSTs a check to `/api/exercises/<exercise>/<step>`. */
export function callCourseStep(exercise: string, step: string, init: { cookie?: string; json?: unknown; body?: string } = {}) {
  return postCourseStep(apiRequest(`/api/exercises/${exercise}/${step}`, { method: 'POST', ...init }), {
    params: Promise.resolve({ exercise, step }),
  });
}

/** Runs a course check that must answer 200 with a report for `step`. */
export async function courseCheck(exercise: string, step: string, cookie: string, json: unknown): Promise<ReportJson> {
  const response = await callCourseStep(exercise, step, { cookie, json });
  const body = (await response.json()) as ReportJson;
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.step).toBe(step);
  expect(body.status).toBe(body.results.some((r) => r.status === 'fail') ? 'fail' : 'pass');
  return body;
}

export async function readCourse(cookie: string): Promise<CourseView> {
  const response = await getCourse(apiRequest('/api/exercises', { cookie }));
  expect(response.status).toBe(200);
  return (await response.json()) as CourseView;
}

export async function readExercise(exercise: string, cookie: string): Promise<ExerciseView & { provider: unknown }> {
  const response = await getExerciseProgress(apiRequest(`/api/exercises/${exercise}/progress`, { cookie }), {
    params: Promise.resolve({ exercise }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ExerciseView & { provider: unknown };
}

export async function resetExercise(exercise: string, cookie: string): Promise<Response> {
  return deleteExerciseProgress(apiRequest(`/api/exercises/${exercise}/progress`, { method: 'DELETE', cookie }), {
    params: Promise.resolve({ exercise }),
  });
}
