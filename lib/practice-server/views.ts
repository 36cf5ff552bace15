/**
 * The practice server's own HTML: the sign-in page and the error page. Pure functions
 * from data to a complete document; every interpolated value is escaped. No script at
 * all; the one stylesheet is inline and allowed by its hash in the CSP.
 */
import { createHash } from 'node:crypto';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const STYLES = `
:root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--text:#1d1d21;--muted:#5c5f66;--border:#c7c9ce;
--accent:#1662dd;--accent-text:#fff;--focus:#0b4fc2;--error-bg:#fdecea;--error-text:#8a1c12;--code-bg:#eef1f6}
@media (prefers-color-scheme:dark){:root{--bg:#121317;--card:#1d1f25;--text:#eceef2;--muted:#a9adb6;--border:#4a4e57;
--accent:#5b9bff;--accent-text:#0b0c0f;--focus:#9cc2ff;--error-bg:#3b1714;--error-text:#ffb4ab;--code-bg:#272a32}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;
padding:24px 16px;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:100%;max-width:420px}
.card{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:32px 28px;box-shadow:0 2px 12px rgb(0 0 0/.08)}
.brand{display:flex;align-items:center;gap:10px;justify-content:center;margin:0 0 20px;font-weight:600;color:var(--muted);font-size:14px}
.brand-mark{width:28px;height:28px;border-radius:50%;border:6px solid var(--accent)}
h1{font-size:24px;margin:0 0 4px;text-align:center}
.subtitle{margin:0 0 24px;text-align:center;color:var(--muted)}
.alert{background:var(--error-bg);color:var(--error-text);border-left:4px solid currentColor;border-radius:4px;padding:10px 12px;margin:0 0 20px}
.field{margin:0 0 16px}
label{display:block;font-weight:600;margin:0 0 6px}
input{width:100%;font:inherit;padding:10px 12px;border:1px solid var(--border);border-radius:4px;background:var(--card);color:var(--text)}
input:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
button{width:100%;font:inherit;font-weight:600;padding:11px 12px;border:0;border-radius:4px;background:var(--accent);color:var(--accent-text);cursor:pointer}
button:hover{filter:brightness(1.08)}
.panel{margin:24px 0 0;padding:14px 16px;border:1px dashed var(--border);border-radius:6px;font-size:14px}
.panel h2{font-size:14px;margin:0 0 8px}
.panel dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
.panel dt{color:var(--muted)}.panel dd{margin:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code-bg);padding:1px 5px;border-radius:3px;overflow-wrap:anywhere}
.panel ul{margin:0;padding:0 0 0 18px}
.credential{overflow-wrap:break-word}
footer{margin:16px 0 0;color:var(--muted);font-size:13px;text-align:center;max-width:420px}
`;

/**
 * Escaped text that a narrow screen may wrap after "@", ".", "-" or "_" rather than in the
 * middle of a word (a long demo user name on a phone).
 */
function breakable(value: string): string {
  return escapeHtml(value).replace(/([@._-])/g, '$1<wbr>');
}

/** The CSP source for the inline stylesheet. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLES).digest('base64')}'`;

/** What a scope lets the app do, for the sign-in page's list and the practice console. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  openid: 'Sign you in (OpenID Connect)',
  profile: 'Read your basic profile',
  email: 'Read your email address',
  offline_access: 'Keep access while you are away (refresh token)',
  'api:read': 'Read data from the practice API',
  'api:write': 'Change data in the practice API',
};

/**
 * Security headers for every practice page: no script, the stylesheet by hash, no
 * framing, no referrer (the URL may carry a code). `form-action` must also allow the
 * client's redirect origins: browsers apply it to the redirects that follow the sign-in
 * POST, which end at the app's redirect URI.
 */
export function pageHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const origins = [
    ...new Set(
      formTargets.flatMap((uri) => {
        try {
          return [new URL(uri).origin];
        } catch {
          return [];
        }
      }),
    ),
  ];
  const csp = [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    "img-src 'self' data:",
    `form-action 'self'${origins.map((origin) => ` ${origin}`).join('')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · OAuth Lab practice server</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<div class="card">
<p class="brand"><span class="brand-mark" aria-hidden="true"></span>OAuth Lab practice server</p>
${body}
</div>
</main>
<footer>A practice authorization server that behaves like an Okta developer org's default server. Never enter a real password here.</footer>
</body>
</html>`;
}

export interface SignInPageData {
  /** Where the form posts (the interaction URL). */
  action: string;
  appName: string;
  scopes: readonly string[];
  demoUser: string;
  demoPassword: string;
  /** The username typed last time, to keep it after a failed attempt. */
  username?: string;
  error?: string;
}

/** The sign-in page ("Username", "Password", "Sign In"), with the demo credentials. */
export function renderSignInPage(data: SignInPageData): string {
  const scopeItems = data.scopes.length
    ? data.scopes
        .map((scope) => {
          const description = SCOPE_DESCRIPTIONS[scope];
          return `<li><code>${escapeHtml(scope)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</li>`;
        })
        .join('\n')
    : '<li>No scopes were requested.</li>';
  const alert = data.error ? `<div class="alert" role="alert" id="signin-error">${escapeHtml(data.error)}</div>\n` : '';
  const invalid = data.error ? ' aria-invalid="true" aria-describedby="signin-error"' : '';
  return layout(
    'Sign In',
    `<h1>Sign In</h1>
<p class="subtitle">to continue to <strong>${escapeHtml(data.appName)}</strong></p>
${alert}<form method="post" action="${escapeHtml(data.action)}" novalidate>
<div class="field">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(data.username ?? '')}"${invalid}${data.error ? '' : ' autofocus'}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${data.error ? ' autofocus' : ''}>
</div>
<button type="submit">Sign In</button>
</form>
<section class="panel" aria-labelledby="demo-heading">
<h2 id="demo-heading">Demo account</h2>
<dl>
<dt>Username</dt><dd><code class="credential">${breakable(data.demoUser)}</code></dd>
<dt>Password</dt><dd><code class="credential">${breakable(data.demoPassword)}</code></dd>
</dl>
</section>
<section class="panel" aria-labelledby="scopes-heading">
<h2 id="scopes-heading">${escapeHtml(data.appName)} is requesting</h2>
<ul>
${scopeItems}
</ul>
</section>`,
  );
}

/** A plain error page (expired sign-in, bad request, too many attempts). */
export function renderErrorPage(title: string, message: string, detail?: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<div class="alert" role="alert">${escapeHtml(message)}</div>
${detail ? `<p class="subtitle"><code>${escapeHtml(detail)}</code></p>` : ''}`,
  );
}
