/**
 * Every diagnosis code in CODES is returned by some check, with the statuses and in the
 * steps that CODES (and so docs/diagnosis-codes.md) says: one realistic input per code, per
 * status and per step it lists. A new code without an example fails here, and so does an
 * entry that lists a status or a step no check produces.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { checkAuthorizeUrl, type AuthorizeUrlExpectations } from '../authorize-url';
import { build, CHALLENGE, GOOD, OKTA, PRACTICE, VERIFIER, withParams } from '../authorize-url/test-support';
import { CODES, DIAGNOSIS_CODES, type CodeSeverity, type DiagnosisCode } from './index';
import { checkRedirect, type RedirectContext, type RedirectInput } from '../redirect';
import { COURSE_EXAMPLES, mergeExamples, type CodeExample } from './examples';
import { checkSetup, type SetupInput } from '../setup';
import type { TokenCheckContext } from '../token/context';
import type { TokenSummary } from '../token/inspect';
import { checkRefreshResponse, type RefreshCheckContext, type TokenOrigin } from '../token/refresh-step';
import { ctx, mint, NOW_S, otherKey, prepareKeys, REFRESH_TOKEN, respond } from '../token/test-support';
import { checkTokenResponse } from '../token/token-step';
import type { AuthorizationServerMetadata, DiscoveryOutcome, JwksOutcome } from '../../issuer/discover';
import { OKTA_ISSUER, OKTA_JWKS as JWKS_OK, oktaMetadata as metadata } from '../discovery-fixtures';

prepareKeys();

type Example = CodeExample;

// --- setup: what the learner typed, and what discovery found -----------------------------

const SETUP: SetupInput = { issuer: OKTA_ISSUER, clientId: '0oa1b2c3d4e5f6g7h8i9', redirectUri: 'https://example-app.com/redirect' };

const found = (meta: AuthorizationServerMetadata, jwks: JwksOutcome = JWKS_OK): DiscoveryOutcome => ({
  status: 'found',
  metadataUrl: `${meta.issuer}/.well-known/oauth-authorization-server`,
  metadata: meta,
  attempts: [],
  jwks,
});

const refused = (reason: 'dns_failed' | 'private_address' | 'not_https', detail: string): DiscoveryOutcome => ({
  status: 'fetch_failed',
  failure: { ok: false, reason, detail, url: `${OKTA_ISSUER}/.well-known/oauth-authorization-server` },
  attempts: [],
});

const setup = (severity: CodeSeverity, input: Partial<SetupInput>, discovery: DiscoveryOutcome | null = null): Example => ({
  step: 'setup',
  severity,
  run: () => checkSetup({ ...SETUP, ...input }, discovery),
});

// --- authorize-url: the pasted authorization request URL ---------------------------------

const authorize = (severity: CodeSeverity, url: string, expected: AuthorizeUrlExpectations = OKTA): Example => ({
  step: 'authorize-url',
  severity,
  run: () => checkAuthorizeUrl(url, expected),
});

/** The correct request with some parameters replaced, removed (undefined) or added. */
const url = (changes: Record<string, string | null | undefined>) => build(withParams(changes));

// --- redirect: where the server sent the browser back --------------------------------------

const CODE = 'Xq1fD0bYh7m3VtTz_9aLkP2wNcRe5uGs';
const STATE = 'q8Xk2LmP9sTwZr4v';
const AFTER_STEP_2: RedirectContext = { expectedState: STATE, redirectUri: 'https://example-app.com/redirect' };

const redirect = (severity: CodeSeverity, input: RedirectInput, context: RedirectContext = AFTER_STEP_2): Example => ({
  step: 'redirect',
  severity,
  run: () => checkRedirect(input, context),
});

// --- token-response and refresh-response: the pasted token endpoint responses ------------

/** The learner's step 4 response, checked and summarised before the refresh examples run. */
let first: TokenSummary;
let firstText: string;
const ROTATED = 'Qm9WbXJ4aG5kZ2VxY2Z0YmZ2dGhhc2Rma2xqYXNkZg';
const ORIGINS: Record<string, TokenOrigin> = { 'AT.first-login-4kPz': 'authorization_code', 'AT.second-login-7rTy': 'authorization_code' };

