import { sql } from 'kysely';
import { getDb } from '@/lib/db/client';
import { jsonResponse } from '@/lib/http/api';
import { getLogger } from '@/lib/logging/logger';

export const dynamic = 'force-dynamic';

/** Liveness and database check: `{ status: "ok" }` when the database answers. */
export async function GET() {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return jsonResponse({ status: 'ok' });
  } catch (error) {
    getLogger().error({ err: error }, 'health check failed');
    return jsonResponse(
      { status: 'error', error: { code: 'database_unavailable', message: 'The database did not answer.' } },
      { status: 503 },
    );
  }
}
