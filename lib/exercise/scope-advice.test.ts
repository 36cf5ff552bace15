import { describe, expect, it } from 'vitest';
import { adviseScope } from './scope-advice';

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
