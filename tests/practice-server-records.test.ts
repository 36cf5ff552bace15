/**
 * What the practice server records that the checks read before a hint guesses (issue 19,
 * class 7): a code's issue (when, until when, for which scopes and challenge — never the
 * code), kept by the redirect step while the code is fresh; and the refreshes of a login,
 * found by its grant. Runs on SQLite and Postgres.
 */
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTokenOriginsOfGrant, findTokenOrigin } from '@/lib/db/practice-clients';
import { capturedCode } from '@/lib/engine/kinds/redirect';
import type { KindContext } from '@/lib/engine/kinds/types';
import { loginRefreshesLookup } from '@/lib/engine/token-context';
import { fingerprint, type TokenSummary } from '@/lib/exercise/token/inspect';
import { practiceCodeIssue } from '@/lib/practice-server/token-standing';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { tokenRequest, WITH_REFRESH } from './support/practice-requests';

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

describe('the practice server records the checks read', () => {
  let server: PracticeServerHandle;
  beforeAll(async () => {
    server = await startPracticeServer();
  });
  afterAll(() => server.stop());

  const kindContext = (mode: 'practice' | 'custom' = 'practice') => ({ db: server.db, provider: { mode } }) as unknown as KindContext;

  it("keeps a code's issue by the exercise's fingerprint: times, scopes and challenge, never the code", async () => {
    const app = await server.createApp(WITH_REFRESH);
    const before = Math.floor(Date.now() / 1000);
    const { code, verifier } = await server.signInForCode(app, { scope: 'offline_access api:read' });
    const issue = await practiceCodeIssue(server.db, fingerprint(code));
    expect(issue).toMatchObject({
      scopes: expect.arrayContaining(['offline_access', 'api:read']),
      codeChallenge: s256(verifier),
      clientId: app.clientId,
    });
    expect(issue!.issuedAt).toBeGreaterThanOrEqual(before - 1);
    expect(issue!.expiresAt - issue!.issuedAt).toBe(5 * 60);
    expect(await practiceCodeIssue(server.db, fingerprint('never-issued'))).toBeNull();
    expect(await practiceCodeIssue(server.db, 'not a fingerprint')).toBeNull();

    // The redirect step keeps it in its artefact; on the learner's own server only the fingerprint.
    expect(await capturedCode(kindContext(), code)).toEqual({
      codeFingerprint: fingerprint(code),
      issuedAt: issue!.issuedAt,
      expiresAt: issue!.expiresAt,
      scopes: issue!.scopes,
      codeChallenge: s256(verifier),
    });
    expect(await capturedCode(kindContext('custom'), code)).toEqual({ codeFingerprint: fingerprint(code) });
  });

  it("lists a login's tokens by its grant, and the refresh step's lookup tells when it was refreshed", async () => {
    const app = await server.createApp({ ...WITH_REFRESH, refreshTokenRotation: 'rotate' });
    const { code, verifier, redirectUri } = await server.signInForCode(app, { scope: 'offline_access api:read' });
    const first = await tokenRequest(server, app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(first.status).toBe(200);
    const firstRefresh = String(first.body.refresh_token);
    const once = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: firstRefresh });
    expect(once.status).toBe(200);
    const twice = await tokenRequest(server, app, { grant_type: 'refresh_token', refresh_token: String(once.body.refresh_token) });
    expect(twice.status).toBe(200);

    const jti = String(decodeJwt(String(first.body.access_token)).jti);
    const grantId = (await findTokenOrigin(server.db, jti))!.grantId!;
    const origins = await listTokenOriginsOfGrant(server.db, grantId);
    // Tokens issued in the same second keep no order between them.
    expect(origins.map((origin) => origin.grantType).sort()).toEqual(['authorization_code', 'refresh_token', 'refresh_token']);
    expect(await listTokenOriginsOfGrant(server.db, 'no-such-grant')).toEqual([]);

    const summary = { jti, refreshTokenFingerprint: fingerprint(firstRefresh) } as TokenSummary;
    const lookup = loginRefreshesLookup(kindContext(), summary, async () => 'rotate');
    const refreshes = await lookup!();
    expect(refreshes).toMatchObject({ rotation: 'rotate', refreshTokenFingerprint: fingerprint(firstRefresh) });
    expect(refreshes!.refreshedAt).toHaveLength(2);
    expect(refreshes!.refreshedAt[0]!.getTime()).toBeLessThanOrEqual(refreshes!.refreshedAt[1]!.getTime());
    expect(loginRefreshesLookup(kindContext('custom'), summary, async () => null)).toBeUndefined();
  });
});
