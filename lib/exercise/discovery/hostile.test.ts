/**
 * The discovery check on hostile input: 64 KiB in every field, answered (never thrown) in
 * linear time, whatever the text repeats.
 */
import { describe, expect, it } from 'vitest';
import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { checkDiscovery } from './check';
import { auth0Context, keycloakContext, oktaContext, practiceContext } from './fixtures';

const KIB = 1024;
const fill = (unit: string, size = 64 * KIB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const okta = oktaContext().metadata;

const FAMILIES: [string, string][] = [
  ['letters', fill('a')],
  ['spaces', fill(' ')],
  ['slashes', `https://dev-123456.okta.com${fill('/')}x`],
  ['quotes', fill('"')],
  ['braces', fill('{')],
  ['angle brackets', fill('<a')],
  ['placeholders', fill('your_')],
  ['x runs', fill('-xxxxxxxx')],
  ['%20', `${okta.token_endpoint}${fill('%20')}`],
  ['zero-width spaces', fill('\u200B')],
  ['the issuer repeated', fill(okta.issuer)],
  ['the issuer with a long path', `${okta.issuer}/${fill('a/')}`],
  ['a long query', `${okta.authorization_endpoint}?${fill('a=b&')}`],
  ['well-known segments', fill('/.well-known/openid-configuration')],
  ['JSON lines', fill('"issuer": ')],
  ['a key set cut short', `{"keys":[${fill('{"kty":"RSA"},')}`],
  ['scope lists', fill('api:read ')],
  ['scope commas', fill('a,')],
  ['custom-server paths', `https://dev-123456.okta.com${fill('/oauth2/x')}/v1/authorize`],
  ['realms', `https://sso.example.org${fill('/realms/r')}`],
  ['admin hosts', `https://${fill('a-admin.')}okta.com/`],
  ['schemes', fill('a+')],
];

describe('checkDiscovery: hostile input of 64 KiB in each field', () => {
  it.each(FAMILIES)('%s', async (_name, text) => {
    for (const ctx of [oktaContext(), practiceContext(), auth0Context(), keycloakContext()]) {
      const answers = { issuer: text, authorizationEndpoint: text, tokenEndpoint: text, jwksUri: text, scope: text };
      let report: ReturnType<typeof checkDiscovery> | undefined;
      const ms = await fastestRun(() => (report = checkDiscovery(answers, ctx)));
      // Five fields of 64 KiB each: 100 ms for the report is 20 ms a field, under the 50 ms a
      // single 64 KiB paste has elsewhere (and the growth test below catches a quadratic path).
      expect(ms).toBeLessThan(100);
      expect(report!.results).toHaveLength(5);
      // Messages quote the paste, cut: never 64 KiB back.
      for (const result of report!.results) expect(result.message.length + (result.hint?.length ?? 0)).toBeLessThan(2000);
    }
  });

  // Four times the text, still inside the budget: what would be quadratic (trailing-slash
  // runs, divergence scans, scope lists) shows at this size.
  it('answers 256 KiB fields within the same budget', async () => {
    const slashes = `${okta.issuer}${fill('/', 256 * KIB)}x`;
    const answers = {
      issuer: slashes,
      authorizationEndpoint: slashes,
      tokenEndpoint: fill('a/', 256 * KIB),
      jwksUri: slashes,
      scope: fill('a ', 256 * KIB),
    };
    expect(await fastestRun(() => checkDiscovery(answers, oktaContext()))).toBeLessThan(100);
  });
});
