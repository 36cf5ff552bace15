/**
 * Which scope to suggest in place of `{YOUR_SCOPE}`: the exercise means a scope for an API
 * (a custom scope such as Okta's `api:read`), so the standard OpenID Connect scopes are
 * only the fallback, and a server that publishes no scopes gets no made-up example.
 */

/** Scopes defined by OpenID Connect (and offline_access): not what {YOUR_SCOPE} is for. */
export const STANDARD_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

export interface ScopeAdvice {
  /** A scope to put in the template, or null when the server publishes none to pick from. */
  example: string | null;
  /** One sentence for the learner. */
  text: string;
}

/** A server's published scopes in two groups: its own (API) scopes, and the standard ones. */
export interface ScopeGroups {
  api: string[];
  standard: string[];
}

/**
 * The scopes a server publishes (`scopes_supported`), API scopes first, for the learner to
 * pick from; null when it publishes none (the metadata field is optional, RFC 8414 §2).
 */
export function groupScopes(scopesSupported: readonly string[] | null | undefined): ScopeGroups | null {
  const published = [...new Set(scopesSupported ?? [])];
  if (published.length === 0) return null;
  return {
    api: published.filter((scope) => !STANDARD_SCOPES.has(scope)),
    standard: published.filter((scope) => STANDARD_SCOPES.has(scope)),
  };
}

/** What to suggest for `{YOUR_SCOPE}`, from the server's published scopes (null: none published). */
export function adviseScope(scopesSupported: readonly string[] | null | undefined): ScopeAdvice {
  const published = scopesSupported ?? [];
  const custom = published.filter((scope) => !STANDARD_SCOPES.has(scope));
  if (custom.length > 0) {
    const examples = custom.slice(0, 3).join(', ');
    return { example: custom[0]!, text: `a scope your server defines for its API, e.g. ${examples}` };
  }
  if (published.includes('openid')) {
    return {
      example: 'openid',
      text: 'openid: your server publishes no API scopes, and openid asks for an ID token next to the access token',
    };
  }
  return {
    example: null,
    text: 'a scope your server defines for your API (its admin console lists them; it publishes none in its metadata)',
  };
}
