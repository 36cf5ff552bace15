/**
 * Property-based tests over every check (issue 8, "Hostile input"): whatever a learner
 * pastes — arbitrary text up to 64 KiB, JSON of any shape, URLs with any parameters, JWTs
 * with any header and claims — a check never throws and always answers a well-formed
 * report. A mistake is data (a fail result), never an exception.
 */
import { CompactSign, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import type { DiscoveryOutcome } from '../issuer/discover';
import type { SafeFetchFailureReason } from '../issuer/safe-fetch';
import { ADVERSARIAL_FAMILIES, KIB } from '../../tests/support/adversarial';
import {
  CLIENT_ID,
  ISSUER,
  NOW,
  NOW_S,
  anyText,
  b64,
  bigText,
  claimValue,
  claims,
  header,
  oddNumber,
  text,
  urlWithParams,
} from './properties-support';
import { checkAuthorizeUrl, type AuthorizeUrlExpectations } from './authorize-url';
import { checkRedirect, type RedirectInput } from './redirect';
import { DIAGNOSIS_CODES } from './codes';
import type { Report, StepId } from './report';
import { checkSetup } from './setup';
import type { TokenCheckContext } from './token/context';
import type { TokenSummary } from './token/inspect';
import { parseResponse } from './token/parse-response';
import { checkRefreshResponse, type TokenOrigin } from './token/refresh-step';
import { checkTokenResponse } from './token/token-step';

const KNOWN_CODES = new Set<string>(DIAGNOSIS_CODES);
const RESULT_STATUSES = new Set(['pass', 'fail', 'warn', 'info']);

/** The report contract (docs/api.md, "Reports"), and that the API can send it as JSON. */
function expectWellFormed(report: Report, step: StepId): void {
  expect(report.step).toBe(step);
  expect(report.results.length).toBeGreaterThan(0);
  expect(report.status).toBe(report.results.some((r) => r.status === 'fail') ? 'fail' : 'pass');
  for (const r of report.results) {
    expect(typeof r.check === 'string' && r.check.length > 0).toBe(true);
    expect(RESULT_STATUSES.has(r.status)).toBe(true);
    expect(typeof r.message === 'string' && r.message.length > 0).toBe(true);
    if (r.status !== 'pass') expect(KNOWN_CODES.has(r.code ?? '')).toBe(true);
    if (r.status === 'fail' || r.status === 'warn') expect(typeof r.hint === 'string' && r.hint.length > 0).toBe(true);
    if (r.hint !== undefined) expect(typeof r.hint).toBe('string');
  }
  expect(() => JSON.stringify(report)).not.toThrow();
}

// ---------------------------------------------------------------------------------------------
// Generators

let signingKey: CryptoKey;
let jwks: JWTVerifyGetKey;
let first: TokenSummary;

/** A JWT: signed with the test server's key (any payload), or with a garbage or missing signature. */
const jwt = fc.oneof(
  fc
    .tuple(
      header,
      claims,
      fc.oneof(
        fc.constant(''),
        fc.base64String({ maxLength: 40 }).map((s) => s.replace(/[+/=]/g, '_')),
      ),
    )
    .map(([h, c, sig]) => `${b64(h)}.${b64(c)}.${sig}`),
  claims.map((c) => ({ claims: c })),
);

async function materialize(token: string | { claims: Record<string, unknown> }): Promise<string> {
  if (typeof token === 'string') return token;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(token.claims)))
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(signingKey);
}

