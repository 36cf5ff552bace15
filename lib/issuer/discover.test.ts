import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiagnosisCode } from '../exercise/report';
import { discoverIssuer, wellKnownUrls } from './discover';
import { clearKeyResolverCache, getKeyResolver } from './jwks';
import type { SafeFetch, SafeFetchResult } from './safe-fetch';
import { runCustomSetup } from '../progress/custom-setup';

type Route = { status?: number; type?: string; body: string | ((base: string) => string) };

let server: http.Server;
let base: string;
let routes: Record<string, Route> = {};
let requests: string[] = [];
let signingJwk: JWK;

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('RS256');
  signingJwk = { ...(await exportJWK(publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Not Found</title>');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/json' });
    res.end(typeof route.body === 'function' ? route.body(base) : route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  routes = {};
  requests = [];
});

/** Metadata shaped like an Okta custom authorization server's. */
function oktaMetadata(issuer: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    issuer,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    registration_endpoint: `${issuer.replace(/\/oauth2\/.*/, '')}/oauth2/v1/clients`,
    jwks_uri: `${issuer}/v1/keys`,
    response_types_supported: ['code', 'token', 'id_token', 'code id_token'],
    response_modes_supported: ['query', 'fragment', 'form_post', 'okta_post_message'],
    grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'password', 'client_credentials'],
    subject_types_supported: ['public'],
    scopes_supported: ['api:read', 'openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
    claims_supported: ['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'uid', 'scp', 'sub'],
    code_challenge_methods_supported: ['S256'],
    introspection_endpoint: `${issuer}/v1/introspect`,
    revocation_endpoint: `${issuer}/v1/revoke`,
    end_session_endpoint: `${issuer}/v1/logout`,
    request_parameter_supported: true,
    request_object_signing_alg_values_supported: ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'],
    ...overrides,
  });
}

const codes = (results: { code?: DiagnosisCode }[]) => results.flatMap((r) => (r.code ? [r.code] : []));
const input = (issuer: string) => ({ issuer, clientId: '0oa1b2c3d4e5f6g7h8i9', redirectUri: 'http://localhost:3000/redirect' });

describe('wellKnownUrls', () => {
  it.each([
    [
      'https://acme.auth0.com/',
      ['https://acme.auth0.com/.well-known/oauth-authorization-server', 'https://acme.auth0.com/.well-known/openid-configuration'],
    ],
    [
      'https://dev-1.okta.com/oauth2/default',
      [
        'https://dev-1.okta.com/oauth2/default/.well-known/oauth-authorization-server',
        'https://dev-1.okta.com/.well-known/oauth-authorization-server/oauth2/default',
        'https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration',
      ],
    ],
  ])('%s', (issuer, expected) => {
    expect(wellKnownUrls(issuer)).toEqual(expected);
  });

  it('trims the trailing slashes of a path with 256 KiB of slashes inside it in linear time', () => {
    const issuer = `https://dev-1.okta.com${'/'.repeat(256 * 1024)}x//`;
    expect(wellKnownUrls(issuer)[0]).toMatch(/\/x\/\.well-known\/oauth-authorization-server$/);
  });
});

