/**
 * Builds the Content-Security-Policy for a Next.js page. Next's App Router streams inline
 * scripts, so scripts are allowed by a per-request nonce plus 'strict-dynamic' (a host
 * allow-list cannot tell them apart). @see docs/decisions/004-security-headers.md
 */
export function buildContentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes cannot carry a nonce; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Whether a state-changing request comes from another site (CSRF). Browsers send
 * `Origin` on cross-origin POST/PATCH/DELETE; a request without it (curl, scripts) is
 * not a browser-driven forgery and is allowed.
 */
export function isCrossSiteRequest(request: { method: string; headers: Headers }, allowedOrigins: string[]): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  return !allowedOrigins.includes(origin);
}
