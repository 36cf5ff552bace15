/** Raw requests to the practice server for its integration tests (exact statuses and bodies). */
import * as oauth from 'openid-client';
import type { PracticeApp, PracticeAppPatch } from '@/lib/db/practice-clients';
import type { PracticeServerHandle } from './practice-server';

export const WITH_REFRESH: PracticeAppPatch = { grantTypes: ['authorization_code', 'refresh_token'] };

export function basic(app: PracticeApp): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString('base64')}`;
}

/** A raw token request (for exact status and body assertions). */
export async function tokenRequest(
  server: PracticeServerHandle,
  app: PracticeApp,
  params: Record<string, string>,
  auth: 'basic' | 'post' = 'basic',
) {
  const body = new URLSearchParams(auth === 'post' ? { ...params, client_id: app.clientId, client_secret: app.clientSecret } : params);
  const response = await fetch(`${server.issuer}/v1/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(auth === 'basic' ? { authorization: basic(app) } : {}),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function codeTokens(
  server: PracticeServerHandle,
  app: PracticeApp,
  scope = 'offline_access api:read',
  auth: 'basic' | 'post' = 'basic',
) {
  const result = await server.signInForCode(app, { scope });
  const config = await server.clientConfig(app, auth);
  return oauth.authorizationCodeGrant(config, result.callbackUrl, { pkceCodeVerifier: result.verifier, expectedState: result.state });
}

export function authorizeUrl(
  server: PracticeServerHandle,
  app: Pick<PracticeApp, 'clientId' | 'redirectUris'>,
  params: Record<string, string>,
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    scope: 'offline_access api:read',
    redirect_uri: app.redirectUris[0]!,
    state: 'state-123456789',
    ...params,
  });
  return `${server.issuer}/v1/authorize?${query}`;
}
