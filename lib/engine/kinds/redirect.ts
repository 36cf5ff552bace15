import { z } from 'zod';
import { checkedUrlsOf } from '../../exercise/checked-urls';
import { checkRedirect } from '../../exercise/redirect';
import { fingerprint } from '../../exercise/token/inspect';
import { practiceCodeIssue } from '../../practice-server/token-standing';
import { artifactOf, type ArtifactOfKind } from '../artifacts';
import { defineKind, type KindContext } from './types';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/**
 * What the redirect step keeps of a captured code: its fingerprint, never the code — and, on
 * the practice server, what the server stored when it issued it (times, scopes, challenge),
 * read now while the code is fresh, so a later "invalid_grant" can be told for what it was
 * (issue 19, class 7). A failed lookup keeps the fingerprint alone.
 */
export async function capturedCode(ctx: KindContext, code: string): Promise<ArtifactOfKind['redirect']> {
  const codeFingerprint = fingerprint(code);
  if (ctx.provider?.mode !== 'practice') return { codeFingerprint };
  const issue = await practiceCodeIssue(ctx.db, codeFingerprint).catch(() => null);
  if (!issue) return { codeFingerprint };
  const { issuedAt, expiresAt, scopes, codeChallenge } = issue;
  return { codeFingerprint, issuedAt, expiresAt, scopes, codeChallenge };
}

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
      checkedUrls: checkedUrlsOf(request),
    });
    return { report, effects: report.status === 'pass' && report.code ? { artifact: await capturedCode(ctx, report.code) } : {} };
  },
});