/** A token endpoint response: any fields, any values, the access token often a JWT. */
const tokenResponse = fc
  .tuple(
    fc.oneof(jwt, anyText(60)),
    fc.record(
      {
        token_type: fc.oneof(fc.constantFrom('Bearer', 'bearer', 'DPoP'), claimValue),
        expires_in: fc.oneof(oddNumber, fc.constantFrom('3600', '1e308', '-1'), claimValue),
        refresh_token: fc.oneof(anyText(50), claimValue),
        scope: fc.oneof(fc.constantFrom('offline_access api:read', 'api:read', ''), claimValue),
        id_token: claimValue,
        error: fc.oneof(fc.constantFrom('invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_request'), claimValue),
        error_description: claimValue,
        errorCode: claimValue,
      },
      { requiredKeys: [] },
    ),
    fc.boolean(),
    fc.constantFrom('', '$ curl -s …\n', 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n', '* Trying\n< HTTP/1.1 200 OK\n'),
    fc.constantFrom('', '\n$ ', '%', '* Connection #0 to host x left intact'),
  )
  .map(([token, fields, withToken, before, after]) => ({ token: withToken ? token : undefined, fields, before, after }));

async function renderResponse(r: {
  token: string | { claims: Record<string, unknown> } | undefined;
  fields: Record<string, unknown>;
  before: string;
  after: string;
}): Promise<string> {
  const body = r.token === undefined ? r.fields : { access_token: await materialize(r.token), ...r.fields };
  return `${r.before}${JSON.stringify(body, null, 2)}${r.after}`;
}

const pastedResponse = fc.oneof(
  { weight: 3, arbitrary: tokenResponse.map((r) => ({ kind: 'json' as const, r })) },
  { weight: 2, arbitrary: text.map((t) => ({ kind: 'text' as const, t })) },
);
const renderPaste = (p: { kind: 'json'; r: Parameters<typeof renderResponse>[0] } | { kind: 'text'; t: string }) =>
  p.kind === 'json' ? renderResponse(p.r) : Promise.resolve(p.t);

/** The key resolver: the test server's keys, none, or one that fails like a network error. */
const keyResolver = fc.constantFrom<'jwks' | 'none' | 'broken'>('jwks', 'none', 'broken');
const resolverOf = (kind: 'jwks' | 'none' | 'broken'): JWTVerifyGetKey | null =>
  kind === 'jwks'
    ? jwks
    : kind === 'none'
      ? null
      : async () => {
          throw new Error('connect ECONNREFUSED');
        };

const ctxOf = (kind: 'jwks' | 'none' | 'broken', practice: boolean): TokenCheckContext => ({
  issuer: ISSUER,
  clientId: CLIENT_ID,
  audience: practice ? 'api://default' : undefined,
  now: NOW,
  getKey: resolverOf(kind),
  practice,
});

/** A stored first-step summary, as it is or with odd values (older rows, hand-edited databases). */
const firstSummary = fc.oneof(
  fc.constant(null),
  fc.constant('real' as const),
  fc
    .record({
      issuer: fc.option(anyText(30)),
      subject: fc.option(anyText(30)),
      clientId: fc.option(anyText(30)),
      issuedAt: fc.option(oddNumber),
      expiresAt: fc.option(oddNumber),
      refreshTokenFingerprint: fc.option(anyText(64)),
    })
    .map((odd) => ({ odd })),
);

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  const token = await materialize({
    claims: {
      iss: ISSUER,
      cid: CLIENT_ID,
      aud: 'api://default',
      sub: 'learner@example.com',
      iat: NOW_S - 600,
      exp: NOW_S + 3000,
      jti: 'AT.first',
    },
  });
  const report = await checkTokenResponse(
    JSON.stringify({
      access_token: token,
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'r'.repeat(40),
      scope: 'offline_access api:read',
    }),
    ctxOf('jwks', true),
  );
  expect(report.status).toBe('pass');
  first = report.summary!;
});

// A few seconds in all: many small cases, fewer of the 64 KiB ones (they are in `text` with weight 2 of 5).
const RUNS = { pure: 250, async: 120 } as const;

// ---------------------------------------------------------------------------------------------

