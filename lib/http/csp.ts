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
