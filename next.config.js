// @ts-check

/**
 * Static security headers for every Next.js response. The Content-Security-Policy is
 * per request (it carries a nonce), so it is set in `proxy.ts` instead.
 * @see docs/decisions/004-security-headers.md
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // The redirect page carries an authorization code in its URL: never leak it.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets a second build run beside a serving one (bench, parallel work).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // Metadata in the <head>, never streamed: a streamed <title> is briefly missing after
  // router.refresh(), and a page must never lose its title (WCAG 2.4.2, axe document-title).
  htmlLimitedBots: /.*/,
  // Native and ESM-only server packages are loaded by Node, not bundled.
  serverExternalPackages: ['better-sqlite3', 'oidc-provider', 'kysely', 'pino', 'rate-limiter-flexible'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