describe('every check answers a well-formed report, whatever it is given', () => {
  it('parseResponse: parsed into an object, or at least one fail with a known code', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        (paste) => {
          const parsed = parseResponse(paste);
          for (const r of parsed.results) {
            if (r.status !== 'pass') expect(KNOWN_CODES.has(r.code ?? '')).toBe(true);
            expect(r.message.length).toBeGreaterThan(0);
          }
          if (parsed.ok) {
            expect(typeof parsed.body === 'object' && parsed.body !== null && !Array.isArray(parsed.body)).toBe(true);
            expect(parsed.canonical).toBe(JSON.stringify(parsed.body));
          } else {
            expect(parsed.results.some((r) => r.status === 'fail')).toBe(true);
          }
        },
      ),
      { numRuns: RUNS.pure },
    );
  });

  const expectations = fc.constantFrom<AuthorizeUrlExpectations>(
    {
      issuer: ISSUER,
      authorizationEndpoint: `${ISSUER}/v1/authorize`,
      tokenEndpoint: `${ISSUER}/v1/token`,
      clientId: CLIENT_ID,
      redirectUri: 'http://localhost:3000/redirect',
      registeredRedirectUris: ['http://localhost:3000/redirect', 'https://example-app.com/redirect'],
      scopesSupported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
    },
    {
      issuer: 'https://dev-123456.okta.com/oauth2/default',
      authorizationEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/authorize',
      clientId: '0oa1b2c3d4E5F6g7H8i9',
      redirectUri: 'https://example-app.com/redirect',
    },
  );

  it('checkAuthorizeUrl', () => {
    fc.assert(
      fc.property(fc.oneof(text, urlWithParams), expectations, (url, expected) => {
        const report = checkAuthorizeUrl(url, expected);
        expectWellFormed(report, 'authorize-url');
        if (report.loginUrl !== undefined) expect(new URL(report.loginUrl).origin).toBe(new URL(expected.authorizationEndpoint).origin);
      }),
      { numRuns: RUNS.pure },
    );
  });

  const redirectContext = fc.record({
    expectedState: fc.option(fc.oneof(anyText(40), fc.constant('q8Xk2LmP9sTwZr4v'))),
    redirectUri: fc.option(fc.oneof(anyText(40), fc.constant('http://localhost:3000/redirect'))),
  });

  it('checkRedirect with a pasted URL', () => {
    fc.assert(
      fc.property(fc.oneof(text, urlWithParams), redirectContext, (url, context) => {
        expectWellFormed(checkRedirect({ url }, context), 'redirect');
      }),
      { numRuns: RUNS.pure },
    );
  });

  it('checkRedirect with the values the /redirect page read', () => {
    const value = fc.option(fc.oneof(anyText(60), bigText), { nil: undefined });
    const input = fc.record({ code: value, state: value, error: value, error_description: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(input, redirectContext, (values, context) => {
        expectWellFormed(checkRedirect(values as RedirectInput, context), 'redirect');
      }),
      { numRuns: RUNS.pure },
    );
  });

  it('checkSetup (the pure part), with and without what discovery found', () => {
    const failure = fc.record({
      reason: fc.constantFrom<SafeFetchFailureReason>(
        'invalid_url',
        'not_https',
        'private_address',
        'dns_failed',
        'timeout',
        'too_large',
        'too_many_redirects',
        'network',
      ),
      detail: anyText(80),
      url: fc.oneof(anyText(80), fc.webUrl()),
    });
    const metadataIssuer = fc.oneof(fc.webUrl(), text);
    const discovery: fc.Arbitrary<DiscoveryOutcome | null> = fc.oneof(
      fc.constant(null),
      failure.map((f) => ({ status: 'fetch_failed' as const, failure: { ok: false as const, ...f }, attempts: [] })),
      fc
        .record({ url: anyText(60), issues: fc.array(anyText(40), { maxLength: 5 }) })
        .map((m) => ({ status: 'metadata_invalid' as const, ...m, attempts: [] })),
      fc.constant(null).map((): DiscoveryOutcome => ({ status: 'no_metadata', attempts: [] })),
      fc
        .tuple(
          metadataIssuer,
          fc.option(fc.array(anyText(10), { maxLength: 5 }), { nil: undefined }),
          fc.option(fc.array(anyText(10), { maxLength: 5 }), { nil: undefined }),
        )
        .map(([issuer, grants, methods]) => ({
          status: 'found' as const,
          metadataUrl: `${issuer}/.well-known/openid-configuration`,
          metadata: {
            issuer,
            authorization_endpoint: `${issuer}/v1/authorize`,
            token_endpoint: `${issuer}/v1/token`,
            jwks_uri: `${issuer}/v1/keys`,
            grant_types_supported: grants,
            code_challenge_methods_supported: methods,
          },
          attempts: [],
          jwks: { status: 'ok' as const, uri: `${issuer}/v1/keys`, keyCount: 1, signingKeyCount: 1, algorithms: ['RS256'] },
        })),
    );
    const issuer = fc.oneof(
      text,
      fc.webUrl(),
      fc.webUrl().map((u) => `${u}${'/'.repeat(3000)}x`),
    );
    fc.assert(
      fc.property(fc.record({ issuer, clientId: text, redirectUri: fc.oneof(text, fc.webUrl()) }), discovery, (input, found) => {
        expectWellFormed(checkSetup(input, found), 'setup');
      }),
      { numRuns: RUNS.pure },
    );
  });

  it('checkTokenResponse', async () => {
    await fc.assert(
      fc.asyncProperty(pastedResponse, keyResolver, fc.boolean(), async (paste, keys, practice) => {
        const report = await checkTokenResponse(await renderPaste(paste), ctxOf(keys, practice));
        expectWellFormed(report, 'token-response');
        // The summary feeds later pages that make Dates of its times.
        for (const t of [report.summary?.issuedAt, report.summary?.expiresAt]) {
          if (typeof t === 'number') expect(() => new Date(t * 1000).toISOString()).not.toThrow();
        }
      }),
      { numRuns: RUNS.async },
    );
  });

  it('checkRefreshResponse, with and without a first response', async () => {
    const origin = fc.constantFrom<TokenOrigin | 'throws'>('authorization_code', 'refresh_token', 'client_credentials', null, 'throws');
    await fc.assert(
      fc.asyncProperty(pastedResponse, keyResolver, fc.boolean(), firstSummary, origin, async (paste, keys, practice, stored, lookup) => {
        const report = await checkRefreshResponse(await renderPaste(paste), {
          ...ctxOf(keys, practice),
          first: stored === null ? null : stored === 'real' ? first : { ...first, ...stored.odd },
          lookupOrigin: async () => {
            if (lookup === 'throws') throw new Error('database is locked');
            return lookup;
          },
        });
        expectWellFormed(report, 'refresh-response');
        expect([true, false, null]).toContain(report.rotated);
      }),
      { numRuns: RUNS.async },
    );
  });
});

