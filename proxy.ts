import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { buildContentSecurityPolicy } from '@/lib/http/csp';
import { isCrossSiteRequest } from '@/lib/http/csrf';
import { SESSION_COOKIE, mintSession, readSessionValue, sessionCookieOptions } from '@/lib/session/cookie';

/**
 * Runs before every Next.js request: refuses cross-site state changes (CSRF), gives
 * every visitor a signed learner session cookie, and sets a per-request CSP nonce.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const publicOrigin = new URL(env.PUBLIC_URL).origin;

  if (isCrossSiteRequest(request, [publicOrigin, request.nextUrl.origin])) {
    return NextResponse.json(
      { error: { code: 'forbidden', message: 'Cross-site request refused: this action must come from OAuth Lab itself.' } },
      { status: 403 },
    );
  }

  const requestHeaders = new Headers(request.headers);
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = buildContentSecurityPolicy({
    nonce,
    dev: env.NODE_ENV === 'development',
    https: env.PUBLIC_URL.startsWith('https:'),
  });
  // Next reads the nonce from the request's CSP header and stamps it on its scripts.
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-nonce', nonce);

  let minted: string | undefined;
  if (!readSessionValue(request.cookies.get(SESSION_COOKIE)?.value)) {
    minted = mintSession().cookieValue;
    // Make the new session visible to this very request's handler.
    const others = (request.headers.get('cookie') ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter((c) => c && !c.startsWith(`${SESSION_COOKIE}=`));
    requestHeaders.set('cookie', [...others, `${SESSION_COOKIE}=${encodeURIComponent(minted)}`].join('; '));
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (minted) response.cookies.set(SESSION_COOKIE, minted, sessionCookieOptions());
  return response;
}

export const config = {
  matcher: [
    {
      // API routes handle CSRF and sessions in handleApi (lib/http.ts).
      source: '/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
