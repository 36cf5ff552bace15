/**
 * The one structured logger (pino): JSON lines on stdout, the level from LOG_LEVEL, and
 * anything secret-shaped redacted before it is written — authorization headers, cookies,
 * codes, tokens, client secrets, passwords, and the values of such parameters inside URLs.
 * The security rules: logs never contain a raw token, code or secret.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { getEnv } from '../env';

/** Field names whose values are never logged, at any depth up to three levels. */
export const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'code',
  'code_verifier',
  'client_secret',
  'clientSecret',
  'password',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'accessToken',
  'refreshToken',
  'idToken',
  'assertion',
  'client_assertion',
] as const;

const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const join = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, join('*'), join('*.*'), join('*.*.*')];
});

/** Query parameters and path segments whose values are credentials. */
const SECRET_PARAMS = new Set<string>([...SECRET_FIELDS, 'state', 'session_token', 'sessionToken'].map((name) => name.toLowerCase()));

/**
 * A URL or path safe to log: the values of secret parameters are replaced, and the secret
 * in a practice-server interaction path (`/interaction/<id>`, and the authorization
 * endpoint's resume path `/v1/authorize/<id>` that the sign-in returns through) or a resume
 * link is cut.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(/\/(interaction|resume|authorize)\/[^/]+/, '/$1/[redacted]');
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed name is logged as is
      }
      return eq >= 0 && SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=[redacted]` : pair;
    });
  return `${path}?${query.join('&')}`;
}

/** Builds a logger; tests pass their own destination and level. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? getEnv().LOG_LEVEL,
      base: { service: 'oauth-lab' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

// One logger per process: the custom server (tsx) and Next's server bundle are two module
// graphs in one process, so the instance lives on globalThis.
const GLOBAL_KEY = Symbol.for('oauth-lab.logger');
type GlobalWithLogger = typeof globalThis & { [GLOBAL_KEY]?: Logger };

/** The process's logger. */
export function getLogger(): Logger {
  const g = globalThis as GlobalWithLogger;
  g[GLOBAL_KEY] ??= createLogger();
  return g[GLOBAL_KEY];
}
