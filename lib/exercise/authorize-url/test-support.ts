/**
 * Shared by the authorization URL tests beside this file (imported only by them): the
 * learner's server and app, a correct request, and helpers that build URLs the way the
 * seed's template lays them out and run the check on them.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { type AuthorizeUrlExpectations, type AuthorizeUrlReport, checkAuthorizeUrl } from './index';
import type { DiagnosisCode } from '../report';

export const OKTA: AuthorizeUrlExpectations = {
  issuer: 'https://dev-123456.okta.com/oauth2/default',
  authorizationEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/authorize',
  tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token',
  clientId: '0oa1b2c3d4E5F6g7H8i9',
  redirectUri: 'https://example-app.com/redirect',
};

export const PRACTICE: AuthorizeUrlExpectations = {
  issuer: 'http://localhost:3000/oauth2/default',
  authorizationEndpoint: 'http://localhost:3000/oauth2/default/v1/authorize',
  tokenEndpoint: 'http://localhost:3000/oauth2/default/v1/token',
  clientId: 'lab-7f3a9c2e41b8',
  redirectUri: 'http://localhost:3000/redirect',
  registeredRedirectUris: ['http://localhost:3000/redirect', 'https://example-app.com/redirect'],
  scopesSupported: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
};

export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 Appendix B
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFXgjXk';
export const STATE = 'q8Xk2LmP9sTwZr4v';

export type Params = [name: string, rawValue: string | null][];

export const GOOD: Params = [
  ['response_type', 'code'],
  ['scope', 'offline_access+api:read'],
  ['client_id', OKTA.clientId],
  ['state', STATE],
  ['redirect_uri', 'https://example-app.com/redirect'],
  ['code_challenge', CHALLENGE],
  ['code_challenge_method', 'S256'],
];

/** Builds a URL the way the seed's template lays it out: one parameter per line. */
export function build(params: Params, endpoint = OKTA.authorizationEndpoint): string {
  const lines = params.map(([name, value], i) => `  ${i ? '&' : ''}${name}${value === null ? '' : `=${value}`}`);
  return `${endpoint}?\n${lines.join('\n')}`;
}

/** GOOD with some parameters replaced (value), removed (undefined) or appended (new names). */
export function withParams(changes: Record<string, string | null | undefined>, base: Params = GOOD): Params {
  const out: Params = [];
  for (const [name, value] of base) {
    if (!(name in changes)) out.push([name, value]);
    else if (changes[name] !== undefined) out.push([name, changes[name]!]);
  }
  for (const [name, value] of Object.entries(changes)) {
    if (!base.some(([n]) => n === name) && value !== undefined) out.push([name, value]);
  }
  return out;
}

/** The codes the reports of this test file returned, for `expectExercised`. */
const seen = new Set<DiagnosisCode>();

/** The non-pass results of a report as sorted "status:code" strings (and the codes noted as seen). */
export function problems(report: AuthorizeUrlReport): string[] {
  for (const r of report.results) if (r.code) seen.add(r.code);
  return report.results
    .filter((r) => r.status !== 'pass')
    .map((r) => `${r.status}:${r.code}`)
    .sort();
}

/** Runs the check on a pasted URL (against OKTA unless told otherwise). */
export function run(input: string, expected = OKTA) {
  const report = checkAuthorizeUrl(input, expected);
  // Every non-pass result explains itself.
  for (const r of report.results) {
    if (r.status !== 'pass') {
      expect(r.code, JSON.stringify(r)).toBeTruthy();
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.hint?.length ?? 0, JSON.stringify(r)).toBeGreaterThan(10);
    }
  }
  return report;
}

/** A case: a title, the pasted URL, its non-pass results ("status:code") and, if not OKTA, the expectations. */
export type Case = [title: string, input: string, expected: string[], expectations?: AuthorizeUrlExpectations];

/** One describe block per checklist area: each case's results, status and login URL. */
export function describeCases(area: string, cases: Case[]): void {
  describe(`checkAuthorizeUrl: ${area}`, () => {
    it.each(cases)('%s', (_title, input, expected, expectations = OKTA) => {
      const report = run(input, expectations);
      expect(problems(report)).toEqual([...expected].sort());
      const fails = expected.some((e) => e.startsWith('fail:'));
      expect(report.status).toBe(fails ? 'fail' : 'pass');
      if (fails) expect(report.loginUrl).toBeUndefined();
      else expect(report.loginUrl).toBeTruthy();
    });
  });
}

/** Every code this test file is about is exercised by at least one realistic input in it. */
export function expectExercised(codes: DiagnosisCode[]): void {
  afterAll(() => {
    expect(codes.filter((code) => !seen.has(code))).toEqual([]);
  });
}
