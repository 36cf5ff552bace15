/**
 * Hints for an issuer the setup check could not use (issue 19): a host one or two letters off
 * a provider's domain, an Okta org name without its domain, a Keycloak realm that does not
 * exist. Pure.
 */
import type { SafeFetchFailure } from '../issuer/safe-fetch';
import { boundedEditDistance, explainDifference } from './explain-difference';
import { quote as quoteText } from './report';

const quote = (value: string) => quoteText(value, 200);

/** Where an unresolvable host is one or two letters off a provider's domain (issue 19, class 6). */
const PROVIDER_DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'auth0.com', 'us.auth0.com', 'eu.auth0.com'];

function nearProviderDomain(host: string): string | null {
  for (const domain of PROVIDER_DOMAINS) {
    const labels = domain.split('.').length;
    const tail = host.split('.').slice(-labels).join('.');
    if (tail === domain) return null;
    const difference = tail.length < 40 ? explainDifference(tail, domain) : null;
    if (difference && boundedEditDistance(tail, domain) !== null) return `${quote(tail)} is not ${quote(domain)}: ${difference}`;
  }
  // `dev-123456.com`: an Okta developer org's name without its domain.
  if (/^(?:dev|trial)-\d+\.com$/.test(host))
    return `${quote(host)} lacks the provider's domain: an Okta developer org is ${quote(host.replace(/\.com$/, '.okta.com'))}`;
  return null;
}

export function unreachableHint(failure: SafeFetchFailure): string {
  if (failure.reason === 'dns_failed') {
    let host = '';
    try {
      host = new URL(failure.url).hostname;
    } catch {
      // no host to compare
    }
    const near = host ? nearProviderDomain(host) : null;
    return near
      ? `No host has that name: ${near}. Copy the issuer from your server's console (Okta: Security → API → Authorization Servers).`
      : 'Check the host name for typos; it must be resolvable from the internet.';
  }
  if (failure.reason === 'timeout') return 'Check that the server is up and reachable from the internet (no VPN or firewall in the way).';
  if (failure.reason === 'too_many_redirects') return 'Enter the issuer URL the redirects end at.';
  if (failure.detail.startsWith('TLS error')) {
    return 'The server needs a valid certificate for its host name, issued by a public certificate authority.';
  }
  return 'Check the host name and port, and that the server is up and reachable from the internet.';
}

/** Keycloak answers nothing for a realm that does not exist: the realm's name is the likely typo. */
export function realmHint(issuer: string): string | null {
  const realm = /\/realms\/([^/?#]{1,100})\/?$/.exec(issuer)?.[1];
  return realm
    ? `The server answered, but has no realm ${quote(realm)}: check its spelling (realm names are case-sensitive) in the Keycloak admin console's realm list, then enter ${quote(issuer.replace(/[^/]*\/?$/, '<realm>'))} with the right name.`
    : null;
}
