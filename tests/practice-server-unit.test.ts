import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeApp } from '@/lib/db/practice-clients';
import { claimsForScopes, loginForAccountId, userIdFor } from '@/lib/practice-server/account';
import { createAdapterClass, hashId } from '@/lib/practice-server/adapter';
import { responseTypesFor, toClientMetadata } from '@/lib/practice-server/client-metadata';
import { checkDemoCredentials } from '@/lib/practice-server/credentials';
import { OKTA_MESSAGES, toOktaTokenError, withErrorDescription } from '@/lib/practice-server/errors';
import { getOrCreateSigningKey, getPracticePublicJwks } from '@/lib/practice-server/keys';
import { addConsentPromptForOfflineAccess } from '@/lib/practice-server/shims';
import { escapeHtml, renderSignInPage } from '@/lib/practice-server/views';
import { useTempDatabase } from './support/db';

const app: PracticeApp = {
  clientId: '0oaabcdefghijklmnopq',
  clientSecret: 'secret-secret-secret',
  learnerId: 'learner-1',
  type: 'web',
  redirectUris: ['http://localhost:3000/redirect', 'https://example-app.com/redirect'],
  postLogoutRedirectUris: ['http://localhost:3000/'],
  grantTypes: ['authorization_code'],
  refreshTokenRotation: 'persistent',
  requirePkce: false,
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
};

describe('toClientMetadata', () => {
  it('maps a practice app to a confidential web client', () => {
    expect(toClientMetadata({ ...app, grantTypes: ['authorization_code', 'refresh_token'], refreshTokenRotation: 'rotate' })).toEqual({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      client_name: 'My Web App',
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: app.redirectUris,
      post_logout_redirect_uris: app.postLogoutRedirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      refresh_token_rotation: 'rotate',
      require_pkce: false,
    });
  });

  it.each([
    [['authorization_code'], ['code']],
    [['authorization_code', 'refresh_token'], ['code']],
    [
      ['authorization_code', 'implicit'],
      ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'],
    ],
    [['implicit'], ['id_token', 'id_token token']],
    [['client_credentials'], []],
    [['client_credentials', 'refresh_token'], []],
  ])('response types for %j are %j', (grants, expected) => {
    expect(responseTypesFor(grants)).toEqual(expected);
  });
});

describe('toOktaTokenError', () => {
  it.each([
    [{ error: 'invalid_grant', error_detail: 'authorization code not found' }, 'authorization_code', OKTA_MESSAGES.invalidCode],
    [{ error: 'invalid_grant', error_detail: 'authorization code already consumed' }, 'authorization_code', OKTA_MESSAGES.invalidCode],
    [{ error: 'invalid_grant', error_detail: 'authorization code is expired' }, 'authorization_code', OKTA_MESSAGES.invalidCode],
    [{ error: 'invalid_grant', error_detail: 'client mismatch' }, 'authorization_code', OKTA_MESSAGES.invalidCode],
    [
      { error: 'invalid_grant', error_detail: 'code_verifier does not match code_challenge' },
      'authorization_code',
      OKTA_MESSAGES.pkceFailed,
    ],
    [{ error: 'invalid_grant', error_detail: 'code_verifier must be provided' }, 'authorization_code', OKTA_MESSAGES.pkceFailed],
    [
      { error: 'invalid_grant', error_detail: 'authorization code redirect_uri mismatch' },
      'authorization_code',
      OKTA_MESSAGES.redirectUriMismatch,
    ],
    [{ error: 'invalid_grant', error_detail: 'refresh token not found' }, 'refresh_token', OKTA_MESSAGES.invalidRefreshToken],
    [{ error: 'invalid_grant', error_detail: 'refresh token already used' }, 'refresh_token', OKTA_MESSAGES.invalidRefreshToken],
    [{ error: 'invalid_grant', error_detail: 'grant not found' }, 'refresh_token', OKTA_MESSAGES.invalidRefreshToken],
  ])('%j (%s) → invalid_grant with Okta wording', (err, grantType, description) => {
    expect(toOktaTokenError({ error_description: 'grant request is invalid', ...err }, { grantType })).toEqual({
      error: 'invalid_grant',
      error_description: description,
    });
  });

  it('maps a grant type the client lacks to unauthorized_client, listing the configured grants', () => {
    const err = { error: 'invalid_request', error_description: 'requested grant type is not allowed for this client' };
    expect(toOktaTokenError(err, { grantType: 'refresh_token', configuredGrantTypes: ['authorization_code'] })).toEqual({
      error: 'unauthorized_client',
      error_description: 'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
    });
  });

  it('maps client authentication failures and unsupported grant types', () => {
    expect(toOktaTokenError({ error: 'invalid_client', error_description: 'client authentication failed' })).toEqual({
      error: 'invalid_client',
      error_description: OKTA_MESSAGES.invalidClient,
    });
    expect(toOktaTokenError({ error: 'unsupported_grant_type', error_description: 'x' }).error).toBe('unsupported_grant_type');
  });

  it('passes other errors through unchanged', () => {
    const err = { error: 'invalid_request', error_description: "missing required parameter 'code'" };
    expect(toOktaTokenError(err)).toEqual(err);
    expect(
      toOktaTokenError({ error: 'invalid_grant', error_description: 'grant request is invalid', error_detail: 'something new' }),
    ).toEqual({
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    });
  });
});

