/** The scopes a step requires come from its declaration (issue 21): the Web App's api:read, Refresh's offline_access. */
import { describe, expect, it } from 'vitest';
import { checkAuthorizeUrl } from './index';
import { build, OKTA, problems, withParams } from './test-support';

const WEB = { ...OKTA, requiredScopes: ['api:read'] };

describe('required scopes from the declaration', () => {
  it('passes a Web App URL without offline_access', () => {
    const report = checkAuthorizeUrl(build(withParams({ scope: 'api:read' })), WEB);
    expect(problems(report)).toEqual([]);
    expect(report.results.find((r) => r.check === 'scope')?.message).toBe('scope includes api:read.');
  });

  it('accepts offline_access beside it (a refresh token is not a mistake here)', () => {
    expect(problems(checkAuthorizeUrl(build(withParams({ scope: 'offline_access+api:read' })), WEB))).toEqual([]);
  });

  it('names the missing required scope and gives the whole scope value to use', () => {
    const report = checkAuthorizeUrl(build(withParams({ scope: 'openid+profile' })), WEB);
    expect(problems(report)).toEqual(['fail:scope.required_missing']);
    const result = report.results.find((r) => r.code === 'scope.required_missing')!;
    expect(result.message).toContain('"openid profile"');
    expect(result.hint).toContain('scope=openid+profile+api:read');
  });

  it('keeps the Refresh Tokens rules when nothing is declared', () => {
    expect(problems(checkAuthorizeUrl(build(withParams({ scope: 'api:read' })), OKTA))).toEqual(['fail:scope.offline_access_missing']);
  });
});
