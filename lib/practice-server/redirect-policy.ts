/**
 * Which redirect URIs a practice app may register. A real Okta org lives on its owner's
 * own subdomain; the practice server shares the lab's domain with every learner, so an
 * app that could register any host would turn the authorization endpoint into an open
 * redirector on the lab's domain (its error redirects go to the registered URI). Allowed:
 * the site's own origin, loopback hosts on any port, the seed's `example-app.com`, and the
 * hosts the operator lists in PRACTICE_REDIRECT_HOSTS. Pure.
 * @see docs/decisions/006-trust-proxy-and-redirect-allowlist.md
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.11 open redirection
 */

export interface RedirectPolicy {
  /** The site's origin (PUBLIC_URL). */
  siteOrigin: string;
  /** PRACTICE_REDIRECT_HOSTS: host names, `*.example.edu` for any subdomain. */
  extraHosts: readonly string[];
}

/** The policy the environment sets. */
export function redirectPolicyOf(env: { PUBLIC_URL: string; PRACTICE_REDIRECT_HOSTS: readonly string[] }): RedirectPolicy {
  return { siteOrigin: new URL(env.PUBLIC_URL).origin, extraHosts: env.PRACTICE_REDIRECT_HOSTS };
}

/** The seed exercise's example redirect host. */
export const EXAMPLE_APP_HOST = 'example-app.com';

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function matchesExtraHost(hostname: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1 : hostname === pattern;
}

/** Why a redirect URI is refused, or null when the practice server accepts it. */
export function refusalOf(uri: string, policy: RedirectPolicy): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'it is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `its scheme ${url.protocol} is not http or https`;
  if (url.origin === policy.siteOrigin || isLoopbackHost(url.hostname) || url.hostname === EXAMPLE_APP_HOST) return null;
  if (policy.extraHosts.some((pattern) => matchesExtraHost(url.hostname, pattern))) return null;
  return `the host ${url.hostname} is not one the practice server may send sign-ins to`;
}

/**
 * A sentence for a learner, listing what is accepted. It names no environment variable: the
 * console is a learner's page, and only whoever runs the site can allow more (issue 20).
 */
export function describeAllowedHosts(policy: RedirectPolicy): string {
  const hosts = [
    `this site (${policy.siteOrigin})`,
    'your own machine (localhost, 127.0.0.1 or [::1], any port)',
    EXAMPLE_APP_HOST,
    ...policy.extraHosts,
  ];
  return `The practice server accepts redirect URIs on ${hosts.slice(0, -1).join(', ')} and ${hosts.at(-1)}.`;
}

/** Why a refused host cannot be added from the console, for the learner to pass on. */
export const MORE_HOSTS_NOTE = 'Another host can only be allowed by whoever runs this site (in its PRACTICE_REDIRECT_HOSTS setting).';

/** The redirect URIs of `uris` that the policy accepts (used when serving a client). */
export function allowedRedirectUris(uris: readonly string[], policy: RedirectPolicy): string[] {
  return uris.filter((uri) => refusalOf(uri, policy) === null);
}
