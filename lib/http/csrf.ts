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
