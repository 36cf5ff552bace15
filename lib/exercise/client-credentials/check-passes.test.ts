/** The client credentials check: correct responses from each kind of server pass (the mistakes are in check.test.ts). */
import { describe, expect, it } from 'vitest';

import { checkClientCredentialsResponse, type ClientCredentialsContext } from './check';
import {
  AUTH0_CLIENT,
  AUTH0_ISSUER,
  auth0Token,
  ccCtx,
  ccRespond,
  GENERIC_CLIENT,
  GENERIC_ISSUER,
  genericToken,
  KEYCLOAK_CLIENT,
  KEYCLOAK_ISSUER,
  keycloakToken,
  SERVICE_ID,
  signed,
  TOKEN_ENDPOINT,
} from './test-support';
import { codes, prepareKeys } from '../token/test-support';

prepareKeys();

const run = async (paste: string | Promise<string>, o: Partial<ClientCredentialsContext> = {}) =>
  checkClientCredentialsResponse(await paste, ccCtx(o));

const COMMAND = `$ curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}`;
const withCommand = async (body: string | Promise<string>, command = COMMAND) => `${command}\n${await body}`;

const OKTA_ISSUER = 'https://dev-123456.okta.com/oauth2/default';
const oktaToken = (claims: Record<string, unknown> = {}) =>
  signed({
    ver: 1,
    jti: 'AT.okta-cc-1',
    iss: OKTA_ISSUER,
    aud: 'api://default',
    cid: SERVICE_ID,
    scp: ['api:read'],
    sub: SERVICE_ID,
    ...claims,
  });

describe('correct client credentials responses pass', () => {
  const cases: [string, () => Promise<string>, Partial<ClientCredentialsContext>][] = [
    ['the practice server', () => ccRespond(), {}],
    ['the practice server, with the command and prompt around it', () => withCommand(ccRespond()), {}],
    [
      'the practice server, with curl -i headers (a warning only)',
      async () => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${await ccRespond()}`,
      {},
    ],
    ['the practice server, recorded as a client credentials token', () => ccRespond(), { lookupOrigin: async () => 'client_credentials' }],
    ['Okta', () => ccRespond({}, oktaToken()), { issuer: OKTA_ISSUER, practice: false, kind: 'okta' }],
    [
      'Auth0 (sub <client>@clients, gty, scope)',
      () => ccRespond({ scope: 'read:photos', expires_in: 86400 }, auth0Token()),
      { issuer: AUTH0_ISSUER, clientId: AUTH0_CLIENT, audience: 'https://api.example.com', practice: false, kind: 'auth0' },
    ],
    [
      'Keycloak (a service account as sub)',
      () => ccRespond({ scope: 'api:read profile email', expires_in: 300, refresh_expires_in: 0, 'not-before-policy': 0 }, keycloakToken()),
      { issuer: KEYCLOAK_ISSUER, clientId: KEYCLOAK_CLIENT, audience: undefined, practice: false, kind: 'keycloak' },
    ],
    [
      'a generic RFC 9068 server',
      () => ccRespond({ scope: 'photos.read' }, genericToken()),
      { issuer: GENERIC_ISSUER, clientId: GENERIC_CLIENT, audience: 'https://rs.example.org', practice: false },
    ],
    [
      'a generic server whose token names no client claim',
      () => ccRespond({ scope: 'photos.read' }, genericToken({ client_id: undefined })),
      { issuer: GENERIC_ISSUER, clientId: GENERIC_CLIENT, audience: undefined, practice: false },
    ],
  ];
  it.each(cases)('%s', async (_name, paste, o) => {
    const report = await run(paste(), o);
    expect(report.step).toBe('client-credentials-response');
    expect(report.status, JSON.stringify(report.results, null, 1)).toBe('pass');
    expect(report.results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(report.results.some((r) => r.check === 'subject' && r.status === 'pass')).toBe(true);
    expect(report.results.some((r) => r.check === 'scope' && r.status === 'pass')).toBe(true);
  });

  it('says nothing about the secret when the command reads it from variables or a file', async () => {
    for (const command of [
      COMMAND,
      `PS C:\\> curl.exe -u "\${clientId}:\${secret}" -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}`,
      `$ curl --config service.curlrc -d grant_type=client_credentials -d scope=api:read ${TOKEN_ENDPOINT}`,
      `$ curl -d grant_type=client_credentials -d client_id=${SERVICE_ID} -d "client_secret=$CLIENT_SECRET" -d scope=api:read ${TOKEN_ENDPOINT}`,
    ]) {
      const report = await run(withCommand(ccRespond(), command));
      expect(codes(report.results).filter((c) => c.includes('secret'))).toEqual([]);
    }
  });
});