describe('addConsentPromptForOfflineAccess', () => {
  const base = '/oauth2/default/v1/authorize?response_type=code&client_id=c';
  it.each([
    [`${base}&scope=offline_access+api%3Aread`, 'consent'],
    [`${base}&scope=offline_access&prompt=login`, 'login consent'],
    [`${base}&scope=offline_access&prompt=consent`, 'consent'],
    [`${base}&scope=offline_access&prompt=none`, 'none'],
    [`${base}&scope=api%3Aread`, null],
  ])('%s → prompt %s', (url, prompt) => {
    const result = new URL(addConsentPromptForOfflineAccess(url), 'http://x');
    expect(result.pathname).toBe('/oauth2/default/v1/authorize');
    expect(result.searchParams.get('prompt')).toBe(prompt);
  });
  it('leaves duplicated prompts for the provider to reject', () => {
    const url = `${base}&scope=offline_access&prompt=login&prompt=login`;
    expect(addConsentPromptForOfflineAccess(url)).toBe(url);
  });
});

describe('withErrorDescription', () => {
  it('replaces the description of a challenge, keeping its other parameters', () => {
    expect(withErrorDescription('Basic realm="x", error="invalid_client", error_description="client authentication failed"', 'Nope.')).toBe(
      'Basic realm="x", error="invalid_client", error_description="Nope."',
    );
  });

  it('handles quoted-pair escapes on both sides, and adds a missing description', () => {
    expect(withErrorDescription('Bearer error_description="say \\"hi\\"", error="x"', 'a "b" \\ c')).toBe(
      'Bearer error_description="a \\"b\\" \\\\ c", error="x"',
    );
    expect(withErrorDescription('Bearer realm="x"', 'Why.')).toBe('Bearer realm="x", error_description="Why."');
  });
});

describe('the practice user', () => {
  it('has a stable Okta-style id, whatever the case of the login', () => {
    expect(userIdFor('learner@example.com')).toMatch(/^00u[0-9a-f]{17}$/);
    expect(userIdFor('Learner@Example.com')).toBe(userIdFor('learner@example.com'));
    expect(userIdFor('someone@example.com')).not.toBe(userIdFor('learner@example.com'));
  });

  it('is found by its id, or by the login that older grants stored, and no one else is', () => {
    const demo = 'learner@example.com';
    expect(loginForAccountId(userIdFor(demo), demo)).toBe(demo);
    expect(loginForAccountId('Learner@example.com', demo)).toBe(demo);
    expect(loginForAccountId(userIdFor('former@example.com'), demo)).toBeUndefined();
    expect(loginForAccountId('former@example.com', demo)).toBeUndefined();
  });

  it('releases claims per scope, and never the ID-token-only ones', () => {
    const login = 'learner@example.com';
    expect(claimsForScopes(login, ['api:read'])).toEqual({});
    expect(claimsForScopes(login, ['openid'])).toEqual({ sub: userIdFor(login) });
    expect(claimsForScopes(login, ['openid', 'email'])).toEqual({ sub: userIdFor(login), email: login, email_verified: true });
    const profile = claimsForScopes(login, ['openid', 'profile']);
    expect(profile).toMatchObject({ sub: userIdFor(login), name: 'Practice Learner', preferred_username: login });
    for (const claim of ['ver', 'jti', 'amr', 'idp', 'auth_time', 'email']) expect(profile).not.toHaveProperty(claim);
  });
});

