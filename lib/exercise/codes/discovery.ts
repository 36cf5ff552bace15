/**
 * Diagnosis codes: reading the server's metadata document (the `discovery` check kind,
 * Getting Started's main step). The learner enters the issuer, the authorization and token
 * endpoints, the JWKS URI and one custom scope; each is compared with the metadata. See ./index.ts.
 */
import { code, type CodeInfo } from './code-info';

const DISCOVERY: ['discovery'] = ['discovery'];

export const DISCOVERY_CODES = {
  'discovery.missing': code(DISCOVERY, ['fail'], 'A field of the discovery step was left empty.', 'Moving on before copying every value.'),
  'discovery.not_url': code(
    DISCOVERY,
    ['fail'],
    'A value that should be a URL is not an absolute http(s) URL.',
    'The path alone (/oauth2/default/v1/authorize), the host without https://, or two values in one field.',
  ),
  'discovery.placeholder': code(
    DISCOVERY,
    ['fail'],
    'A value still holds a template placeholder.',
    'Copying a URL from documentation: https://{yourOktaDomain}/oauth2/default, https://YOUR_DOMAIN/authorize, {YOUR_SCOPE}.',
  ),
  'discovery.wrapped': code(
    DISCOVERY,
    ['fail'],
    'The value still has what surrounded it where it was copied: quotes, a whole JSON line ("name": "value",) or scope=.',
    'Selecting the JSON line in the metadata document instead of the value inside the quotes.',
  ),
  'discovery.document_pasted': code(
    DISCOVERY,
    ['fail'],
    'A JSON document was pasted where its URL was asked (the key set itself, or the whole metadata).',
    'Opening the jwks_uri and copying the page ({"keys": [...]}) instead of the address.',
  ),
  'discovery.wrong_field': code(
    DISCOVERY,
    ['fail'],
    'A field holds the value of another asked field (the issuer as the authorization endpoint, the two endpoints swapped…).',
    'Copying the neighbouring line of the metadata document, or pasting the issuer everywhere.',
  ),
  'discovery.other_endpoint': code(
    DISCOVERY,
    ['fail'],
    'A field holds an endpoint the step does not ask for (userinfo, introspection, revocation, logout…).',
    'Taking the userinfo or introspection endpoint for the token endpoint: they sit next to it in the document.',
  ),
  'discovery.metadata_url': code(
    DISCOVERY,
    ['fail'],
    'A field holds the metadata document’s own address (…/.well-known/…) instead of a value from inside it.',
    'Entering the URL that was opened in the browser, or the issuer with /.well-known/openid-configuration appended.',
  ),
  'discovery.query_included': code(
    DISCOVERY,
    ['fail'],
    'The endpoint is right but carries a query or fragment: a whole request, not the endpoint.',
    'Copying an authorization request (…/v1/authorize?client_id=…) from the browser’s address bar.',
  ),
  'discovery.okta_org_server': code(
    DISCOVERY,
    ['fail'],
    'An Okta org authorization server value (/oauth2/v1/…) where the custom server’s (/oauth2/default/v1/…) was meant, or the reverse.',
    'Following a guide written for the org server, or dropping “default” from the path.',
  ),
  'discovery.trailing_slash': code(
    DISCOVERY,
    ['fail'],
    'The value differs from the metadata only by a trailing slash.',
    'A slash added out of habit, or Auth0’s issuer (which ends with a slash) entered without it.',
  ),
  'discovery.wrong_scheme': code(
    DISCOVERY,
    ['fail'],
    'The value differs from the metadata only by http:// and https://.',
    'Typing http:// by hand, or an old bookmark.',
  ),
  'discovery.other_host': code(
    DISCOVERY,
    ['fail'],
    'The value is on another host than the metadata’s: another tenant, org or server.',
    'Copying from a guide’s example, a colleague’s tenant, or the Okta Admin Console’s …-admin.okta.com address.',
  ),
  'discovery.other_server': code(
    DISCOVERY,
    ['fail'],
    'The value belongs to another authorization server on the same host (another Okta custom server, another Keycloak realm).',
    'Reading the metadata of one server and copying endpoints from another (the master realm, a second Okta server).',
  ),
  'discovery.near_miss': code(
    DISCOVERY,
    ['fail'],
    'The value is nearly the metadata’s: an invisible character, a trailing %20, upper and lower case, a typo, or cut short; the message names the difference.',
    'Copying through a chat or a PDF, typing the value by hand, or a selection that stopped early.',
  ),
  'discovery.mismatch': code(
    DISCOVERY,
    ['fail'],
    'The value is not the metadata’s; the message marks where the two differ.',
    'A value guessed from another provider’s paths, or copied from an old document.',
  ),
  'discovery.scope_standard': code(
    DISCOVERY,
    ['fail'],
    'A standard scope (openid, profile, email, address, phone, offline_access) or a provider’s built-in one was entered where a custom scope of the API was asked.',
    'Picking the first scope in scopes_supported, which is usually openid.',
  ),
  'discovery.scope_not_published': code(
    DISCOVERY,
    ['fail'],
    'The scope is not in the metadata’s scopes_supported.',
    'On Okta, a custom scope without “Include in public metadata” ticked; elsewhere a scope made up or misremembered.',
  ),
  'discovery.scope_several': code(
    DISCOVERY,
    ['warn'],
    'Several custom scopes were entered where one was asked (all of them published).',
    'Copying the whole scope list, or a space-separated scope parameter.',
  ),
  'discovery.scope_unverifiable': code(
    DISCOVERY,
    ['info'],
    'The metadata cannot confirm the scope: it has no scopes_supported, or it is Auth0’s, which never lists an API’s permissions.',
    'A server that leaves the optional scopes_supported out, or any Auth0 tenant.',
  ),
  'discovery.scope_audience': code(
    DISCOVERY,
    ['warn'],
    'A URL was entered as the scope on Auth0: most likely the API’s Identifier (the audience), not one of its permissions.',
    'Copying the Identifier from the API’s settings page instead of a permission from its Permissions tab.',
  ),
} as const satisfies Record<string, CodeInfo>;
