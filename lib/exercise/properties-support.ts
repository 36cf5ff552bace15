/** fast-check generators for the property tests of the checks (properties.test.ts). */
import fc from 'fast-check';
import { ADVERSARIAL_FAMILIES, KIB } from '../../tests/support/adversarial';

export const NOW = new Date('2026-01-15T10:00:00Z');
export const NOW_S = NOW.getTime() / 1000;
export const ISSUER = 'http://localhost:3000/oauth2/default';
export const CLIENT_ID = 'lab-7f3a9c2e41b8';

/** Any text, including lone surrogates and control characters. */
export const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });

/** A short piece repeated up to 64 KiB, between two short texts: cheap to make, worst for scanners. */
export const bigText = fc
  .tuple(anyText(8), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 * KIB }), anyText(8))
  .map(([before, unit, size, after]) => `${before}${unit.repeat(Math.ceil(size / unit.length)).slice(0, 64 * KIB)}${after}`);

/** The known adversarial families, at a random size up to 64 KiB. */
export const adversarial = fc
  .tuple(fc.constantFrom(...ADVERSARIAL_FAMILIES), fc.integer({ min: 1, max: 64 * KIB }))
  .map(([family, size]) => family.make(size));

export const text = fc.oneof(
  { weight: 3, arbitrary: anyText(300) },
  { weight: 1, arbitrary: bigText },
  { weight: 1, arbitrary: adversarial },
);

export const PARAM_NAMES = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'code_verifier',
  'client_secret',
  'grant_type',
  'code',
  'nonce',
  'prompt',
  'redirect_url',
  'amp;scope',
  'access_type',
];

/** One query parameter: a known or arbitrary name, any value, encoded or not. */
export const param = fc
  .tuple(
    fc.oneof(fc.constantFrom(...PARAM_NAMES), anyText(20)),
    fc.oneof(anyText(60), fc.constantFrom('code', 'S256', 'plain', 'offline_access+api:read', '{YOUR_STATE}', '%25', '')),
    fc.boolean(),
  )
  .map(([name, value, encode]) => (encode ? `${encodeURIComponent(name)}=${encodeURIComponent(value)}` : `${name}=${value}`));

export const endpointLike = fc.constantFrom(
  `${ISSUER}/v1/authorize`,
  `${ISSUER}/v1/token`,
  'https://dev-123456.okta.com/oauth2/default/v1/authorize',
  'http://localhost:3000/redirect',
  'urn:x',
  '',
);

/** A URL with arbitrary parameters, separators and whitespace. */
export const urlWithParams = fc
  .tuple(
    fc.oneof(endpointLike, fc.webUrl()),
    fc.array(param, { maxLength: 30 }),
    fc.constantFrom('?', '#', '?#', ''),
    fc.constantFrom('&', '\n  &', '&&', '?'),
  )
  .map(([base, params, start, separator]) => `${base}${start}${params.join(separator)}`);

export const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(9e12, -1e300, 1e308, 1.5, 0, -0, NOW_S, NOW_S + 3600, NOW_S - 7200, 253_402_300_800, Number.MAX_SAFE_INTEGER),
);
export const claimValue = fc.oneof(oddNumber, anyText(30), fc.jsonValue({ maxDepth: 3 }));

/** A JWT payload: the claims a check reads, each any value or absent, plus arbitrary others. */
export const claims = fc
  .tuple(
    fc.record(
      {
        iss: fc.oneof(fc.constant(ISSUER), claimValue),
        sub: claimValue,
        cid: fc.oneof(fc.constant(CLIENT_ID), claimValue),
        aud: fc.oneof(fc.constant('api://default'), claimValue),
        scp: claimValue,
        jti: claimValue,
        exp: claimValue,
        iat: claimValue,
        nbf: claimValue,
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(anyText(10), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

export const header = fc.oneof(
  fc.constant({ alg: 'RS256', kid: 'k1' }),
  fc.record(
    {
      alg: fc.oneof(fc.constantFrom('RS256', 'HS256', 'none', 'ES256', 'PS256'), claimValue),
      kid: claimValue,
      typ: claimValue,
      crit: claimValue,
    },
    { requiredKeys: [] },
  ),
);

export const b64 = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url');
