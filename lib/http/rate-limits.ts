/**
 * Every rate limit of the site, by name, on rate-limiter-flexible. Limits key on the
 * client address that TRUST_PROXY allows (see lib/server/client-address.ts) and, where it
 * helps, on the learner or user name too — so a client that drops its cookie cannot get a
 * fresh allowance, and a classroom behind one NAT is not treated as one person.
 * docs/api.md lists them; the numbers come from the environment (lib/env.ts).
 *
 * The counters live in the database (table `rate_limits`, migration 006), so every instance
 * behind a load balancer counts against the same allowance: the library's SQLite store on
 * the better-sqlite3 connection, its Postgres store on the pg pool.
 * @see docs/decisions/008-postgres-and-several-instances.md
 */
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { driverOf, getDb, type DB } from '../db/client';
import { getEnv, type Env } from '../env';

export type LimitName =
  | 'checksPerLearner'
  | 'checksPerAddress'
  | 'checksPerCohort'
  | 'newLearnersPerAddress'
  | 'signInFailuresPerAddress'
  | 'signInFailuresPerUsername'
  | 'joinFailuresPerAddress';

interface LimitRule {
  points: (env: Env) => number;
  seconds: number;
  /** What the learner is told when it is reached. */
  message: string;
}

const RULES: Record<LimitName, LimitRule> = {
  checksPerLearner: { points: (env) => env.RATE_LIMIT_CHECKS_PER_MINUTE, seconds: 60, message: 'Too many checks' },
  checksPerAddress: {
    points: (env) => env.RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE,
    seconds: 60,
    message: 'Too many checks from your network',
  },
  // A cohort's learners share their cohort's budget instead of their address's; its size
  // comes from the cohort (capacity × a human pace: lib/cohorts/capacity.ts), not from here.
  checksPerCohort: {
    points: (env) => env.RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE,
    seconds: 60,
    message: 'Too many checks from your cohort',
  },
  newLearnersPerAddress: {
    points: (env) => env.RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR,
    seconds: 3600,
    message: 'Too many new learners from your network (keep your cookies to continue as yourself)',
  },
  signInFailuresPerAddress: {
    points: (env) => env.RATE_LIMIT_SIGNIN_PER_MINUTE,
    seconds: 60,
    message: 'Too many failed sign-ins from your address',
  },
  signInFailuresPerUsername: {
    points: (env) => env.RATE_LIMIT_SIGNIN_FAILURES_PER_USERNAME_PER_MINUTE,
    seconds: 60,
    message: 'Too many failed sign-ins for this user name',
  },
  // Join codes are unguessable (8 characters of 32: 2^40), so this is defence in depth: a
  // client trying codes is stopped long before it could find a cohort to spy on.
  joinFailuresPerAddress: {
    points: (env) => env.RATE_LIMIT_JOIN_FAILURES_PER_MINUTE,
    seconds: 60,
    message: 'Too many join codes that do not work from your network',
  },
};

/** A limit was reached. Domain error: the HTTP layer answers 429 with Retry-After. */
export class RateLimited extends Error {
  constructor(
    readonly limit: LimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(`${RULES[limit].message}: wait ${retryAfterSeconds} seconds and try again.`);
    this.name = 'RateLimited';
  }
}

/** The table both stores use; migration 006 creates it (the stores never create tables). */
export const RATE_LIMIT_TABLE = 'rate_limits';

// Limiter objects are per client (tests open several databases in turn); the counts they
// keep are rows of the client's database, shared by every process that opens it.
const limiters = new WeakMap<DB, Map<string, RateLimiterAbstract>>();

function createLimiter(db: DB, name: LimitName, points: number, seconds: number): RateLimiterAbstract {
  // Expired rows are swept by the retention job (lib/server/retention.ts), not by timers here.
  const options = {
    keyPrefix: name,
    points,
    duration: seconds,
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  const driver = driverOf(db);
  return driver.dialect === 'sqlite'
    ? new RateLimiterSQLite({ ...options, storeClient: driver.sqlite, storeType: 'better-sqlite3' })
    : new RateLimiterPostgres({ ...options, storeClient: driver.pool, storeType: 'pool' });
}

async function limiterFor(name: LimitName, pointsOverride?: number): Promise<RateLimiterAbstract> {
  const rule = RULES[name];
  const points = pointsOverride ?? rule.points(getEnv());
  const db = await getDb();
  let byRule = limiters.get(db);
  if (!byRule) limiters.set(db, (byRule = new Map()));
  const id = `${name}:${points}:${rule.seconds}`;
  let limiter = byRule.get(id);
  if (!limiter) {
    limiter = createLimiter(db, name, points, rule.seconds);
    byRule.set(id, limiter);
  }
  return limiter;
}

const secondsUntil = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Counts one request against `name` for `key`; throws {@link RateLimited} past the limit.
 * `points` overrides the rule's allowance where it depends on the key (a cohort's size).
 */
export async function enforceRateLimit(name: LimitName, key: string, points?: number): Promise<void> {
  try {
    await (await limiterFor(name, points)).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new RateLimited(name, secondsUntil(rejection));
    throw rejection;
  }
}

/**
 * For limits that count failures only (sign-ins): throws {@link RateLimited} when `key`
 * has used up its allowance, without counting this attempt.
 */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const limiter = await limiterFor(name);
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) throw new RateLimited(name, secondsUntil(state));
}

/** Counts one failure against `name` for `key` (never throws for the limit itself). */
export async function countFailure(name: LimitName, key: string): Promise<void> {
  await (await limiterFor(name)).penalty(key);
}

/** The client address of a request, as the Node server normalised it (`x-forwarded-for` holds exactly one). */
export function clientAddressOf(request: { headers: Headers }): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
