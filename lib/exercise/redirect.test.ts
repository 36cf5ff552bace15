import { afterAll, describe, expect, it } from 'vitest';
import { type RedirectContext, type RedirectInput, type RedirectReport, checkRedirect, redactCode } from './redirect';
import type { DiagnosisCode } from './report';

const CODE = 'Xq1fD0bYh7m3VtTz_9aLkP2wNcRe5uGs'; // a credential: must never appear in a message
const STATE = 'q8Xk2LmP9sTwZr4v';
const SITE: RedirectContext = { expectedState: STATE, redirectUri: 'http://localhost:3000/redirect' };
const EXAMPLE_APP: RedirectContext = { expectedState: STATE, redirectUri: 'https://example-app.com/redirect' };
const NO_STEP: RedirectContext = { expectedState: null, redirectUri: null };

const seen = new Set<DiagnosisCode>();

function run(input: RedirectInput, context: RedirectContext): RedirectReport {
  const report = checkRedirect(input, context);
  for (const r of report.results) {
    if (r.code) seen.add(r.code);
    if (r.status !== 'pass') {
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.hint?.length ?? 0, JSON.stringify(r)).toBeGreaterThan(10);
    }
  }
  expect(JSON.stringify(report.results)).not.toContain(CODE);
  return report;
}

function problems(report: RedirectReport): string[] {
  return report.results
    .filter((r) => r.status !== 'pass')
    .map((r) => `${r.status}:${r.code}`)
    .sort();
}

describe('checkRedirect: a good redirect', () => {
  it('passes the values read by the /redirect page and returns the code only in `code`', () => {
    const report = run({ code: CODE, state: STATE }, SITE);
    expect(report.status).toBe('pass');
    expect(problems(report)).toEqual([]);
    expect(report.results.map((r) => r.check)).toEqual(['error', 'code', 'state']);
    expect(report.code).toBe(CODE);
    expect(report.state).toBe(STATE);
    expect(report.error).toBeUndefined();
  });

  it.each([
    ['a full URL', `https://example-app.com/redirect?code=${CODE}&state=${STATE}`],
    [
      'a URL wrapped over lines and in quotes',
      `"https://example-app.com/redirect?code=${CODE.slice(0, 10)}\n${CODE.slice(10)}&state=${STATE}"`,
    ],
    ['the response in the fragment', `https://example-app.com/redirect#code=${CODE}&state=${STATE}`],
    ['the query only', `?code=${CODE}&state=${STATE}`],
    ['the query without "?"', `code=${CODE}&state=${STATE}`],
    ['a URL without scheme', `example-app.com/redirect?code=${CODE}&state=${STATE}`],
    [
      'Okta extra parameters',
      `https://example-app.com/redirect?code=${CODE}&state=${STATE}&iss=https%3A%2F%2Fdev-123456.okta.com%2Foauth2%2Fdefault`,
    ],
  ])('passes %s', (_title, url) => {
    const report = run({ url }, EXAMPLE_APP);
    expect(problems(report)).toEqual([]);
    expect(report.code).toBe(CODE);
    expect(report.state).toBe(STATE);
  });
});

type Case = [title: string, input: RedirectInput, context: RedirectContext, expected: string[]];

const ERRORS = [
  'access_denied',
  'invalid_scope',
  'unauthorized_client',
  'invalid_request',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'consent_required',
  'login_required',
  'interaction_required',
  'invalid_client',
  'something_new',
];

const CASES: Case[] = [
  ['empty URL box', { url: '  \n ' }, SITE, ['fail:input.empty']],
  ['no values at all', {}, SITE, ['fail:input.empty']],
  ['blank values', { code: ' ', state: '' }, SITE, ['fail:input.empty']],
  ['not a URL', { url: 'I logged in but nothing happened' }, SITE, ['fail:redirect.url_invalid']],
  ['an unparsable URL', { url: `https://[example-app.com/redirect?code=${CODE}&state=${STATE}` }, SITE, ['fail:redirect.url_invalid']],
  [
    'the redirect page without its query',
    { url: 'https://example-app.com/redirect' },
    EXAMPLE_APP,
    ['fail:redirect.code_missing', 'fail:redirect.state_missing'],
  ],
  [
    'the authorization URL pasted again',
    { url: `https://dev-123456.okta.com/oauth2/default/v1/authorize?response_type=code&client_id=0oa1b2c3d4E5F6g7H8i9&state=${STATE}` },
    EXAMPLE_APP,
    ['fail:redirect.code_missing'],
  ],
  ['only the state', { state: STATE }, SITE, ['fail:redirect.code_missing']],
  ['no state', { code: CODE }, SITE, ['fail:redirect.state_missing']],
  ['state from an older attempt', { code: CODE, state: 'Zz9yYx8wWv7uUt6s' }, SITE, ['fail:redirect.state_mismatch']],
  ['no authorization URL checked yet', { code: CODE, state: STATE }, NO_STEP, ['fail:redirect.no_authorize_step']],
  [
    'another redirect URI than the checked one',
    { url: `https://example-app.com/callback?code=${CODE}&state=${STATE}` },
    EXAMPLE_APP,
    ['warn:redirect_uri.mismatch'],
  ],
  [
    'the practice server redirect on another port',
    { url: `http://localhost:3001/redirect?code=${CODE}&state=${STATE}` },
    SITE,
    ['warn:redirect_uri.mismatch'],
  ],
  [
    'an error with a mismatching state',
    {
      url: 'https://example-app.com/redirect?error=access_denied&error_description=User+is+not+assigned+to+the+client+application.&state=old',
    },
    EXAMPLE_APP,
    ['fail:redirect.error', 'fail:redirect.state_mismatch'],
  ],
  ...ERRORS.map((error): Case => [
    `error=${error}`,
    { url: `https://example-app.com/redirect?error=${error}&error_description=Something+went+wrong.&state=${STATE}` },
    EXAMPLE_APP,
    ['fail:redirect.error'],
  ]),
  [
    'error from the /redirect page without state',
    { error: 'invalid_scope', error_description: 'One or more scopes are not configured for the authorization server resource.' },
    SITE,
    ['fail:redirect.error'],
  ],
];

