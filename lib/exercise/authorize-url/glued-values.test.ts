/**
 * Values that look right but do not travel (issue 19, class 5): a raw space between scopes,
 * and a parameter glued into the value before it by an encoded "&" (%26).
 */
import { describe, expect, it } from 'vitest';

import { ADVERSARIAL_FAMILIES, KIB } from '../../../tests/support/adversarial';
import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { checkAuthorizeUrl } from './index';
import { parseParams, rawSpaceInScope } from './normalize';
import { separateEncodedParams } from './split-values';
import { build, GOOD, OKTA, STATE, withParams } from './test-support';

const lead = (url: string) => {
  const results = checkAuthorizeUrl(url, OKTA).results;
  return results.find((r) => r.status === 'fail') ?? results.find((r) => r.status === 'warn');
};
const oneLine = (params = GOOD) => `${OKTA.authorizationEndpoint}?${params.map(([n, v]) => `${n}=${v}`).join('&')}`;

describe('a raw space between scopes', () => {
  it('is read as %20 with a warning that names the space and writes the scope with +', () => {
    const url = oneLine(withParams({ scope: 'openid offline_access' }));
    const report = checkAuthorizeUrl(url, OKTA);
    expect(report.status).toBe('pass');
    expect(report.loginUrl).toContain('scope=openid%20offline_access');
    const result = lead(url)!;
    expect(result.code).toBe('scope.raw_space');
    expect(result.message).toContain('plain space');
    expect(result.hint).toContain('scope=openid+offline_access');
  });

  it('names a no-break space, which a browser sends as %C2%A0', () => {
    expect(lead(oneLine(withParams({ scope: 'openid\u00A0offline_access' })))?.message).toContain('a non-breaking space (U+00A0)');
  });

  it('leaves the line breaks of the multi-line template alone', () => {
    expect(rawSpaceInScope(build(GOOD))).toBeNull();
    expect(rawSpaceInScope(oneLine(withParams({ scope: 'openid+offline_access' })))).toBeNull();
  });
});

describe('a parameter glued into a value by %26', () => {
  it('tells the encoded separator, reads the state as meant, and never asks to add a state that is there', () => {
    const url = build(withParams({ redirect_uri: `https%3A%2F%2Fexample-app.com%2Fredirect%26state%3D${STATE}`, state: undefined }));
    const report = checkAuthorizeUrl(url, OKTA);
    const result = lead(url)!;
    expect(result.code).toBe('param.encoded_separator');
    expect(result.message).toContain('%26state%3D');
    expect(result.hint).toContain(`&state=${STATE}`);
    expect(report.results.some((r) => r.code === 'state.missing' || r.code === 'redirect_uri.mismatch')).toBe(false);
  });

  it('leaves a %26 that starts no known parameter alone', () => {
    const params = parseParams('state=a%26b%3Dc&scope=openid');
    expect(separateEncodedParams(params).results).toEqual([]);
  });

  it.each(ADVERSARIAL_FAMILIES)('stays linear on "$name" (64 KiB within 50 ms)', async ({ make }) => {
    for (const text of [`x?scope=${make(64 * KIB)}`, `x?redirect_uri=${'%26state%3'.repeat(6 * KIB)}`, make(64 * KIB)]) {
      expect(await fastestRun(() => rawSpaceInScope(text))).toBeLessThan(50);
      expect(await fastestRun(() => separateEncodedParams(parseParams(text)))).toBeLessThan(50);
    }
  });
});
