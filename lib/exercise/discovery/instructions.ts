/**
 * Where the learner finds their server's metadata document, per provider, for the discovery
 * step's page: plain text, one or two sentences each. Pure and browser-safe.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
import type { ProviderKind } from '../../issuer/providers';
import { trimTrailingSlashes } from '../../issuer/text';

/** The practice server's metadata URL for its issuer (`<site>/oauth2/default`), as Okta's custom servers publish it. */
export function practiceMetadataUrl(issuer: string): string {
  return `${trimTrailingSlashes(issuer)}/.well-known/oauth-authorization-server`;
}

/** Where each provider's console shows the metadata document. */
export const METADATA_INSTRUCTIONS: Record<ProviderKind, string> = {
  okta:
    'In the Okta Admin Console, open Security → API → Authorization Servers and select your authorization server (default); ' +
    'its Settings tab shows the Metadata URI, a link to the metadata document (the issuer followed by /.well-known/oauth-authorization-server).',
  auth0:
    'In the Auth0 Dashboard, open Applications → Applications, select any app and open Settings → Advanced Settings → Endpoints; ' +
    'the OpenID Configuration link there is the metadata document (https://{your tenant}/.well-known/openid-configuration).',
  keycloak:
    'In the Keycloak admin console, select your realm and open Realm settings; at the bottom of the General tab, under Endpoints, ' +
    'OpenID Endpoint Configuration links to the metadata document (https://{host}/realms/{realm}/.well-known/openid-configuration).',
  generic:
    'Add /.well-known/oauth-authorization-server (RFC 8414) or /.well-known/openid-configuration (OpenID Connect Discovery) to your issuer URL ' +
    'and open it in the browser; your server’s documentation names the issuer.',
};

/** The step page's sentence: where this learner's metadata document is. */
export function metadataInstructions(kind: ProviderKind, options: { practice?: boolean; issuer?: string } = {}): string {
  if (options.practice && options.issuer) {
    return (
      `The practice server publishes its metadata the way an Okta custom authorization server does: ` +
      `open ${practiceMetadataUrl(options.issuer)} in a new tab (the issuer followed by /.well-known/oauth-authorization-server).`
    );
  }
  return METADATA_INSTRUCTIONS[kind];
}