beforeAll(async () => {
  firstText = await respond({}, mint({ iat: NOW_S - 600, claims: { jti: 'AT.first-login-4kPz' } }));
  const report = await checkTokenResponse(firstText, ctx());
  expect(report.status).toBe('pass');
  first = report.summary!;
});

type Paste = () => string | Promise<string>;

const token = (severity: CodeSeverity, paste: Paste, overrides: () => Partial<TokenCheckContext> = () => ({})): Example => ({
  step: 'token-response',
  severity,
  run: async () => checkTokenResponse(await paste(), ctx(overrides())),
});

const refreshCtx = (overrides: Partial<RefreshCheckContext> = {}): RefreshCheckContext => ({
  ...ctx(),
  first,
  lookupOrigin: async (jti) => ORIGINS[jti] ?? null,
  ...overrides,
});

const refresh = (severity: CodeSeverity, paste: Paste, overrides: () => Partial<RefreshCheckContext> = () => ({})): Example => ({
  step: 'refresh-response',
  severity,
  run: async () => checkRefreshResponse(await paste(), refreshCtx(overrides())),
});

/** A refresh response: a new access token and a rotated refresh token, unless told otherwise. */
const refreshed = (fields: Record<string, unknown> = {}, accessToken: Promise<string> | string = mint()) =>
  respond({ refresh_token: ROTATED, ...fields }, accessToken);

/**
 * The same paste in both response steps. A token that differs from the first one in issuer
 * or client is reported by the refresh step's comparison instead, so those examples run it
 * without a first response (`refresh`).
 */
const responses = (
  severity: CodeSeverity,
  paste: Paste,
  o: { token?: () => Partial<TokenCheckContext>; refresh?: () => Partial<RefreshCheckContext> } = {},
): Example[] => [token(severity, paste, o.token), refresh(severity, paste, o.refresh ?? o.token)];

