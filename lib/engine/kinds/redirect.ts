import { z } from 'zod';
import { checkRedirect } from '../../exercise/redirect';
import { fingerprint } from '../../exercise/token/inspect';
import { artifactOf } from '../artifacts';
import { defineKind } from './types';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** The redirect's address, or its parameters one by one. Keeps the code's fingerprint, never the code. */
export const redirectKind = defineKind({
  body: z.union([
    z.strictObject({ url: text(16_000) }),
    z.strictObject({
      code: text(4000).optional(),
      state: text(2000).optional(),
      error: text(200).optional(),
      error_description: text(2000).optional(),
    }),
  ]),
  needsServer: true,
  async check(ctx, input) {
    const request = artifactOf(ctx, 'authorize-url');
    const report = checkRedirect(input, {
      expectedState: request?.state ?? null,
      redirectUri: request?.redirectUri ?? null,
      issuer: ctx.provider!.issuer,
    });
    return { report, effects: report.status === 'pass' && report.code ? { artifact: { codeFingerprint: fingerprint(report.code) } } : {} };
  },
});
