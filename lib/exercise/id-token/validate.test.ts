import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWTVerifyGetKey } from 'jose';
import { describe, expect, it } from 'vitest';

import { getKey, otherKey } from '../token/test-support';
import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { CLIENT_ID, idClaims, idCtx, ISSUER, mintId, NONCE, NOW_S, prepareKeys, unsigned } from './test-support';
import {
  accepts,
  ID_TOKEN_CHECKS,
  inspectIdToken,
  validateIdToken,
  type CheckName,
  type CheckOutcome,
  type IdTokenContext,
} from './validate';

prepareKeys();

const run = async (token: string | Promise<string>, ctx: Partial<IdTokenContext> = {}) => validateIdToken(await token, idCtx(ctx));
const of = (outcomes: CheckOutcome[], check: CheckName) => outcomes.find((o) => o.check === check)!;
const verdicts = (outcomes: CheckOutcome[]) => Object.fromEntries(outcomes.map((o) => [o.check, o.verdict]));

/** The server's public key as the PEM text a careless verifier would use as an HMAC secret. */
async function publicPem(): Promise<Uint8Array> {
  const jwk = (getKey as unknown as { jwks: () => { keys: object[] } }).jwks().keys[0]!;
  const key = await importJWK({ ...jwk, alg: 'RS256' }, 'RS256', { extractable: true });
  return new TextEncoder().encode(await exportSPKI(key as CryptoKey));
}

describe('validateIdToken: a good token', () => {
  it('passes every check, in order, azp not applicable when absent', async () => {
    const outcomes = await run(mintId());
    expect(outcomes.map((o) => o.check)).toEqual([...ID_TOKEN_CHECKS]);
    expect(verdicts(outcomes)).toEqual({
      signature: 'valid',
      iss: 'valid',
      aud: 'valid',
      exp: 'valid',
      iat: 'valid',
      nonce: 'valid',
      azp: 'not_applicable',
    });
    expect(accepts(outcomes)).toBe(true);
  });

  it('accepts azp equal to the client id, and aud as a list holding it', async () => {
    const outcomes = await run(mintId({ azp: CLIENT_ID, aud: [CLIENT_ID, 'api://default'] }));
    expect(of(outcomes, 'aud').verdict).toBe('valid');
    expect(of(outcomes, 'azp').verdict).toBe('valid');
  });

  it('never returns the token in any outcome', async () => {
    const token = await mintId({ aud: 'someone-else' });
    const text = JSON.stringify(await run(token));
    for (const part of token.split('.')) expect(text).not.toContain(part);
  });
});

describe('validateIdToken: the signature', () => {
  it('alg none is invalid, never accepted', async () => {
    const o = of(await run(unsigned()), 'signature');
    expect(o).toMatchObject({ verdict: 'invalid', fault: 'alg_none' });
  });

  it('alg "None" with a signature part is still invalid', async () => {
    const token = await mintId();
    const [, payload, sig] = token.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'None', kid: 'Xm2k9Q' })).toString('base64url');
    expect(of(await run(`${header}.${payload}.${sig}`), 'signature').fault).toBe('alg_none');
  });

  it('HS256 signed with the public key as the secret (key confusion) is invalid', async () => {
    const o = of(await run(mintId({}, { alg: 'HS256', key: await publicPem() })), 'signature');
    expect(o).toMatchObject({ verdict: 'invalid', fault: 'symmetric_alg' });
    expect(o.reason).toContain('key confusion');
  });

  it('another key under the same kid is invalid: the kid proves nothing', async () => {
    const o = of(await run(mintId({}, { key: otherKey })), 'signature');
    expect(o).toMatchObject({ verdict: 'invalid', fault: 'signature_invalid' });
    expect(o.reason).toContain('A matching kid proves nothing');
  });

  it('a kid the JWKS does not have is invalid (unknown key)', async () => {
    expect(of(await run(mintId({}, { key: otherKey, kid: 'k2-other' })), 'signature').fault).toBe('unknown_key');
  });

  it('an asymmetric alg the server does not advertise is invalid', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'ec1', alg: 'ES256' }] });
    const token = await mintId({}, { key: privateKey, alg: 'ES256', kid: 'ec1' });
    expect(of(await run(token, { getKey: jwks }), 'signature').fault).toBe('alg_not_allowed');
    expect(of(await run(token, { getKey: jwks, algorithms: ['RS256', 'ES256', 'HS256'] }), 'signature').verdict).toBe('valid');
  });

  it('advertised HS256 still does not count', async () => {
    const token = await mintId({}, { alg: 'HS256', key: await publicPem() });
    expect(of(await run(token, { algorithms: ['HS256', 'RS256'] }), 'signature').fault).toBe('symmetric_alg');
  });

  it('is not applicable without keys, and the token is then not accepted', async () => {
    const outcomes = await run(mintId(), { getKey: null });
    expect(of(outcomes, 'signature')).toMatchObject({ verdict: 'not_applicable', fault: 'keys_unavailable' });
    expect(accepts(outcomes)).toBe(false);
  });

  it('is not applicable when the key resolver fails', async () => {
    const failing: JWTVerifyGetKey = async () => {
      throw new Error('ECONNREFUSED');
    };
    expect(of(await run(mintId(), { getKey: failing }), 'signature').fault).toBe('keys_unavailable');
  });

  it('an edited claim breaks the signature; every later check still runs', async () => {
    const token = await mintId();
    const [header, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify(idClaims({ sub: 'admin' }))).toString('base64url');
    const outcomes = await run(`${header}.${forged}.${sig}`);
    expect(verdicts(outcomes)).toMatchObject({ signature: 'invalid', iss: 'valid', aud: 'valid', exp: 'valid', nonce: 'valid' });
    expect(accepts(outcomes)).toBe(false);
  });

  it('a signature cut at the end is invalid', async () => {
    const token = await mintId();
    expect(of(await run(token.slice(0, -5)), 'signature').fault).toBe('signature_invalid');
  });
});

