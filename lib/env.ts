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

const positiveInt = (defaultValue: number) =>
  z.coerce.number().int().positive().default(defaultValue);

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
    .default('file:./data/oauth-lab.db')
    .refine((url) => url.startsWith('file:'), {
      message: 'only file:<path> (SQLite) is supported in this version; postgres:// comes later',
    }),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (leave it unset to have one generated)').optional(),
  PRACTICE_SERVER: booleanFlag(true),
  PRACTICE_DEMO_USER: z.string().trim().min(1).max(100).default('learner@example.com'),
  PRACTICE_DEMO_PASSWORD: z.string().min(1).max(200).default('correct-horse-battery'),
  INSTRUCTOR_EMAIL: z.email().optional(),
  INSTRUCTOR_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  ALLOW_PRIVATE_ISSUERS: booleanFlag(false),
  RATE_LIMIT_CHECKS_PER_MINUTE: positiveInt(240),
  RATE_LIMIT_SIGNIN_PER_MINUTE: positiveInt(20),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

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
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
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
