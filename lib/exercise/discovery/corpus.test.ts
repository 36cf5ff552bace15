/**
 * Getting Started's discovery step: a corpus of the mistakes learners make copying values out
 * of a metadata document (oauth.school's Getting Started, issue 21), each answered at its root.
 * Every case asserts the code, that the message quotes what was entered, and that the hint
 * names the fix.
 */
import { describe, expect, it } from 'vitest';
import { quote } from '../report';
import { checkDiscovery, type DiscoveryAnswers, type DiscoveryContext } from './check';
import {
  answersFor,
  auth0Context,
  AUTH0_TENANT,
  genericContext,
  keycloakContext,
  oktaContext,
  oktaOrgContext,
  practiceContext,
} from './fixtures';

type Field = keyof DiscoveryAnswers;
const CHECK: Record<Field, string> = {
  issuer: 'issuer',
  authorizationEndpoint: 'authorization_endpoint',
  tokenEndpoint: 'token_endpoint',
  jwksUri: 'jwks_uri',
  scope: 'scope',
};
const SCOPE: Record<string, string> = {
  practice: 'api:read',
  okta: 'photos:read',
  org: 'photos:read',
  auth0: 'read:photos',
  keycloak: 'photos:read',
  generic: 'photos.read',
};
const CONTEXTS: Record<string, () => DiscoveryContext> = {
  practice: practiceContext,
  okta: () => oktaContext(),
  org: oktaOrgContext,
  auth0: auth0Context,
  keycloak: () => keycloakContext(),
  generic: () => genericContext(),
};

const okta = oktaContext().metadata;
const kc = keycloakContext().metadata;
const auth0 = auth0Context().metadata;
const practice = practiceContext().metadata;
const OKTA = 'https://dev-123456.okta.com';

/** [what the learner did, server, field, what they entered, code, status, what the hint must say] */
type Case = [string, keyof typeof CONTEXTS, Field, string, string, 'fail' | 'warn' | 'info', RegExp];