describe('every check answers the known adversarial families at 64 KiB', () => {
  const expected: AuthorizeUrlExpectations = {
    issuer: ISSUER,
    authorizationEndpoint: `${ISSUER}/v1/authorize`,
    clientId: CLIENT_ID,
    redirectUri: 'http://localhost:3000/redirect',
    scopesSupported: ['openid', 'offline_access', 'api:read'],
  };

  it.each(ADVERSARIAL_FAMILIES.map((family) => [family.name, family.make(64 * KIB)] as const))('%s', async (_name, paste) => {
    expectWellFormed(checkAuthorizeUrl(paste, expected), 'authorize-url');
    expectWellFormed(checkAuthorizeUrl(`${expected.authorizationEndpoint}?${paste}`, expected), 'authorize-url');
    expectWellFormed(
      checkRedirect({ url: `http://localhost:3000/redirect?${paste}` }, { expectedState: 's', redirectUri: null }),
      'redirect',
    );
    expectWellFormed(
      checkRedirect({ code: paste, state: paste, error: paste, error_description: paste }, { expectedState: 's', redirectUri: null }),
      'redirect',
    );
    expectWellFormed(checkSetup({ issuer: paste, clientId: paste, redirectUri: paste }, null), 'setup');
    expect(parseResponse(paste).results.length).toBeGreaterThan(0);
    expectWellFormed(await checkTokenResponse(paste, ctxOf('jwks', true)), 'token-response');
    expectWellFormed(await checkRefreshResponse(paste, { ...ctxOf('jwks', true), first }), 'refresh-response');
  });
});
