import type { DB } from './client';

/**
 * Deletes rate-limit counters whose window ended before `beforeMs` (epoch milliseconds).
 * rate-limiter-flexible ignores expired rows and overwrites them on the next hit; this only
 * keeps keys that never come back (a client address seen once) from piling up.
 * Returns how many went.
 */
export async function deleteExpiredRateLimits(db: DB, beforeMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expire', '<', beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
