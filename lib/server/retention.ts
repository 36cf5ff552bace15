/**
 * Anonymous learners who never joined a cohort and have been idle for
 * ANONYMOUS_RETENTION_DAYS are removed with their practice app and progress, so that
 * visitors who try the site once do not accumulate forever. Ended rate-limit windows and
 * the deny-list entries of expired access tokens go too. Runs at start and hourly; on
 * several instances each runs it, which is harmless (the delete is idempotent).
 */
import type { Logger } from 'pino';
import type { DB } from '../db/client';
import { deleteIdleAnonymousLearners } from '../db/learners';
import { deleteExpiredRateLimits } from '../db/rate-limits';
import { deleteExpiredAccessTokenDenials } from '../db/revoked-access-tokens';
import type { Env } from '../env';

const DAY_MS = 24 * 60 * 60 * 1000;
const INTERVAL_MS = 60 * 60 * 1000;

/** The moment before which an idle anonymous learner is removed. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Runs one sweep; logs and swallows failures (the next sweep tries again). */
export async function sweepIdleLearners(
  db: DB,
  env: Pick<Env, 'ANONYMOUS_RETENTION_DAYS'>,
  logger: Logger,
  now = new Date(),
): Promise<number> {
  try {
    // Rate-limit counters whose window ended an hour ago or more are dead weight.
    await deleteExpiredRateLimits(db, now.getTime() - 60 * 60 * 1000);
    // A revoked access token past its `exp` is refused for expiry: its denial protects nothing.
    await deleteExpiredAccessTokenDenials(db, Math.floor(now.getTime() / 1000));
    const removed = await deleteIdleAnonymousLearners(db, retentionCutoff(now, env.ANONYMOUS_RETENTION_DAYS));
    if (removed > 0) logger.info({ removed, days: env.ANONYMOUS_RETENTION_DAYS }, 'removed idle anonymous learners');
    return removed;
  } catch (error) {
    logger.error({ err: error }, 'removing idle anonymous learners failed');
    return 0;
  }
}

/** Sweeps now and every hour until `stop()`. */
export function scheduleRetention(db: DB, env: Pick<Env, 'ANONYMOUS_RETENTION_DAYS'>, logger: Logger): { stop(): void } {
  void sweepIdleLearners(db, env, logger);
  const timer = setInterval(() => void sweepIdleLearners(db, env, logger), INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