describe('validateIdToken: iss and aud', () => {
  it('another issuer is invalid', async () => {
    const o = of(await run(mintId({ iss: 'https://other.example.com/oauth2/default' })), 'iss');
    expect(o).toMatchObject({ verdict: 'invalid', fault: 'mismatch', seen: '"https://other.example.com/oauth2/default"' });
  });

  it('a trailing slash is a different issuer', async () => {
    expect(of(await run(mintId({ iss: `${ISSUER}/` })), 'iss').reason).toContain('trailing slash');
  });

  it('a missing iss or aud is invalid', async () => {
    const outcomes = await run(mintId({ iss: undefined, aud: undefined }));
    expect(of(outcomes, 'iss').fault).toBe('missing');
    expect(of(outcomes, 'aud').fault).toBe('missing');
  });

  it('aud of another app, or the issuer, is invalid', async () => {
    expect(of(await run(mintId({ aud: '0oaOTHER' })), 'aud').fault).toBe('mismatch');
    expect(of(await run(mintId({ aud: ISSUER })), 'aud').fault).toBe('aud_is_issuer');
  });
});

describe('validateIdToken: exp and iat with clock skew', () => {
  const at = (changes: Record<string, unknown>, check: CheckName, ctx: Partial<IdTokenContext> = {}) =>
    run(mintId(changes), ctx).then((o) => of(o, check).verdict);

  it('exp: valid up to the skew past it, invalid at the skew', async () => {
    expect(await at({ exp: NOW_S - 119 }, 'exp')).toBe('valid');
    expect(await at({ exp: NOW_S - 120 }, 'exp')).toBe('invalid');
    expect(await at({ exp: NOW_S - 3600 }, 'exp')).toBe('invalid');
    expect(await at({ exp: NOW_S + 1 }, 'exp')).toBe('valid');
  });

  it('iat: valid up to the skew ahead, invalid past it', async () => {
    expect(await at({ iat: NOW_S + 120 }, 'iat')).toBe('valid');
    expect(await at({ iat: NOW_S + 121 }, 'iat')).toBe('invalid');
  });

  it('the skew is configurable; 0 means exact', async () => {
    expect(await at({ exp: NOW_S - 1 }, 'exp', { clockSkewSeconds: 0 })).toBe('invalid');
    expect(await at({ iat: NOW_S + 1 }, 'iat', { clockSkewSeconds: 0 })).toBe('invalid');
    expect(await at({ exp: NOW_S - 250 }, 'exp', { clockSkewSeconds: 300 })).toBe('valid');
  });

  it('missing or non-time values are invalid', async () => {
    const outcomes = await run(mintId({ exp: 'soon', iat: undefined }));
    expect(of(outcomes, 'exp')).toMatchObject({ verdict: 'invalid', fault: 'not_a_time', seen: '"soon"' });
    expect(of(outcomes, 'iat').fault).toBe('missing');
    // The signature is judged on its own: a claim jose would refuse does not make it invalid.
    expect(of(outcomes, 'signature').verdict).toBe('valid');
    expect(of(await run(mintId({ exp: (NOW_S + 3600) * 1000 })), 'exp').fault).toBe('not_a_time');
  });
});

