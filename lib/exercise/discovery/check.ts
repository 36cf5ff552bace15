/**
 * The `discovery` check kind (Getting Started's main step): the learner opened their server's
 * metadata document and entered its issuer, authorization endpoint, token endpoint, JWKS URI
 * and one custom scope. Each is compared with the metadata; every problem is reported at once,
 * one result per field. Pure: the metadata is passed in.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
import { makeReport } from '../report';
import { checkScopeField } from './scope';
import { URL_FIELD_ORDER, type DiscoveryAnswers, type DiscoveryContext, type DiscoveryReport } from './types';
import { checkUrlField } from './urls';

export type { DiscoveryAnswers, DiscoveryContext, DiscoveryMetadata, DiscoveryReport } from './types';

/** Compares what the learner entered with the server's metadata. Never throws for what was entered. */
export function checkDiscovery(answers: DiscoveryAnswers, ctx: DiscoveryContext): DiscoveryReport {
  const results = URL_FIELD_ORDER.map((field) => checkUrlField(field, answers, ctx));
  const scope = checkScopeField(answers.scope, ctx);
  results.push(scope.result);
  const report: DiscoveryReport = makeReport('discovery', results);
  if (report.status === 'pass' && scope.scope !== null) {
    const { metadata } = ctx;
    report.values = {
      issuer: metadata.issuer,
      authorizationEndpoint: metadata.authorization_endpoint,
      tokenEndpoint: metadata.token_endpoint,
      jwksUri: metadata.jwks_uri,
      scope: scope.scope,
    };
  }
  return report;
}
