/** Examples for the `discovery` check kind's codes (Getting Started: reading the metadata document). */
import { checkDiscovery, type DiscoveryAnswers, type DiscoveryContext } from '../../discovery/check';
import { answersFor, auth0Context, genericContext, oktaContext, practiceContext } from '../../discovery/fixtures';
import type { CodeSeverity } from '../code-info';
import type { CodeExample } from './types';

const OKTA = oktaContext();
const { issuer, authorization_endpoint: authorize, token_endpoint: token, jwks_uri: keys } = OKTA.metadata;

/** The right Okta answers with some fields replaced, checked against `ctx`. */
const discovery = (severity: CodeSeverity, changes: Partial<DiscoveryAnswers>, ctx: DiscoveryContext = OKTA): CodeExample => ({
  step: 'discovery',
  severity,
  run: () => checkDiscovery(answersFor(ctx, ctx === OKTA ? 'photos:read' : 'api:read', changes), ctx),
});

export const DISCOVERY_EXAMPLES: Record<string, CodeExample[]> = {
  'discovery.missing': [discovery('fail', { tokenEndpoint: '' })],
  'discovery.not_url': [discovery('fail', { issuer: 'dev-123456.okta.com/oauth2/default' })],
  'discovery.placeholder': [discovery('fail', { authorizationEndpoint: 'https://{yourOktaDomain}/oauth2/default/v1/authorize' })],
  'discovery.wrapped': [discovery('fail', { jwksUri: `"jwks_uri": "${keys}",` })],
  'discovery.document_pasted': [discovery('fail', { jwksUri: '{"keys":[{"kty":"RSA","kid":"k1","use":"sig","e":"AQAB","n":"sXch"}]}' })],
  'discovery.wrong_field': [discovery('fail', { authorizationEndpoint: issuer })],
  'discovery.other_endpoint': [discovery('fail', { tokenEndpoint: `${issuer}/v1/introspect` })],
  'discovery.metadata_url': [discovery('fail', { issuer: `${issuer}/.well-known/oauth-authorization-server` })],
  'discovery.query_included': [discovery('fail', { authorizationEndpoint: `${authorize}?client_id=0oa1b2c3&response_type=code` })],
  'discovery.okta_org_server': [discovery('fail', { authorizationEndpoint: 'https://dev-123456.okta.com/oauth2/v1/authorize' })],
  'discovery.trailing_slash': [discovery('fail', { issuer: `${issuer}/` })],
  'discovery.wrong_scheme': [discovery('fail', { tokenEndpoint: token.replace('https:', 'http:') })],
  'discovery.other_host': [discovery('fail', { tokenEndpoint: 'https://dev-987654.okta.com/oauth2/default/v1/token' })],
  'discovery.other_server': [discovery('fail', { tokenEndpoint: 'https://dev-123456.okta.com/oauth2/aus8x9k2lmNOPq4r5d7/v1/token' })],
  'discovery.near_miss': [discovery('fail', { tokenEndpoint: `${token}%20` })],
  'discovery.mismatch': [discovery('fail', { tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/oauth/token' })],
  'discovery.scope_standard': [discovery('fail', { scope: 'openid' })],
  'discovery.scope_not_published': [discovery('fail', { scope: 'photos:write' })],
  'discovery.scope_several': [discovery('warn', { scope: 'api:read api:write' }, practiceContext())],
  'discovery.scope_unverifiable': [
    discovery('info', { scope: 'read:photos' }, auth0Context()),
    discovery('info', { scope: 'photos.read' }, genericContext(null)),
  ],
  'discovery.scope_audience': [discovery('warn', { scope: 'https://photos.example.com/api' }, auth0Context())],
};