describe('checkRedirect: problems', () => {
  it.each(CASES)('%s', (_title, input, context, expected) => {
    const report = run(input, context);
    expect(problems(report)).toEqual([...expected].sort());
    expect(report.status).toBe(expected.some((e) => e.startsWith('fail:')) ? 'fail' : 'pass');
  });

  it("quotes the server's error and description and returns them", () => {
    const description = 'One or more scopes are not configured for the authorization server resource.';
    const report = run({ error: 'invalid_scope', error_description: description, state: STATE }, SITE);
    const result = report.results.find((r) => r.code === 'redirect.error');
    expect(result?.message).toContain('invalid_scope');
    expect(result?.message).toContain('One or more scopes');
    expect(report.error).toEqual({ error: 'invalid_scope', description });
    expect(report.code).toBeUndefined();
  });

  it('explains each known error differently', () => {
    const hints = ERRORS.slice(0, 11).map(
      (error) => run({ error, state: STATE }, SITE).results.find((r) => r.code === 'redirect.error')?.hint,
    );
    // login_required and interaction_required share a fix (remove prompt=none); all others differ.
    expect(new Set(hints).size).toBe(10);
  });

  it('still returns the code when the state does not match, for the caller to decide', () => {
    const report = run({ url: `https://example-app.com/redirect?code=${CODE}&state=forged` }, EXAMPLE_APP);
    expect(report.status).toBe('fail');
    expect(report.code).toBe(CODE);
  });
});

describe('redactCode', () => {
  it('hides every code value in a URL', () => {
    expect(redactCode(`https://a.example/r?state=s&code=${CODE}#code=${CODE}`)).toBe(
      'https://a.example/r?state=s&code=[hidden]#code=[hidden]',
    );
  });
});

afterAll(() => {
  const emitted: DiagnosisCode[] = [
    'input.empty',
    'redirect.url_invalid',
    'redirect.error',
    'redirect.code_missing',
    'redirect.state_missing',
    'redirect.state_mismatch',
    'redirect.no_authorize_step',
    'redirect_uri.mismatch',
  ];
  expect(emitted.filter((code) => !seen.has(code))).toEqual([]);
});

// Issue 11: the exercise text's "code=…" / "state=…" lines pasted together were read as one
// code with no state.
describe('checkRedirect: code and state pasted as lines', () => {
  it('reads them as two parameters', () => {
    const report = checkRedirect(
      { url: 'code=Xq1fD0bYh7m3VtTz\nstate=q8Xk2LmP9sTwZr4v' },
      { expectedState: 'q8Xk2LmP9sTwZr4v', redirectUri: null },
    );
    expect(report.status).toBe('pass');
    expect(report.code).toBe('Xq1fD0bYh7m3VtTz');
    expect(report.state).toBe('q8Xk2LmP9sTwZr4v');
  });

  it('still joins a URL broken over lines', () => {
    const report = checkRedirect(
      { url: 'https://example-app.com/redirect?code=Xq1fD0bYh7m3\n  VtTz&state=q8Xk2LmP9sTwZr4v' },
      { expectedState: 'q8Xk2LmP9sTwZr4v', redirectUri: 'https://example-app.com/redirect' },
    );
    expect(report.code).toBe('Xq1fD0bYh7m3VtTz');
  });
});

describe('checkRedirect: the server’s own error page pasted (issue 19)', () => {
  it('says the server never redirected, and what its description asks for', () => {
    const page = [
      '400',
      'Bad Request',
      'Your request resulted in an error.',
      'Error Code: invalid_request',
      "Description: The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: https://dev-1-admin.okta.com/admin/app/x",
    ].join('\n');
    const report = run({ url: page }, SITE);
    expect(problems(report)).toEqual(['fail:redirect.error']);
    const result = report.results[0]!;
    expect(result.message).toMatch(/own error page, not a redirect/);
    expect(result.hint).toMatch(/Sign-in redirect URIs/);
  });
});
