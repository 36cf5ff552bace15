import { describe, expect, it } from 'vitest';
import { adviseScope, groupScopes } from './scope-advice';

describe('adviseScope (issue 11: {YOUR_SCOPE} means an API scope, fitted to the server)', () => {
  it('suggests a custom scope before the OpenID Connect ones', () => {
    expect(adviseScope(['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write']).example).toBe('api:read');
  });
  it('falls back to openid when the server publishes only standard scopes', () => {
    expect(adviseScope(['openid', 'profile', 'email', 'offline_access']).example).toBe('openid');
  });
  it('makes nothing up for a server that publishes no scopes', () => {
    const advice = adviseScope(null);
    expect(advice.example).toBeNull();
    expect(advice.text).not.toContain('api:read');
    expect(adviseScope([]).example).toBeNull();
  });
});

describe("groupScopes (issue 20: the server's scopes, named on step 3 and in the console)", () => {
  it('puts the API scopes first and keeps the published order within each group', () => {
    expect(groupScopes(['openid', 'profile', 'api:read', 'offline_access', 'api:write'])).toEqual({
      api: ['api:read', 'api:write'],
      standard: ['openid', 'profile', 'offline_access'],
    });
  });
  it('drops repeats, and is null for a server that publishes no scopes', () => {
    expect(groupScopes(['openid', 'openid'])).toEqual({ api: [], standard: ['openid'] });
    expect(groupScopes(null)).toBeNull();
    expect(groupScopes([])).toBeNull();
  });
});
