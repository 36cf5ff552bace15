import { z } from 'zod';

/** Parses "true"/"false"/"1"/"0"/"yes"/"no"/"on"/"off"; anything else is an error. */
const booleanFlag = (defaultValue: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return defaultValue;
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true or false, got "${value}"` });
      return z.NEVER;
    });

const positiveInt = (defaultValue: number) => z.coerce.number().int().positive().default(defaultValue);

/**
 * TRUST_PROXY: `false` (default: the site faces clients directly and ignores every
 * X-Forwarded-* header), `true` (trust every proxy hop) or the number of proxy hops in
 * front of the site. Parsed to a hop count; `true` is `Infinity`.
 * @see docs/decisions/006-trust-proxy-and-redirect-allowlist.md
 */
const trustProxy = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '' || ['false', 'no', 'off'].includes(value)) return 0;
    if (['true', 'yes', 'on'].includes(value)) return Number.POSITIVE_INFINITY;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message: `expected false, true or a number of proxy hops (0-99), got "${value}"` });
    return z.NEVER;
  });

/** A host name as it appears in a URL (letters, digits, dots, hyphens; `*.` for any subdomain). */
const HOST_PATTERN = /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** PRACTICE_REDIRECT_HOSTS: comma-separated host names, e.g. `app.school.edu,*.dev.school.edu`. */
const hostList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const hosts = (value ?? '')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean);
    const bad = hosts.filter((host) => host.length > 253 || !HOST_PATTERN.test(host));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `not host names: ${bad.map((host) => `"${host.slice(0, 60)}"`).join(', ')} (write e.g. app.school.edu or *.school.edu, without scheme or port)`,
      });
      return z.NEVER;
    }
    return hosts;
  });

/** Whether DATABASE_URL names a Postgres database (`postgres://` or `postgresql://` with a host). */
export function isPostgresUrl(url: string): boolean {
  if (!/^postgres(?:ql)?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '' || new URL(url).searchParams.has('host');
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL, e.g. http://localhost:3000' })
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .trim()
    .default('file:./data/oauth-lab.db')
    .refine((url) => url.startsWith('file:') || isPostgresUrl(url), {
      message: 'expected file:<path> (SQLite) or postgres://user:password@host:port/database (Postgres)',
    }),
  /** Connections in each instance's Postgres pool (ignored for SQLite, which has one connection). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (leave it unset to have one generated)').optional(),
  PRACTICE_SERVER: booleanFlag(true),
  PRACTICE_DEMO_USER: z.string().trim().min(1).max(100).default('learner@example.com'),
  PRACTICE_DEMO_PASSWORD: z.string().min(1).max(200).default('correct-horse-battery'),
  INSTRUCTOR_EMAIL: z.email().optional(),
  INSTRUCTOR_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  ALLOW_PRIVATE_ISSUERS: booleanFlag(false),
  /** Checks per learner (session) per minute. */
  RATE_LIMIT_CHECKS_PER_MINUTE: positiveInt(240),
  /** Checks per client address per minute, whatever the cookie: a class of 60 behind one NAT at 30 checks a minute each. */
  RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: positiveInt(1800),
  /** New learners (first write of a session) per client address per hour. */
  RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: positiveInt(300),
  /** Failed sign-ins (practice server and instructors) per client address per minute; successes do not count. */
  RATE_LIMIT_SIGNIN_PER_MINUTE: positiveInt(60),
  /** Failed sign-ins per user name per minute, from any address. */
  RATE_LIMIT_SIGNIN_FAILURES_PER_USERNAME_PER_MINUTE: positiveInt(100),
  /** Join codes or links that match no open cohort, per client address per minute (a class mistyping behind one NAT stays well under). */
  RATE_LIMIT_JOIN_FAILURES_PER_MINUTE: positiveInt(60),
  TRUST_PROXY: trustProxy,
  PRACTICE_REDIRECT_HOSTS: hostList,
  ANONYMOUS_RETENTION_DAYS: positiveInt(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** Every variable the site reads (.env.example and the README document each). */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as (keyof Env)[];

/** Thrown at start when one or more variables are invalid; the message names each. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Validates a raw environment (pure: used by tests with plain objects). */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  // An empty variable means "use the default", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The one place that reads process.env. Parsed once; fails fast with every bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The practice server's issuer, e.g. http://localhost:3000/oauth2/default. */
export function practiceIssuer(env: Env = getEnv()): string {
  return `${env.PUBLIC_URL}/oauth2/default`;
}
