/** The Web App exercise's code exchange (issue 21): a refresh token is optional there, never a failure. */
import { describe, expect, it } from 'vitest';
import { ctx, prepareKeys, respond } from './test-support';
import { checkTokenResponse } from './token-step';

prepareKeys();

describe('a code exchange that needs no refresh token', () => {
  it('passes without one', async () => {
    const report = await checkTokenResponse(
      await respond({ refresh_token: undefined, scope: 'api:read' }),
      ctx({ refreshToken: 'optional' }),
    );
    expect(report.status).toBe('pass');
    expect(report.results.find((r) => r.check === 'refresh_token')?.message).toContain('none is needed');
  });

  it('passes with one, saying so as an info line', async () => {
    const report = await checkTokenResponse(await respond(), ctx({ refreshToken: 'optional', lookupRefreshGrant: async () => false }));
    expect(report.status).toBe('pass');
    expect(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.status}:${r.code}`)).toEqual([
      'info:refresh_token.not_needed',
    ]);
  });

  it('still fails without one where it is required', async () => {
    const report = await checkTokenResponse(await respond({ refresh_token: undefined }), ctx());
    expect(report.status).toBe('fail');
  });
});