describe('discoverIssuer and runCustomSetup against a loopback server', () => {
  const options = { allowPrivate: true };

  it('discovers Okta-like metadata at <issuer>/.well-known/oauth-authorization-server and loads its keys', async () => {
    const issuer = `${base}/oauth2/default`;
    routes['/oauth2/default/.well-known/oauth-authorization-server'] = { body: oktaMetadata(issuer) };
    routes['/oauth2/default/v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };

    const report = await runCustomSetup(input(issuer), options);
    expect(report.status).toBe('pass');
    expect(codes(report.results)).toEqual([]);
    expect(report.provider).toEqual({
      mode: 'custom',
      kind: 'okta',
      issuer,
      authorizationEndpoint: `${issuer}/v1/authorize`,
      tokenEndpoint: `${issuer}/v1/token`,
      jwksUri: `${issuer}/v1/keys`,
      scopesSupported: ['api:read', 'openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
      clientId: '0oa1b2c3d4e5f6g7h8i9',
      redirectUri: 'http://localhost:3000/redirect',
    });
    expect(requests).toEqual(['/oauth2/default/.well-known/oauth-authorization-server', '/oauth2/default/v1/keys']);
  });

  it('finds metadata at the RFC 8414 path-insertion form', async () => {
    const issuer = `${base}/oauth2/default`;
    routes['/.well-known/oauth-authorization-server/oauth2/default'] = { body: oktaMetadata(issuer) };
    routes['/oauth2/default/v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };

    const outcome = await discoverIssuer(issuer, options);
    expect(outcome).toMatchObject({ status: 'found', metadataUrl: `${base}/.well-known/oauth-authorization-server/oauth2/default` });
  });

  it('falls back to /.well-known/openid-configuration and records what each URL gave', async () => {
    routes['/.well-known/openid-configuration'] = { body: (b) => oktaMetadata(b) };
    routes['/v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };

    const outcome = await discoverIssuer(base, options);
    expect(outcome.status).toBe('found');
    expect(outcome.attempts.map((a) => [a.result, a.status])).toEqual([
      ['http_status', 404],
      ['found', 200],
    ]);
  });

  it('prefers the document whose issuer matches over an earlier one that does not', async () => {
    const issuer = `${base}/oauth2/default`;
    // A server that answers the path-insertion form with its org-level metadata.
    routes['/.well-known/oauth-authorization-server/oauth2/default'] = { body: (b) => oktaMetadata(b) };
    routes['/oauth2/default/.well-known/openid-configuration'] = { body: oktaMetadata(issuer) };
    routes['/oauth2/default/v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };

    const outcome = await discoverIssuer(issuer, options);
    expect(outcome).toMatchObject({ status: 'found', metadata: { issuer } });
  });

  it('reports issuer.mismatch when the metadata issuer has a trailing slash the input lacks', async () => {
    const issuer = `${base}/oauth2/default`;
    routes['/oauth2/default/.well-known/oauth-authorization-server'] = { body: oktaMetadata(`${issuer}/`) };
    routes['/oauth2/default//v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };

    const report = await runCustomSetup(input(issuer), options);
    expect(report.status).toBe('fail');
    expect(codes(report.results)).toEqual(['issuer.mismatch']);
    expect(report.provider).toBeUndefined();
  });

  it('reports issuer.no_metadata when every well-known URL is an HTML 404', async () => {
    const report = await runCustomSetup(input(`${base}/oauth2/default`), options);
    expect(codes(report.results)).toEqual(['issuer.no_metadata']);
    expect(requests).toHaveLength(3);
  });

  it('reports issuer.no_metadata when the well-known URLs answer 200 with something that is not JSON', async () => {
    routes['/.well-known/oauth-authorization-server'] = { body: '{"issuer": "half', type: 'application/json' };
    routes['/.well-known/openid-configuration'] = { body: '<html><body>Welcome</body></html>', type: 'text/html' };
    const outcome = await discoverIssuer(base, options);
    expect(outcome.status).toBe('no_metadata');
    expect(outcome.attempts.map((a) => a.result)).toEqual(['not_json', 'not_json']);
    const report = await runCustomSetup(input(base), options);
    expect(codes(report.results)).toEqual(['issuer.no_metadata']);
  });

  it('reports issuer.metadata_invalid for JSON that is not metadata', async () => {
    routes['/.well-known/oauth-authorization-server'] = {
      body: JSON.stringify({ issuer: base, authorization_endpoint: 'javascript:alert(1)', scopes_supported: 'openid' }),
    };
    const report = await runCustomSetup(input(base), options);
    expect(codes(report.results)).toEqual(['issuer.metadata_invalid']);
  });

  it('reports missing endpoints by name', async () => {
    routes['/.well-known/oauth-authorization-server'] = {
      body: (b) => oktaMetadata(b, { authorization_endpoint: undefined, token_endpoint: undefined }),
    };
    routes['/v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };
    const report = await runCustomSetup(input(base), options);
    expect(codes(report.results)).toEqual(['issuer.no_authorization_endpoint', 'issuer.no_token_endpoint']);
  });

  it.each<[string, Route | null, Record<string, unknown>]>([
    ['no jwks_uri', null, { jwks_uri: undefined }],
    ['a jwks_uri answering 404', null, {}],
    ['a JWKS that is not JSON', { body: 'keys!' }, {}],
    ['a JWKS with only an encryption key', { body: '' }, {}],
  ])('reports issuer.no_jwks for %s', async (_name, keysRoute, overrides) => {
    routes['/.well-known/oauth-authorization-server'] = { body: (b) => oktaMetadata(b, overrides) };
    if (keysRoute) {
      routes['/v1/keys'] =
        keysRoute.body === '' ? { body: JSON.stringify({ keys: [{ ...signingJwk, use: 'enc', alg: 'RSA-OAEP' }] }) } : keysRoute;
    }
    const report = await runCustomSetup(input(base), options);
    expect(codes(report.results)).toEqual(['issuer.no_jwks']);
  });

  it('warns when PKCE S256 and the refresh_token grant are not advertised', async () => {
    routes['/.well-known/oauth-authorization-server'] = {
      body: (b) =>
        oktaMetadata(b, { code_challenge_methods_supported: ['plain'], grant_types_supported: ['authorization_code', 'implicit'] }),
    };
    routes['/v1/keys'] = { body: JSON.stringify({ keys: [signingJwk] }) };
    const report = await runCustomSetup(input(base), options);
    expect(report.status).toBe('pass');
    expect(report.results.filter((r) => r.status === 'warn').map((r) => r.code)).toEqual([
      'issuer.pkce_not_advertised',
      'issuer.refresh_grant_not_advertised',
    ]);
  });

  it('reports issuer.unreachable with the reason when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const report = await runCustomSetup(input(`http://127.0.0.1:${port}`), options);
    expect(codes(report.results)).toEqual(['issuer.unreachable']);
    expect(report.results.find((r) => r.code === 'issuer.unreachable')?.message).toContain('connection refused');
  });

  it('refuses loopback issuers when private targets are not allowed, without connecting', async () => {
    let connections = 0;
    const count = () => connections++;
    server.on('connection', count);
    try {
      const port = (server.address() as AddressInfo).port;
      const http = await runCustomSetup(input(`http://127.0.0.1:${port}`), { allowPrivate: false });
      const https = await runCustomSetup(input(`https://localhost:${port}/oauth2/default`), { allowPrivate: false });
      expect(codes(http.results)).toEqual(['issuer.not_https']);
      expect(codes(https.results)).toEqual(['issuer.private_address']);
      expect(https.results.find((r) => r.code === 'issuer.private_address')?.hint).toContain('ALLOW_PRIVATE_ISSUERS=true');
      expect(connections).toBe(0);
    } finally {
      server.off('connection', count);
    }
  });
});

describe('runCustomSetup with a stand-in fetch', () => {
  const failing =
    (result: Omit<Extract<SafeFetchResult, { ok: false }>, 'ok' | 'url'>): SafeFetch =>
    async (url) => ({ ok: false, url, ...result });

  it.each([
    ['', 'issuer.missing'],
    ['   ', 'issuer.missing'],
    ['/oauth2/default', 'issuer.invalid_url'],
    ['dev-123456.okta.com/oauth2/default', 'issuer.invalid_url'],
    ['https://dev-123456.okta.com/oauth2/default?x=1', 'issuer.invalid_url'],
  ])('validates the issuer %j before any fetch', async (issuer, code) => {
    const fetchImpl = vi.fn<SafeFetch>();
    const report = await runCustomSetup(input(issuer), { allowPrivate: false, fetchImpl });
    expect(codes(report.results)).toEqual([code]);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('validates the client ID and redirect URI before any fetch', async () => {
    const fetchImpl = vi.fn<SafeFetch>();
    const report = await runCustomSetup(
      { issuer: 'https://dev-123456.okta.com/oauth2/default', clientId: ' ', redirectUri: 'localhost:3000/redirect' },
      { allowPrivate: false, fetchImpl },
    );
    expect(codes(report.results)).toEqual(['client_id.missing', 'redirect_uri.invalid']);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it.each([
    ['dns_failed', 'the name "nope.example" could not be resolved (ENOTFOUND)'],
    ['timeout', 'no complete answer within 5 s'],
    ['network', 'TLS error: certificate has expired (CERT_HAS_EXPIRED)'],
  ] as const)('reports %s as issuer.unreachable, saying which, after one attempt', async (reason, detail) => {
    const fetchImpl = vi.fn<SafeFetch>(failing({ reason, detail }));
    const report = await runCustomSetup(input('https://nope.example/oauth2/default'), { allowPrivate: false, fetchImpl });
    expect(codes(report.results)).toEqual(['issuer.unreachable']);
    expect(report.results.find((r) => r.code === 'issuer.unreachable')?.message).toContain(detail);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});

describe('a real oidc-provider on a loopback port', () => {
  let provider: Provider;
  let providerServer: http.Server;
  let issuer: string;

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'op-key', use: 'sig', alg: 'RS256' };
    providerServer = http.createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    provider = new Provider(issuer, {
      jwks: { keys: [privateJwk] },
      cookies: { keys: ['test-only-cookie-key'] },
      clients: [
        {
          client_id: 'lab-client',
          client_secret: 'lab-secret',
          grant_types: ['client_credentials'],
          redirect_uris: [],
          response_types: [],
        },
      ],
      ttl: { ClientCredentials: 600 },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => 'urn:lab:api',
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({ scope: 'api:read', audience: 'urn:lab:api', accessTokenFormat: 'jwt' }),
        },
      },
    });
    providerServer.on('request', provider.callback());
  });

  afterAll(async () => {
    clearKeyResolverCache();
    providerServer.closeAllConnections();
    await new Promise((resolve) => providerServer.close(resolve));
  });

  it('is discovered, and a JWT it issues verifies with the key resolver', async () => {
    const report = await runCustomSetup(input(issuer), { allowPrivate: true });
    expect(report.status).toBe('pass');
    expect(report.provider).toMatchObject({ kind: 'generic', issuer, jwksUri: `${issuer}/jwks` });

    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('lab-client:lab-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api:read' }),
    });
    const { access_token: accessToken } = (await response.json()) as { access_token: string };
    const resolver = getKeyResolver(report.provider!.jwksUri, { allowPrivate: true });
    const { payload, protectedHeader } = await jwtVerify(accessToken, resolver, { issuer, audience: 'urn:lab:api' });
    expect(protectedHeader.kid).toBe('op-key');
    expect(payload).toMatchObject({ client_id: 'lab-client', scope: 'api:read' });
  });
});
