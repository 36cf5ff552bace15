/**
 * A fixed-window rate limiter kept in memory (per process). Good for one instance;
 * several instances would need a shared store.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit for `key`; returns whether it is allowed and when to retry. */
  hit(key: string): { allowed: boolean; retryAfterSeconds: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.sweep(now);
    }
    window.count += 1;
    const allowed = window.count <= this.limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((window.start + this.windowMs - now) / 1000) };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}

/** The client key for rate limits: the first X-Forwarded-For hop when set by our server. */
export function clientKey(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}

// Limiters live on globalThis: route handlers may be bundled into separate module
// graphs, and a limit must count every request of the process.
const LIMITERS = Symbol.for('oauth-lab.rate-limiters');
type GlobalWithLimiters = typeof globalThis & { [LIMITERS]?: Map<string, RateLimiter> };

/** The process-wide limiter named `name`, allowing `perMinute` hits per key per minute. */
export function getRateLimiter(name: string, perMinute: number): RateLimiter {
  const g = globalThis as GlobalWithLimiters;
  g[LIMITERS] ??= new Map();
  const id = `${name}:${perMinute}`;
  let limiter = g[LIMITERS].get(id);
  if (!limiter) {
    limiter = new RateLimiter(perMinute, 60_000);
    g[LIMITERS].set(id, limiter);
  }
  return limiter;
}
