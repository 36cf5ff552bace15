/**
 * Small, pure adjustments that make oidc-provider behave like Okta's default server.
 * Each is listed with its reason in docs/decisions/001-practice-server-on-oidc-provider.md.
 */

/**
 * Adds `consent` to `prompt` on an authorization request URL that asks for
 * `offline_access`. OIDC Core §11 lets a provider drop `offline_access` unless
 * `prompt=consent` (oidc-provider does); Okta issues the refresh token without it. Consent
 * is granted implicitly anyway, so the learner sees no difference.
 *
 * Leaves the URL untouched when `prompt` contains `none` (that must stay alone) or is
 * repeated (the provider must see the learner's duplicate and reject it).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess
 */
export function addConsentPromptForOfflineAccess(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const scopes = params.getAll('scope').flatMap((scope) => scope.split(' '));
  if (!scopes.includes('offline_access')) return url;
  const prompts = params.getAll('prompt');
  if (prompts.length > 1) return url;
  const prompt = (prompts[0] ?? '').split(' ').filter(Boolean);
  if (prompt.includes('consent') || prompt.includes('none')) return url;
  params.set('prompt', [...prompt, 'consent'].join(' '));
  return `${url.slice(0, q)}?${params.toString()}`;
}