describe('validateIdToken: nonce and azp', () => {
  it('a missing nonce when one was sent is invalid', async () => {
    expect(of(await run(mintId({ nonce: undefined })), 'nonce')).toMatchObject({ verdict: 'invalid', fault: 'missing' });
  });

  it('another nonce is invalid, quoting both', async () => {
    const o = of(await run(mintId({ nonce: 'other' })), 'nonce');
    expect(o).toMatchObject({ verdict: 'invalid', fault: 'mismatch', seen: '"other"', expected: `"${NONCE}"` });
  });

  it('is not applicable when no nonce was sent', async () => {
    expect(of(await run(mintId(), { nonce: null }), 'nonce').verdict).toBe('not_applicable');
  });

  it('azp present and wrong is invalid', async () => {
    expect(of(await run(mintId({ azp: '0oaOTHER' })), 'azp')).toMatchObject({ verdict: 'invalid', fault: 'mismatch' });
  });

  it('several audiences without azp is invalid', async () => {
    expect(of(await run(mintId({ aud: [CLIENT_ID, '0oaOTHER'] })), 'azp').fault).toBe('several_audiences');
  });
});

describe('inspectIdToken: what was pasted', () => {
  it('an access token pasted (Okta: cid, scp, no nonce)', async () => {
    const token = await new SignJWT({ iss: ISSUER, aud: 'api://default', cid: CLIENT_ID, scp: ['openid'], sub: 'x' })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(otherKey);
    expect(inspectIdToken(token)).toMatchObject({ kind: 'access_token', clues: ['cid', 'scp'] });
  });

  it('an ID token with a nonce is never taken for an access token', async () => {
    expect(inspectIdToken(await mintId({ scp: ['openid'] })).kind).toBe('jwt');
  });

  it.each([
    ['', 'nothing was pasted'],
    ['{"id_token":"eyJ"}', 'paste only the value of its id_token field'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOi…', 'shortened'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0', 'has 2 parts'],
    ['a.b.c.d.e', 'encrypted JWT'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIi OiJ4In0.c2ln', 'characters a JWT never has'],
  ])('%j is not a JWT (%s)', (text, phrase) => {
    const shape = inspectIdToken(text);
    expect(shape.kind).toBe('not_a_jwt');
    expect(shape.kind === 'not_a_jwt' && shape.reason).toContain(phrase);
  });

  it('claims nested absurdly deep', () => {
    const deep = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`).toString('base64url')}.c2ln`;
    expect(inspectIdToken(deep)).toMatchObject({ kind: 'not_a_jwt', reason: expect.stringContaining('nest') });
  });

  it('a truncated JWT (payload cut) does not decode', async () => {
    const token = await mintId();
    const cut = token.slice(0, token.indexOf('.') + 30);
    expect(inspectIdToken(`${cut}.abc`)).toMatchObject({ kind: 'not_a_jwt' });
    const outcomes = await run(`${cut}.abc`);
    expect(outcomes.every((o) => o.verdict === 'invalid' && o.fault === 'not_a_jwt')).toBe(true);
  });
});

describe('validateIdToken on 64 KiB of hostile text', () => {
  const b64 = (value: string) => Buffer.from(value).toString('base64url');
  const HOSTILE: [string, string][] = [
    ['dots', '.'.repeat(65536)],
    ['one long part', 'A'.repeat(65536)],
    ['three long parts', `${'A'.repeat(21845)}.${'A'.repeat(21845)}.${'A'.repeat(21844)}`],
    ['deep nesting', `${b64('{"alg":"RS256"}')}.${b64(`{"a":${'['.repeat(20000)}${']'.repeat(20000)}}`)}.c2ln`],
    ['unbalanced nesting', `${b64('{"alg":"RS256"}')}.${b64(`{"a":${'['.repeat(40000)}${']'.repeat(8000)}}`)}.c2ln`],
    ['huge claim', `${b64('{"alg":"RS256","kid":"Xm2k9Q"}')}.${b64(JSON.stringify(idClaims({ name: 'x'.repeat(48000) })))}.c2ln`],
    ['whitespace', `${' \n'.repeat(32000)}eyJ.eyJ.x`],
    ['ellipses', '…'.repeat(30000)],
  ];

  it.each(HOSTILE)('%s: never throws, within 50 ms', async (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(70000);
    const outcomes = await run(text);
    expect(outcomes).toHaveLength(7);
    expect(await fastestRun(() => run(text))).toBeLessThan(50);
  });
});