const curlI = async () => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n${await refreshed()}`;
const opaque = 'a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV';

// --- the table -------------------------------------------------------------------------------

const EXAMPLES: Partial<Record<DiagnosisCode, Example[]>> = {
  'input.empty': [authorize('fail', '  '), redirect('fail', { url: ' ' }), ...responses('fail', () => '   ')],
  'issuer.missing': [setup('fail', { issuer: ' ' })],
  'issuer.invalid_url': [setup('fail', { issuer: 'dev-123456.okta.com/oauth2/default' })],
  'issuer.unreachable': [setup('fail', {}, refused('dns_failed', 'getaddrinfo ENOTFOUND dev-123456.okta.com'))],
  'issuer.no_metadata': [
    setup(
      'fail',
      {},
      {
        status: 'no_metadata',
        attempts: [
          { url: `${OKTA_ISSUER}/.well-known/openid-configuration`, result: 'http_status', status: 404, detail: 'HTTP 404 (text/html)' },
        ],
      },
    ),
  ],
  'issuer.mismatch': [setup('fail', {}, found(metadata({}, `${OKTA_ISSUER}/`)))],
  'issuer.no_jwks': [setup('fail', {}, found(metadata({ jwks_uri: undefined }), { status: 'missing' }))],
  'issuer.private_address': [
    setup('fail', { issuer: 'https://10.0.0.5/oauth2/default' }, refused('private_address', '10.0.0.5 is a private address')),
  ],
  'issuer.not_https': [
    setup('fail', { issuer: 'http://dev-123456.okta.com/oauth2/default' }, refused('not_https', 'http is only allowed for loopback')),
  ],
  'issuer.metadata_invalid': [
    setup(
      'fail',
      {},
      { status: 'metadata_invalid', url: `${OKTA_ISSUER}/.well-known/openid-configuration`, issues: ['issuer: required'], attempts: [] },
    ),
  ],
  'issuer.no_authorization_endpoint': [setup('fail', {}, found(metadata({ authorization_endpoint: undefined })))],
  'issuer.no_token_endpoint': [setup('fail', {}, found(metadata({ token_endpoint: undefined })))],
  'issuer.pkce_not_advertised': [setup('warn', {}, found(metadata({ code_challenge_methods_supported: undefined })))],
  'issuer.refresh_grant_not_advertised': [
    setup('warn', {}, found(metadata({ grant_types_supported: ['authorization_code', 'client_credentials'] }))),
    setup('info', {}, found(metadata({ grant_types_supported: undefined }))),
  ],
  'issuer.okta_org_server': [setup('warn', { issuer: 'https://dev-123456.okta.com' }, found(metadata({}, 'https://dev-123456.okta.com')))],
  'client_id.missing': [setup('fail', { clientId: '{yourClientId}' }), authorize('fail', url({ client_id: undefined }))],
  'redirect_uri.invalid': [setup('fail', { redirectUri: '/redirect' })],
  'url.invalid': [authorize('fail', build(GOOD).replace('https://', ''))],
  'url.not_https': [authorize('fail', build(GOOD).replace('https:', 'http:'))],
  'url.host_mismatch': [authorize('fail', build(GOOD, 'https://dev-123456-admin.okta.com/oauth2/default/v1/authorize'))],
  'url.path_mismatch': [authorize('fail', build(GOOD, OKTA.tokenEndpoint))],
  'url.no_query': [authorize('fail', OKTA.authorizationEndpoint)],
  'url.fragment': [authorize('fail', build(GOOD).replace('?', '#')), authorize('warn', `${build(GOOD)}#`)],
  'param.placeholder': [authorize('fail', url({ scope: 'offline_access+{YOUR_SCOPE}' }))],
  'param.brackets_kept': [authorize('fail', url({ client_id: `{${OKTA.clientId}}` }))],
  'url.html_escaped': [authorize('fail', build(GOOD).replaceAll('&', '&amp;'))],
  'param.unknown': [
    authorize('warn', url({ promt: 'login' })),
    authorize('fail', url({ redirect_uri: undefined, redirect_url: 'https://example-app.com/redirect' })),
  ],
  'param.duplicate': [authorize('fail', build([...GOOD, ['scope', 'openid']]))],
  'param.empty': [authorize('fail', url({ client_id: '' }))],
  'response_type.missing': [authorize('fail', url({ response_type: undefined }))],
  'response_type.not_code': [authorize('fail', url({ response_type: 'token' }))],
  'client_id.mismatch': [
    authorize('fail', url({ client_id: '0oa9z8y7x6W5V4u3T2s1' })),
    setup('fail', { clientId: '0oa1b2c3d4\u200bE5F6g7H8i9' }),
  ],
  'client_id.secret_in_url': [authorize('fail', url({ client_secret: 'Zk3_9vQmXh2-LpT8wRbN4cYf6JdS1aEoU7iGqK5t' }))],
  'state.missing': [authorize('fail', url({ state: undefined }))],
  'state.weak': [authorize('warn', url({ state: 'abc' }))],
  'redirect_uri.missing': [authorize('fail', url({ redirect_uri: undefined }))],
  'redirect_uri.mismatch': [
    authorize('fail', url({ redirect_uri: 'https://example-app.com/redirect/' })),
    redirect('warn', { url: `https://example-app.com/callback?code=${CODE}&state=${STATE}` }),
  ],
  'redirect_uri.double_encoded': [authorize('fail', url({ redirect_uri: 'https%253A%252F%252Fexample-app.com%252Fredirect' }))],
  'scope.missing': [authorize('fail', url({ scope: undefined }))],
  'scope.offline_access_missing': [authorize('fail', url({ scope: 'openid+profile' }))],
  'scope.offline_access_misspelled': [authorize('fail', url({ scope: 'offline-access+api:read' }))],
  'scope.comma_separated': [authorize('fail', url({ scope: 'offline_access,api:read' }))],
  'scope.literal_plus_encoded': [authorize('fail', url({ scope: 'offline_access%2Bapi:read' }))],
  'scope.only_offline_access': [authorize('warn', url({ scope: 'offline_access' }))],
  'scope.unknown': [
    authorize(
      'fail',
      build(
        withParams({ client_id: PRACTICE.clientId, redirect_uri: PRACTICE.redirectUri, scope: 'offline_access+api:reed' }),
        PRACTICE.authorizationEndpoint,
      ),
      PRACTICE,
    ),
    // OKTA's expectations publish no scopes: only a near-miss of a standard scope warns.
    authorize('warn', url({ scope: 'offline_access+opnid' })),
  ],
  'code_challenge.missing': [authorize('fail', url({ code_challenge: undefined }))],
  'code_challenge.malformed': [authorize('fail', url({ code_challenge: CHALLENGE.slice(0, 40) }))],
  'code_challenge.not_base64url': [
    authorize('fail', url({ code_challenge: '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3' })),
  ],
  'code_challenge.is_verifier': [authorize('fail', url({ code_challenge: VERIFIER, code_verifier: VERIFIER }))],
  'code_challenge.empty_verifier': [authorize('fail', url({ code_challenge: '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU' }))],
  'code_verifier.in_url': [authorize('fail', url({ code_verifier: VERIFIER }))],
  'code_challenge_method.missing': [authorize('fail', url({ code_challenge_method: undefined }))],
  'code_challenge_method.plain': [authorize('fail', url({ code_challenge_method: 'plain' }))],
  'code_challenge_method.invalid': [authorize('fail', url({ code_challenge_method: 's256' }))],
  'redirect.error': [
    redirect('fail', { url: `https://example-app.com/redirect?error=access_denied&error_description=User+is+not+assigned&state=${STATE}` }),
  ],
  'redirect.code_missing': [redirect('fail', { url: `https://example-app.com/redirect?state=${STATE}` })],
  'redirect.state_missing': [redirect('fail', { code: CODE })],
  'redirect.state_mismatch': [redirect('fail', { code: CODE, state: 'zZ9yX8wV7uT6sR5q' })],
  'redirect.no_authorize_step': [redirect('fail', { code: CODE, state: STATE }, { expectedState: null, redirectUri: null })],
  'redirect.url_invalid': [redirect('fail', { url: 'I logged in but nothing happened' })],
  'json.invalid': responses('fail', async () => (await refreshed()).replace('"Bearer",', '"Bearer"')),
  'json.only_access_token': responses('fail', () => mint()),
  'json.http_headers': responses('warn', curlI),
  'json.smart_quotes': responses('warn', async () => (await refreshed()).replace(/"/g, (_m, i: number) => (i % 2 ? '”' : '“'))),
  'json.not_object': responses('fail', async () => `[${await refreshed()}]`),
  'json.powershell_output': responses('fail', () => 'token_type    : Bearer\nexpires_in    : 3600\nrefresh_token : abc\n'),
  'request.command_split': responses('fail', () => '{"error":"invalid_request"}\nbash: -d: command not found\n'),
  'json.extra_text': responses(
    'warn',
    async () => `$ curl -s -X POST http://localhost:3000/oauth2/default/v1/token\n${JSON.stringify(JSON.parse(await refreshed()))}`,
  ),
  'response.error': responses('fail', () =>
    JSON.stringify({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' }),
  ),
  'access_token.missing': responses('fail', () => refreshed({ access_token: undefined })),
  'token_type.unexpected': [
    ...responses('fail', () => refreshed({ token_type: 'DPoP' })),
    ...responses('warn', () => refreshed({ token_type: undefined })),
  ],
  'access_token.not_jwt': [
    ...responses('warn', () => refreshed({}, opaque), { token: () => ({ practice: false }) }),
    ...responses('fail', () => refreshed({}, opaque)),
  ],
  'access_token.signature_invalid': responses('fail', () => refreshed({}, mint({ key: otherKey }))),
  'access_token.issuer_mismatch': responses('fail', () => refreshed({}, mint({ claims: { iss: 'http://localhost:3000' } })), {
    refresh: () => ({ first: null }),
  }),
  'access_token.client_mismatch': responses('fail', () => refreshed({}, mint({ claims: { cid: '0oaOTHERAPP9876' } })), {
    refresh: () => ({ first: null }),
  }),
  'access_token.expired': responses('fail', () => refreshed({}, mint({ iat: NOW_S - 7200 }))),
  'access_token.keys_unavailable': responses('warn', () => refreshed(), { token: () => ({ getKey: null }) }),
  'access_token.unknown_key': responses('fail', () => refreshed({}, mint({ key: otherKey, kid: 'k2-other-tenant' }))),
  'access_token.audience_mismatch': responses('warn', () => refreshed({}, mint({ claims: { aud: 'https://api.example.com' } }))),
  'access_token.time_claim_invalid': responses('fail', () => refreshed({}, mint({ claims: { exp: 'soon' } }))),
  'access_token.not_yet_valid': responses('fail', () => refreshed({}, mint({ claims: { nbf: NOW_S + 3600 } }))),
  'id_token.present': responses('info', () =>
    refreshed({ scope: 'openid offline_access api:read', id_token: 'eyJraWQiOiJYbTJrOVEiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
  ),
  'expires_in.missing': responses('warn', () => refreshed({ expires_in: undefined })),
  'refresh_token.grant_not_enabled': [
    token(
      'fail',
      () => respond({ refresh_token: undefined }),
      () => ({ lookupRefreshGrant: async () => false, offlineAccessRequested: true }),
    ),
  ],
  'refresh_token.missing': [token('fail', () => respond({ refresh_token: undefined }))],
  'access_token.from_refresh_grant': [
    token(
      'fail',
      () => respond(),
      () => ({ lookupOrigin: async () => 'refresh_token' }),
    ),
  ],
  'refresh.revoked_as_expected': [
    refresh(
      'info',
      () => JSON.stringify({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' }),
      () => ({ expectRevoked: true }),
    ),
  ],
  'refresh_token.revoked': [
    token(
      'fail',
      () => respond(),
      () => ({ refreshTokenExists: async () => false }),
    ),
  ],
  'scope.offline_access_not_granted': [
    token('fail', () => respond({ refresh_token: undefined, scope: 'api:read' })),
    token('info', () => respond({ scope: 'api:read' })),
  ],
  'refresh.no_first_response': [
    refresh(
      'fail',
      () => refreshed(),
      () => ({ first: null }),
    ),
  ],
  'refresh.same_response': [refresh('fail', () => firstText)],
  'refresh.same_access_token': [refresh('fail', () => respond({ refresh_token: ROTATED }, JSON.parse(firstText).access_token as string))],
  'refresh.not_newer': [refresh('fail', () => refreshed({}, mint({ iat: NOW_S - 900 })))],
  'refresh.subject_mismatch': [refresh('fail', () => refreshed({}, mint({ claims: { sub: 'someone-else@example.com' } })))],
  'refresh.client_mismatch': [refresh('fail', () => refreshed({}, mint({ claims: { cid: '0oaOTHERAPP9876' } })))],
  'refresh.issuer_mismatch': [refresh('fail', () => refreshed({}, mint({ claims: { iss: 'http://localhost:3000' } })))],
  'refresh.not_from_refresh_grant': [refresh('fail', () => refreshed({}, mint({ claims: { jti: 'AT.second-login-7rTy' } })))],
  'refresh.rotated': [refresh('info', () => refreshed())],
  'refresh.not_rotated': [refresh('info', () => refreshed({ refresh_token: REFRESH_TOKEN }))],
  'redirect.iss_mismatch': [
    redirect(
      'fail',
      { url: `https://example-app.com/redirect?code=${CODE}&state=${STATE}&iss=https%3A%2F%2Fother.example.com` },
      { ...AFTER_STEP_2, issuer: 'https://dev-123456.okta.com/oauth2/default' },
    ),
  ],
  'param.value_split': [
    authorize('fail', `${build(GOOD)}`.replace(/scope=([^\n]*)/, 'scope=offline_access&api:read')),
    authorize('warn', `${build(GOOD)}`.replace(/state=([^\n]*)/, 'state=k7Qp2mZx9vLr&Tw4s')),
  ],
  'scope.double_encoded': [authorize('fail', url({ scope: 'offline_access%2520api%253Aread' }))],
  'scope.raw_space': [authorize('warn', url({ scope: 'offline_access api:read' }))],
  'param.encoded_separator': [
    authorize('fail', url({ redirect_uri: 'https%3A%2F%2Fexample-app.com%2Fredirect%26state%3Dk7Qp2mZx9vLr', state: undefined })),
  ],
  'paste.curl_error': responses('fail', () => "curl: (7) Failed to connect to localhost port 3001 after 0 ms: Couldn't connect to server"),
  'paste.powershell_error': responses(
    'fail',
    () => "Invoke-WebRequest : A parameter cannot be found that matches parameter name 'X'.\nAt line:1 char:6",
  ),
  'paste.http_error': responses('fail', () => 'Not Found'),
  'paste.html': responses('fail', () => '<!DOCTYPE html><html><head><title>Sign In</title></head></html>'),
  'paste.other_artefact': [
    authorize('fail', 'https://example-app.com/redirect?code=Xq1fD0bYh7m3VtTz&state=q8Xk2LmP9sTwZr4v'),
    ...responses('fail', () => 'http://localhost:3000/redirect?code=abc&state=def'),
  ],
  'paste.truncated': responses('fail', () => `{"access_token":"eyJraWQiOiJYbTJrOVEiLCJhbGc…","token_type":"Bearer"}`),
  'access_token.client_credentials_grant': [
    token('fail', () => respond({ refresh_token: undefined }, mint({ claims: { sub: '0oa1b2c3d4EXAMPLE', uid: undefined } }))),
  ],
  'paste.command_only': responses(
    'fail',
    () => 'curl -X POST http://localhost:3000/oauth2/default/v1/token -d grant_type=authorization_code',
  ),
  'paste.placeholder': responses('fail', () => 'curl -u 0oa1:YOUR_CLIENT_SECRET http://localhost:3000/oauth2/default/v1/token -d code=x'),
  // printf %s "$VERIFIER" | sha256sum | cut -d' ' -f1 | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '='
  'pkce.challenge_recipe': [
    token(
      'fail',
      () => `$ curl -d code_verifier=${VERIFIER} …\n{"error":"invalid_grant","error_description":"PKCE verification failed."}`,
      () => ({ codeChallenge: 'NTA3NzMwMWE5ZTVlZjE1NDM0ODNiYzdjMzhhZjk1YzJjNGM2ZDZlOGE1OTQ0NGUzNjUyNzFiMDg1NTYwNGExMA' }),
    ),
  ],
  // echo "0oa1b2c3d4EXAMPLE:s3cr3t" | base64 -w0
  'client.basic_header_recipe': responses(
    'fail',
    () => '$ curl -H "Authorization: Basic MG9hMWIyYzNkNEVYQU1QTEU6czNjcjN0Cg==" …\n{"error":"invalid_client"}',
  ),
};

/** The Refresh Tokens exercise's examples and the course's, a shared code keeping both. */
const TABLE = mergeExamples(EXAMPLES, COURSE_EXAMPLES);

const ALL = Object.entries(TABLE).flatMap(([code, examples]) => examples.map((example) => ({ code: code as DiagnosisCode, ...example })));

describe('the diagnosis codes (lib/exercise/codes.ts)', () => {
  it('all have an example here', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...DIAGNOSIS_CODES].sort());
  });

  it.each(DIAGNOSIS_CODES)('%s has an example for every status and every step codes.ts lists', (code) => {
    const examples = TABLE[code]!;
    expect(examples.length).toBeGreaterThan(0);
    expect([...new Set(examples.map((e) => e.severity))].sort()).toEqual([...CODES[code].severities].sort());
    expect([...new Set(examples.map((e) => e.step))].sort()).toEqual([...CODES[code].steps].sort());
  });

  it.each(ALL)('$code comes back as $severity from the $step check', async ({ code, step, severity, run }) => {
    const report = await run();
    expect(report.step).toBe(step);
    const statuses = report.results.filter((r) => r.code === code).map((r) => r.status);
    expect(statuses, JSON.stringify(report.results.map((r) => `${r.status}:${r.code ?? ''}`))).toContain(severity);
    // Every other code in the report agrees with codes.ts too.
    for (const r of report.results) {
      if (r.code === undefined) continue;
      expect(CODES[r.code].severities, `${r.code} as ${r.status}`).toContain(r.status);
      expect(CODES[r.code].steps, `${r.code} in ${step}`).toContain(step);
    }
  });
});
