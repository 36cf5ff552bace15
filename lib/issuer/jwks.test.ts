import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearKeyResolverCache, getKeyResolver, GuardedFetchError } from './jwks';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function makeKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

const sign = (key: SigningKey) =>
  new SignJWT({ scp: ['api:read'] })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer('https://issuer.example/oauth2/default')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);

let server: http.Server;
let jwksUri: string;
let published: JWK[] = [];
let fetches = 0;
let connections = 0;
let first: SigningKey;
let second: SigningKey;

beforeAll(async () => {
  [first, second] = await Promise.all([makeKey('first'), makeKey('second')]);
  server = http.createServer((req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published }));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/default/v1/keys`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.useRealTimers();
  clearKeyResolverCache();
  fetches = 0;
});

describe('getKeyResolver', () => {
  it('verifies a JWT with keys fetched once and then cached per jwks_uri', async () => {
    published = [first.jwk];
    const resolver = getKeyResolver(jwksUri, { allowPrivate: true });
    expect(getKeyResolver(jwksUri, { allowPrivate: true })).toBe(resolver);

    const token = await sign(first);
    await expect(jwtVerify(token, resolver)).resolves.toMatchObject({ protectedHeader: { kid: 'first' } });
    await jwtVerify(token, getKeyResolver(jwksUri, { allowPrivate: true }));
    expect(fetches).toBe(1);
  });

  it('refetches on an unknown kid once the cooldown has passed (key rotation)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    published = [first.jwk];
    const resolver = getKeyResolver(jwksUri, { allowPrivate: true });
    await jwtVerify(await sign(first), resolver);

    published = [first.jwk, second.jwk];
    vi.setSystemTime(Date.now() + 31_000);
    await expect(jwtVerify(await sign(second), resolver)).resolves.toMatchObject({ protectedHeader: { kid: 'second' } });
    expect(fetches).toBe(2);
  });

  it('clearKeyResolverCache forgets the cached resolvers', () => {
    const resolver = getKeyResolver(jwksUri, { allowPrivate: true });
    clearKeyResolverCache();
    expect(getKeyResolver(jwksUri, { allowPrivate: true })).not.toBe(resolver);
  });

  it('guards every fetch: a loopback jwks_uri is refused without connecting when private targets are not allowed', async () => {
    published = [first.jwk];
    const before = connections;
    const token = await sign(first);
    const httpsUri = jwksUri.replace('http:', 'https:');

    await expect(jwtVerify(token, getKeyResolver(jwksUri, { allowPrivate: false }))).rejects.toMatchObject({
      name: 'GuardedFetchError',
      reason: 'not_https',
    });
    const refused = await jwtVerify(token, getKeyResolver(httpsUri, { allowPrivate: false })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GuardedFetchError);
    expect(refused).toMatchObject({ reason: 'private_address' });
    expect(connections).toBe(before);
  });

  it('passes a timeout on as jose’s JWKSTimeout', async () => {
    const resolver = getKeyResolver('https://keys.example/jwks', {
      allowPrivate: false,
      fetchImpl: async (url) => ({ ok: false, url, reason: 'timeout', detail: 'no complete answer within 5 s' }),
    });
    await expect(jwtVerify(await sign(first), resolver)).rejects.toMatchObject({ code: 'ERR_JWKS_TIMEOUT' });
  });
});
