/**
 * Values of another authorization server on the same host: Okta's org server where the custom
 * server was meant (or the reverse), another Okta custom server, another Keycloak realm. Pure;
 * every pattern is anchored and linear.
 */
import type { DiscoveryContext } from './types';
import { quote } from './wording';

/** Which Okta authorization server a path belongs to: "org", or the custom server's id; `rest` is what follows. */
function oktaServerOf(path: string): { server: string; rest: string } | null {
  if (path === '' || path === '/') return { server: 'org', rest: '' };
  const org = /^\/oauth2(\/v1\/.*)$/.exec(path);
  if (org) return { server: 'org', rest: org[1]! };
  const custom = /^\/oauth2\/([^/]+)(\/v1\/.*|\/?)$/.exec(path);
  if (custom) return { server: custom[1]!, rest: custom[2] === '/' ? '' : custom[2]! };
  return null;
}

export interface Mixup {
  message: string;
  hint: string;
}

/**
 * Okta's org authorization server (`https://{org}/oauth2/v1/authorize`, issuer `https://{org}`)
 * where the metadata is a custom server's (`…/oauth2/default/v1/authorize`), or the reverse.
 * @see https://developer.okta.com/docs/concepts/auth-servers/
 */
export function oktaServerMixup(url: URL, expected: URL, label: string, ctx: DiscoveryContext): Mixup | null {
  if (ctx.kind !== 'okta' || url.host !== expected.host) return null;
  const seen = oktaServerOf(url.pathname);
  const meant = oktaServerOf(expected.pathname);
  if (!seen || !meant || seen.rest !== meant.rest || seen.server === meant.server) return null;
  if (seen.server !== 'org' && meant.server !== 'org') return null;
  const target = quote(ctx.metadata.issuer);
  if (seen.server === 'org') {
    return {
      message: ctx.practice
        ? `is the ${label} as Okta's org authorization server writes it (no server name after /oauth2/), ` +
          `but the practice server is a custom authorization server, ${quote(meant.server)}: ${quote(urlText(expected, ctx))}.`
        : `is the ${label} of Okta's org authorization server (no server name after /oauth2/), ` +
          `but the metadata you read is the custom authorization server ${quote(meant.server)}'s: ${quote(urlText(expected, ctx))}.`,
      hint: ctx.practice
        ? `The practice server has one authorization server, the custom one at ${target}. Enter ${quote(urlText(expected, ctx))}.`
        : `Use the custom authorization server's value, ${quote(urlText(expected, ctx))}: it issues access tokens for your own API and supports custom scopes; the org server's tokens are for Okta's own APIs.`,
    };
  }
  const custom = `${expected.origin}/oauth2/default`;
  return {
    message:
      `belongs to the custom authorization server ${quote(seen.server)}, but the metadata you read is Okta's org authorization server's ` +
      `(issuer ${quote(ctx.metadata.issuer)}): ${quote(urlText(expected, ctx))}.`,
    hint:
      `Enter the values of the document you read (${quote(urlText(expected, ctx))}) — or, better, choose the custom authorization server ` +
      `(issuer ${quote(custom)}) as your server: the org server does not support custom scopes.`,
  };
}

/** The expected value as the metadata writes it (an org issuer has no trailing slash there). */
function urlText(expected: URL, ctx: DiscoveryContext): string {
  for (const value of Object.values(ctx.metadata)) {
    if (typeof value === 'string' && (value === expected.href || `${value}/` === expected.href)) return value;
  }
  return expected.href;
}

/** Another Okta custom server or another Keycloak realm on the same host, in words; null otherwise. */
export function otherServer(url: URL, expected: URL, ctx: DiscoveryContext): string | null {
  if (url.host !== expected.host) return null;
  if (ctx.kind === 'okta') {
    const seen = oktaServerOf(url.pathname);
    const meant = oktaServerOf(expected.pathname);
    if (seen && meant && seen.server !== meant.server && seen.server !== 'org' && meant.server !== 'org') {
      return `belongs to the authorization server ${quote(seen.server)} of the same Okta org, but the metadata you read is the server ${quote(meant.server)}'s.`;
    }
  }
  if (ctx.kind === 'keycloak') {
    const realm = (path: string) => /^(?:\/auth)?\/realms\/([^/]+)/.exec(path)?.[1];
    const seen = realm(url.pathname);
    const meant = realm(expected.pathname);
    if (seen && meant && seen !== meant) {
      return `belongs to the realm ${quote(seen)}, but the metadata you read is the realm ${quote(meant)}'s (realm names are case-sensitive).`;
    }
  }
  return null;
}
