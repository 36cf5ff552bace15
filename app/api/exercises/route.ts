import { getDb } from '@/lib/db/client';
import { loadCourse } from '@/lib/engine/course-progress';
import { handleApi, jsonResponse } from '@/lib/http/api';
import { learnerForRequest } from '@/lib/session/cookie';

export const dynamic = 'force-dynamic';

/** The course (docs/api.md): every exercise with its status and per-step progress, and the learner's server. */
export const GET = handleApi(async (request: Request) => {
  return jsonResponse(await loadCourse(await getDb(), learnerForRequest(request)));
});