const CASES: Case[] = [
  // Empty and not URLs
  ['left the token endpoint empty', 'okta', 'tokenEndpoint', '   ', 'discovery.missing', 'fail', /"token_endpoint".*\/v1\/token/],
  ['left the scope empty', 'practice', 'scope', '', 'discovery.missing', 'fail', /api:read/],
  [
    'typed the issuer without https://',
    'okta',
    'issuer',
    'dev-123456.okta.com/oauth2/default',
    'discovery.not_url',
    'fail',
    /Start it with https:\/\//,
  ],
  [
    'entered only the path of the JWKS URI',
    'okta',
    'jwksUri',
    '/oauth2/default/v1/keys',
    'discovery.not_url',
    'fail',
    /Put the host in front/,
  ],
  [
    'pasted both endpoints into one field',
    'practice',
    'tokenEndpoint',
    `${practice.authorization_endpoint} ${practice.token_endpoint}`,
    'discovery.not_url',
    'fail',
    /\/v1\/token"/,
  ],
  [
    'wrote a scheme Okta never uses',
    'okta',
    'tokenEndpoint',
    `ftp://dev-123456.okta.com/oauth2/default/v1/token`,
    'discovery.not_url',
    'fail',
    /\/v1\/token"/,
  ],
  // Placeholders left in
  [
    'kept {yourOktaDomain} from the docs',
    'okta',
    'authorizationEndpoint',
    'https://{yourOktaDomain}/oauth2/default/v1/authorize',
    'discovery.placeholder',
    'fail',
    /own value.*dev-123456\.okta\.com\/oauth2\/default\/v1\/authorize/,
  ],
  [
    'kept YOUR_DOMAIN from Auth0’s docs',
    'auth0',
    'tokenEndpoint',
    'https://YOUR_DOMAIN/oauth/token',
    'discovery.placeholder',
    'fail',
    /OAuth Token URL.*Advanced Settings → Endpoints/,
  ],
  ['kept {YOUR_SCOPE}', 'practice', 'scope', '{YOUR_SCOPE}', 'discovery.placeholder', 'fail', /api:read/],
  [
    'kept the realm placeholder of a Keycloak guide',
    'keycloak',
    'issuer',
    'https://sso.example.org/realms/{realm}',
    'discovery.placeholder',
    'fail',
    /OpenID Endpoint Configuration/,
  ],
  // Copied with what surrounded the value
  [
    'copied the JSON line of the issuer',
    'okta',
    'issuer',
    `"issuer": "${okta.issuer}",`,
    'discovery.wrapped',
    'fail',
    /Enter only the URL.*without the rest of the line/,
  ],
  [
    'kept the JSON quotes around the JWKS URI',
    'keycloak',
    'jwksUri',
    `"${kc.jwks_uri}"`,
    'discovery.wrapped',
    'fail',
    /without the quotes/,
  ],
  ['kept the quotes around the scope', 'okta', 'scope', '"photos:read"', 'discovery.wrapped', 'fail', /Enter only "photos:read"/],
  [
    'kept word-processor quotes around the scope',
    'practice',
    'scope',
    '“api:write”',
    'discovery.wrapped',
    'fail',
    /Enter only "api:write"/,
  ],
  [
    'copied scope= from an authorization URL',
    'keycloak',
    'scope',
    'scope=photos:read',
    'discovery.wrapped',
    'fail',
    /Enter only "photos:read"/,
  ],
  // JSON pasted instead of a URL
  [
    'pasted the key set instead of its URL',
    'okta',
    'jwksUri',
    '{"keys":[{"kty":"RSA","alg":"RS256","kid":"x1","use":"sig","e":"AQAB","n":"sXch"}]}',
    'discovery.document_pasted',
    'fail',
    /address the key set is served at.*\/v1\/keys/,
  ],
  [
    'pasted one key of the set',
    'auth0',
    'jwksUri',
    '{"kty":"RSA","use":"sig","n":"0vx7","e":"AQAB","kid":"abc"}',
    'discovery.document_pasted',
    'fail',
    /jwks\.json/,
  ],
  [
    'pasted the whole metadata into the issuer',
    'generic',
    'issuer',
    '{"issuer":"https://server.example.com","authorization_endpoint":"https://server.example.com/authorize"}',
    'discovery.document_pasted',
    'fail',
    /only the value of its "issuer" field/,
  ],
  // Another field's value
  [
    'entered the issuer as the authorization endpoint',
    'okta',
    'authorizationEndpoint',
    okta.issuer,
    'discovery.wrong_field',
    'fail',
    /"authorization_endpoint" here.*\/v1\/authorize/,
  ],
  [
    'entered the issuer where the JWKS URI goes',
    'keycloak',
    'jwksUri',
    kc.issuer,
    'discovery.wrong_field',
    'fail',
    /protocol\/openid-connect\/certs/,
  ],
  [
    'entered the authorization endpoint as the issuer',
    'auth0',
    'issuer',
    auth0.authorization_endpoint,
    'discovery.wrong_field',
    'fail',
    /"issuer" here.*auth0\.com\/"/,
  ],
  [
    'entered the token endpoint as the scope',
    'practice',
    'scope',
    practice.token_endpoint,
    'discovery.wrong_field',
    'fail',
    /a name such as api:read/,
  ],
  // Other endpoints of the same document
  [
    'took userinfo for the token endpoint',
    'keycloak',
    'tokenEndpoint',
    kc.userinfo_endpoint as string,
    'discovery.other_endpoint',
    'fail',
    /"token_endpoint".*openid-connect\/token"/,
  ],
  [
    'took introspection for the token endpoint',
    'okta',
    'tokenEndpoint',
    okta.introspection_endpoint as string,
    'discovery.other_endpoint',
    'fail',
    /\/v1\/token"/,
  ],
  [
    'took revocation for the token endpoint',
    'auth0',
    'tokenEndpoint',
    auth0.revocation_endpoint as string,
    'discovery.other_endpoint',
    'fail',
    /oauth\/token"/,
  ],
  [
    'took the device endpoint for the authorization endpoint',
    'okta',
    'authorizationEndpoint',
    okta.device_authorization_endpoint as string,
    'discovery.other_endpoint',
    'fail',
    /\/v1\/authorize"/,
  ],
  // The metadata document's own address
  [
    'entered the metadata URL as the issuer',
    'okta',
    'issuer',
    `${okta.issuer}/.well-known/oauth-authorization-server`,
    'discovery.metadata_url',
    'fail',
    /"issuer" value.*oauth2\/default"/,
  ],
  [
    'appended openid-configuration to the issuer',
    'practice',
    'issuer',
    `${practice.issuer}/.well-known/openid-configuration`,
    'discovery.metadata_url',
    'fail',
    /\/oauth2\/default"/,
  ],
  [
    'entered the OpenID Configuration link as the JWKS URI',
    'auth0',
    'jwksUri',
    `${AUTH0_TENANT}/.well-known/openid-configuration`,
    'discovery.metadata_url',
    'fail',
    /Open it and copy its "jwks_uri"/,
  ],
  // Okta's org server and custom servers
  [
    'used the org server’s authorize endpoint',
    'okta',
    'authorizationEndpoint',
    `${OKTA}/oauth2/v1/authorize`,
    'discovery.okta_org_server',
    'fail',
    /custom authorization server.*\/oauth2\/default\/v1\/authorize.*custom scopes/,
  ],
  ['used the org server as the issuer', 'okta', 'issuer', OKTA, 'discovery.okta_org_server', 'fail', /oauth2\/default"/],
  [
    'used the org server’s keys on the practice server',
    'practice',
    'jwksUri',
    'https://lab.example.edu/oauth2/v1/keys',
    'discovery.okta_org_server',
    'fail',
    /practice server has one authorization server/,
  ],
  [
    'entered the custom server’s token endpoint against the org server’s metadata',
    'org',
    'tokenEndpoint',
    `${OKTA}/oauth2/default/v1/token`,
    'discovery.okta_org_server',
    'fail',
    /choose the custom authorization server/,
  ],
  [
    'copied another custom server’s endpoint',
    'okta',
    'tokenEndpoint',
    `${OKTA}/oauth2/aus8x9k2lmNOPq4r5d7/v1/token`,
    'discovery.other_server',
    'fail',
    /one metadata document.*\/oauth2\/default\/v1\/token/,
  ],
  [
    'copied the master realm’s endpoint',
    'keycloak',
    'authorizationEndpoint',
    'https://sso.example.org/realms/master/protocol/openid-connect/auth',
    'discovery.other_server',
    'fail',
    /realms\/photos\/protocol\/openid-connect\/auth/,
  ],
  // Slashes and schemes
  [
    'added a trailing slash to the issuer',
    'okta',
    'issuer',
    `${okta.issuer}/`,
    'discovery.trailing_slash',
    'fail',
    /without the last slash/,
  ],
  ['left off Auth0’s trailing slash', 'auth0', 'issuer', AUTH0_TENANT, 'discovery.trailing_slash', 'fail', /slash included/],
  [
    'added a slash to the authorization endpoint',
    'keycloak',
    'authorizationEndpoint',
    `${kc.authorization_endpoint}/`,
    'discovery.trailing_slash',
    'fail',
    /openid-connect\/auth" exactly/,
  ],
  [
    'typed http:// for the token endpoint',
    'okta',
    'tokenEndpoint',
    okta.token_endpoint.replace('https:', 'http:'),
    'discovery.wrong_scheme',
    'fail',
    /Enter "https:\/\/dev-123456.*only reached over https/,
  ],
  // Another host
  [
    'copied a colleague’s tenant',
    'okta',
    'tokenEndpoint',
    'https://dev-987654.okta.com/oauth2/default/v1/token',
    'discovery.other_host',
    'fail',
    /your own server's metadata.*dev-123456/,
  ],
  [
    'copied from the Admin Console’s address',
    'okta',
    'authorizationEndpoint',
    'https://dev-123456-admin.okta.com/oauth2/default/v1/authorize',
    'discovery.other_host',
    'fail',
    /dev-123456\.okta\.com\/oauth2\/default\/v1\/authorize/,
  ],
  [
    'copied Auth0’s docs example tenant',
    'auth0',
    'authorizationEndpoint',
    'https://dev-example.us.auth0.com/authorize',
    'discovery.other_host',
    'fail',
    /OAuth Authorization URL/,
  ],
  // Near misses
  [
    'a trailing %20 from a chat',
    'okta',
    'tokenEndpoint',
    `${okta.token_endpoint}%20`,
    'discovery.near_miss',
    'fail',
    /exactly as the metadata has it/,
  ],
  [
    'a zero-width space from a PDF',
    'practice',
    'issuer',
    `${practice.issuer}\u200B`,
    'discovery.near_miss',
    'fail',
    /not through a chat, a PDF/,
  ],
  [
    'a typo in the path',
    'okta',
    'authorizationEndpoint',
    okta.authorization_endpoint.replace('authorize', 'authorise'),
    'discovery.near_miss',
    'fail',
    /\/v1\/authorize"/,
  ],
  [
    'a selection that stopped early',
    'keycloak',
    'tokenEndpoint',
    kc.token_endpoint.slice(0, -3),
    'discovery.near_miss',
    'fail',
    /openid-connect\/token"/,
  ],
  ['the scope in the wrong case', 'okta', 'scope', 'Photos:Read', 'discovery.near_miss', 'fail', /case included.*"photos:read"/],
  ['a typo in the scope', 'practice', 'scope', 'api:raed', 'discovery.near_miss', 'fail', /enter "api:read"/],
  // Requests and guesses
  [
    'pasted a whole authorization request',
    'okta',
    'authorizationEndpoint',
    `${okta.authorization_endpoint}?client_id=0oa1b2c3&response_type=code&scope=openid`,
    'discovery.query_included',
    'fail',
    /up to the “\?”/,
  ],
  ['guessed Okta’s paths on Auth0', 'auth0', 'tokenEndpoint', `${AUTH0_TENANT}/v1/token`, 'discovery.mismatch', 'fail', /oauth\/token"/],
  [
    'followed a pre-17 Keycloak guide',
    'keycloak',
    'tokenEndpoint',
    'https://sso.example.org/auth/realms/photos/protocol/openid-connect/token',
    'discovery.mismatch',
    'fail',
    /realms\/photos\/protocol\/openid-connect\/token"/,
  ],
  // Scopes
  ['picked openid, the first scope listed', 'okta', 'scope', 'openid', 'discovery.scope_standard', 'fail', /"photos:read"/],
  ['picked offline_access', 'practice', 'scope', 'offline_access', 'discovery.scope_standard', 'fail', /"api:read", "api:write"/],
  ['picked profile', 'keycloak', 'scope', 'profile', 'discovery.scope_standard', 'fail', /"photos:read"/],
  ['picked Okta’s device_sso', 'okta', 'scope', 'device_sso', 'discovery.scope_standard', 'fail', /"photos:read"/],
  [
    'picked a claim Auth0 lists as a scope',
    'auth0',
    'scope',
    'email_verified',
    'discovery.scope_standard',
    'fail',
    /Applications → APIs → your API → Permissions/,
  ],
  ['picked Keycloak’s roles', 'keycloak', 'scope', 'roles', 'discovery.scope_standard', 'fail', /"photos:read"/],
  [
    'entered openid with the custom scope',
    'practice',
    'scope',
    'openid api:read',
    'discovery.scope_standard',
    'fail',
    /one custom scope only, such as "api:read"/,
  ],
  [
    'entered a scope not marked public on Okta',
    'okta',
    'scope',
    'photos:write',
    'discovery.scope_not_published',
    'fail',
    /Include in public metadata/,
  ],
  [
    'entered a scope the practice server does not have',
    'practice',
    'scope',
    'api:delete',
    'discovery.scope_not_published',
    'fail',
    /"api:read", "api:write"/,
  ],
  [
    'entered a scope not defined in the realm',
    'keycloak',
    'scope',
    'photos:write',
    'discovery.scope_not_published',
    'fail',
    /Client scopes → Create client scope/,
  ],
  [
    'asked the org server for a custom scope',
    'org',
    'scope',
    'photos:read',
    'discovery.scope_not_published',
    'fail',
    /choose a custom authorization server/,
  ],
  [
    'entered both practice scopes, comma-separated',
    'practice',
    'scope',
    'api:read, api:write',
    'discovery.scope_several',
    'warn',
    /Enter just one, such as "api:read"/,
  ],
  [
    'entered the Auth0 API identifier as the scope',
    'auth0',
    'scope',
    'https://photos.example.com/api',
    'discovery.scope_audience',
    'warn',
    /Permissions.*audience parameter/,
  ],
  [
    'an Auth0 permission (cannot be checked)',
    'auth0',
    'scope',
    'read:photos',
    'discovery.scope_unverifiable',
    'info',
    /Applications → APIs → your API → Permissions/,
  ],
];

describe('discovery: a corpus of learners’ mistakes', () => {
  it('holds at least 30 of them', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('%s (%s, %s)', (_name, server, field, entered, code, status, hint) => {
    const ctx = CONTEXTS[server]!();
    const report = checkDiscovery(answersFor(ctx, SCOPE[server]!, { [field]: entered }), ctx);
    const result = report.results.find((r) => r.check === CHECK[field])!;
    expect(`${result.status}:${result.code}`).toBe(`${status}:${code}`);
    // The field's mistake is the only one: the other fields hold the right answers (the org
    // server has no custom scope to give).
    const others = report.results.filter((r) => r !== result && r.status === 'fail' && !(server === 'org' && r.check === 'scope'));
    expect(others).toEqual([]);
    if (server !== 'org') expect(report.status).toBe(status === 'fail' ? 'fail' : 'pass');
    // The message quotes what was entered (its start: a long paste is cut), or says it is empty.
    if (entered.trim()) expect(result.message).toContain(quote(entered.trim(), 200).slice(0, 30));
    else expect(result.message).toMatch(/is empty/);
    expect(result.hint).toMatch(hint);
  });
});
