/** Diagnosis codes: choosing the authorization server (own server: discovery and keys). See ./index.ts. */
import type { StepId } from '../steps';
import { code, type CodeInfo } from './code-info';

const SETUP: StepId[] = ['setup'];

export const SETUP_CODES = {
  'issuer.missing': code(SETUP, ['fail'], 'No issuer URL was given.', 'Choosing "Use my server" before filling in the Issuer URL field.'),
  'issuer.invalid_url': code(
    SETUP,
    ['fail'],
    'The issuer is not a valid absolute URL.',
    'Typing the Okta domain without https://, or pasting the console URL (…-admin.okta.com).',
  ),
  'issuer.unreachable': code(
    SETUP,
    ['fail'],
    'The issuer could not be reached (DNS, connection, TLS or timeout).',
    'A typo in the domain, a server that is down, or a firewall between the lab and the server.',
  ),
  'issuer.no_metadata': code(
    SETUP,
    ['fail'],
    'No OAuth/OIDC metadata at the issuer’s well-known URLs.',
    'Entering the authorization endpoint or a web page instead of the issuer URL.',
  ),
  'issuer.mismatch': code(
    SETUP,
    ['fail'],
    'The metadata names a different issuer (often a trailing slash or the Okta org server).',
    'A trailing slash, or the Okta org server (https://dev-123.okta.com) where the custom server (…/oauth2/default) was meant.',
  ),
  'issuer.no_jwks': code(
    SETUP,
    ['fail'],
    'The server publishes no usable signing keys.',
    'A server whose metadata lists no jwks_uri, or whose key set could not be loaded.',
  ),
  'issuer.private_address': code(
    SETUP,
    ['fail'],
    'The issuer is on a private or loopback address, which the site refuses to fetch.',
    'An issuer on localhost or a private network, which this site does not fetch (ALLOW_PRIVATE_ISSUERS is off).',
  ),
  'issuer.not_https': code(SETUP, ['fail'], 'The issuer is not https.', 'An http:// issuer on a host other than this machine.'),
  'issuer.metadata_invalid': code(
    SETUP,
    ['fail'],
    'The metadata document is missing required fields.',
    'A metadata document that is not JSON or lacks issuer and endpoints.',
  ),
  'issuer.no_authorization_endpoint': code(
    SETUP,
    ['fail'],
    'The metadata has no authorization endpoint.',
    'A server set up for machine-to-machine only.',
  ),
  'issuer.no_token_endpoint': code(SETUP, ['fail'], 'The metadata has no token endpoint.', 'An incomplete metadata document.'),
  'issuer.pkce_not_advertised': code(
    SETUP,
    ['warn'],
    'The server does not advertise PKCE with S256.',
    'An older server that does not list code_challenge_methods_supported.',
  ),
  'issuer.refresh_grant_not_advertised': code(
    SETUP,
    ['warn', 'info'],
    'The server does not list the refresh_token grant.',
    'A server that does not list refresh_token in grant_types_supported.',
  ),
  'issuer.okta_org_server': code(
    SETUP,
    ['warn'],
    'The Okta org authorization server was used instead of a custom one (/oauth2/default).',
    'Using https://dev-123.okta.com instead of https://dev-123.okta.com/oauth2/default.',
  ),
  'client_id.missing': code(
    ['setup', 'authorize-url'],
    ['fail'],
    'No client ID was given.',
    'Leaving the Client ID field empty, or leaving client_id out of the URL.',
  ),
  'redirect_uri.invalid': code(
    SETUP,
    ['fail'],
    'The redirect URI is not a valid absolute URL.',
    'A redirect URI without https:// or with spaces in it.',
  ),
} as const satisfies Record<string, CodeInfo>;
