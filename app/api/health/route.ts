import { jsonResponse } from '@/lib/http/api';
import { healthReport } from '@/lib/server/readiness';

export const dynamic = 'force-dynamic';

/**
 * Liveness and database reachability: `{ status: "ok", database: { reachable, dialect, ms },
 * ready }` when the database answers, 503 when it does not. Readiness alone (for a load
 * balancer) is `GET /api/ready`, answered by the Node server (lib/server/readiness.ts).
 */
export async function GET() {
  const { httpStatus, body } = await healthReport();
  return jsonResponse(body, { status: httpStatus });
}