describe('checkDemoCredentials', () => {
  const demo = { user: 'learner@example.com', password: 'correct-horse-battery' };
  it.each([
    [{ username: 'learner@example.com', password: 'correct-horse-battery' }, true],
    [{ username: ' Learner@Example.com ', password: 'correct-horse-battery' }, true],
    [{ username: 'learner@example.com', password: 'Correct-horse-battery' }, false],
    [{ username: 'other@example.com', password: 'correct-horse-battery' }, false],
    [{ username: '', password: '' }, false],
  ])('%j → %s', (input, expected) => {
    expect(checkDemoCredentials(input, demo)).toBe(expected);
  });
});

describe('views', () => {
  it('escapes everything interpolated into the sign-in page', () => {
    const html = renderSignInPage({
      action: '/x?a="b"',
      appName: '<img src=x onerror=alert(1)>',
      scopes: ['<script>'],
      demoUser: 'a&b',
      demoPassword: "'p'",
      username: '"><script>',
      error: '<b>bad</b>',
    });
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)>'));
    expect(html).toContain('role="alert"');
  });
});

describe('Kysely adapter and signing key (real SQLite)', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let nowMs = Date.UTC(2026, 10, 25, 12);
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  const Adapter = () => createAdapterClass(temp.db, { findClient: async () => undefined, now: () => nowMs });

  it('stores the SHA-256 of the id and a payload without the raw id; find re-attaches it', async () => {
    const adapter = new (Adapter())('RefreshToken');
    const id = 'raw-refresh-token-value-0123456789abcdef';
    await adapter.upsert(id, { jti: id, kind: 'RefreshToken', grantId: 'g1', accountId: 'learner@example.com' }, 3600);
    const row = await temp.db.selectFrom('oidc_payloads').selectAll().where('model', '=', 'RefreshToken').executeTakeFirstOrThrow();
    expect(row.id).toBe(hashId(id));
    expect(row.id).not.toContain(id);
    expect(row.payload).not.toContain(id);
    expect(row.grant_id).toBe('g1');
    expect(await adapter.find(id)).toEqual({ kind: 'RefreshToken', grantId: 'g1', accountId: 'learner@example.com', jti: id });
    expect(await adapter.find(hashId(id))).toBeUndefined();
  });

  it('consumes, expires, destroys and revokes by grant', async () => {
    const adapter = new (Adapter())('AuthorizationCode');
    await adapter.upsert('code-1', { jti: 'code-1', grantId: 'g2' }, 300);
    await adapter.upsert('code-2', { jti: 'code-2', grantId: 'g2' }, 300);
    await adapter.upsert('code-3', { jti: 'code-3', grantId: 'g3' }, 10);
    await adapter.consume('code-1');
    expect(await adapter.find('code-1')).toMatchObject({ consumed: expect.any(Number) });
    nowMs += 11_000;
    expect(await adapter.find('code-3')).toBeUndefined();
    await adapter.revokeByGrantId('g2');
    expect(await adapter.find('code-1')).toBeUndefined();
    expect(await adapter.find('code-2')).toBeUndefined();
    await adapter.upsert('code-4', { jti: 'code-4' }, 300);
    await adapter.destroy('code-4');
    expect(await adapter.find('code-4')).toBeUndefined();
  });

  it('finds sessions by uid and leaves the session cookie out of stored interactions', async () => {
    const sessions = new (Adapter())('Session');
    await sessions.upsert('session-cookie-value', { jti: 'session-cookie-value', uid: 'uid-1', accountId: 'a' }, 3600);
    expect(await sessions.findByUid('uid-1')).toEqual({ uid: 'uid-1', accountId: 'a' });
    const interactions = new (Adapter())('Interaction');
    await interactions.upsert(
      'interaction-id',
      { jti: 'interaction-id', session: { accountId: 'a', uid: 'uid-1', cookie: 'session-cookie-value' } },
      600,
    );
    const rows = await temp.db.selectFrom('oidc_payloads').select('payload').execute();
    expect(rows.map((row) => row.payload).join()).not.toMatch(/session-cookie-value|interaction-id/);
    expect(await interactions.find('interaction-id')).toEqual({ jti: 'interaction-id', session: { accountId: 'a', uid: 'uid-1' } });
  });

  it('generates the RS256 signing key once and publishes only its public part', async () => {
    const key = await getOrCreateSigningKey(temp.db);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    expect((await getOrCreateSigningKey(temp.db)).kid).toBe(key.kid);
    const { keys } = await getPracticePublicJwks(temp.db);
    expect(keys).toEqual([{ kty: 'RSA', n: key.n, e: key.e, kid: key.kid, alg: 'RS256', use: 'sig' }]);
  });
});
