import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, PATCH } from '@/app/api/practice/app/route';
import { useTempDatabase } from './support/db';
import { apiRequest, learnerCookie } from './support/requests';

describe('/api/practice/app', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  it('gives a visitor without a session a new one, with their own app', async () => {
    const response = await GET(apiRequest('/api/practice/app'));
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^oauthlab_sid=[^;]+; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    expect((await response.json()).name).toBe('My Web App');
  });

  it('creates "My Web App" on first GET with Authorization Code only, and returns the same app after', async () => {
    const { cookie } = learnerCookie();
    const first = await (await GET(apiRequest('/api/practice/app', { cookie }))).json();
    expect(first).toMatchObject({
      name: 'My Web App',
      applicationType: 'web',
      grantTypes: ['authorization_code'],
      refreshTokenRotation: 'persistent',
      requirePkce: false,
      issuer: 'http://localhost:3999/oauth2/default',
      redirectUris: ['http://localhost:3999/redirect', 'https://example-app.com/redirect'],
    });
    expect(first.clientId).toMatch(/^0oa[A-Za-z0-9]{17}$/);
    expect(first.clientSecret.length).toBeGreaterThanOrEqual(40);
    const second = await (await GET(apiRequest('/api/practice/app', { cookie }))).json();
    expect(second.clientId).toBe(first.clientId);
  });

  it('keeps each learner to their own app', async () => {
    const a = await (await GET(apiRequest('/api/practice/app', { cookie: learnerCookie().cookie }))).json();
    const b = await (await GET(apiRequest('/api/practice/app', { cookie: learnerCookie().cookie }))).json();
    expect(a.clientId).not.toBe(b.clientId);
  });

  it('applies a valid edit', async () => {
    const { cookie } = learnerCookie();
    const response = await PATCH(
      apiRequest('/api/practice/app', {
        method: 'PATCH',
        cookie,
        json: { grantTypes: ['authorization_code', 'refresh_token'], refreshTokenRotation: 'rotate' },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ grantTypes: ['authorization_code', 'refresh_token'], refreshTokenRotation: 'rotate' });
    const after = await (await GET(apiRequest('/api/practice/app', { cookie }))).json();
    expect(after.grantTypes).toEqual(['authorization_code', 'refresh_token']);
  });

  it('turns "Require PKCE as additional verification" on and off, leaving the other settings', async () => {
    const { cookie } = learnerCookie();
    const before = await (await GET(apiRequest('/api/practice/app', { cookie }))).json();
    const on = await PATCH(apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { requirePkce: true } }));
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ ...before, requirePkce: true });
    expect((await (await GET(apiRequest('/api/practice/app', { cookie }))).json()).requirePkce).toBe(true);
    const off = await PATCH(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { requirePkce: false, grantTypes: ['authorization_code'] } }),
    );
    expect((await off.json()).requirePkce).toBe(false);
  });

  it.each([
    ['a requirePkce that is not a boolean', { requirePkce: 'yes' }, 'requirePkce'],
    ['a requirePkce of null', { requirePkce: null }, 'requirePkce'],
    ['an unknown grant type', { grantTypes: ['password'] }, 'grantTypes'],
    ['a relative redirect URI', { redirectUris: ['/redirect'] }, 'redirectUris'],
    ['a redirect URI with a fragment', { redirectUris: ['https://example-app.com/cb#x'] }, 'redirectUris'],
    ['no redirect URI at all', { redirectUris: [] }, 'redirectUris'],
    ['an unknown rotation mode', { refreshTokenRotation: 'sometimes' }, 'refreshTokenRotation'],
    ['an unknown field', { clientSecret: 'mine' }, ''],
    ['an empty edit', {}, ''],
  ])('answers 400 for %s', async (_name, json, field) => {
    const { cookie } = learnerCookie();
    const response = await PATCH(apiRequest('/api/practice/app', { method: 'PATCH', cookie, json }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(field);
  });

  it('answers 400 for malformed JSON and 413 for an oversized body', async () => {
    const { cookie } = learnerCookie();
    const bad = await PATCH(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, body: '{"grantTypes":', headers: { 'content-type': 'application/json' } }),
    );
    expect(bad.status).toBe(400);
    const huge = await PATCH(
      apiRequest('/api/practice/app', { method: 'PATCH', cookie, json: { redirectUris: ['https://a.example/' + 'x'.repeat(70_000)] } }),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });
});
