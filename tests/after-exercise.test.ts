/**
 * What a learner does after the exercise (issue 11): call the practice API with the access
 * token, keep going in another browser with a resume link, share a completion record.
 * Real route handlers, the real practice server, a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPhotos } from '@/app/api/practice/photos/route';
import { POST as createRecord } from '@/app/api/progress/completion-record/route';
import { POST as resume } from '@/app/api/progress/resume/route';
import { POST as createResumeLink } from '@/app/api/progress/resume-link/route';
import { getDb } from '@/lib/db/client';
import { findCompletionRecord } from '@/lib/progress/completion-records';
import {
  check,
  completeJourneyOverApi,
  expectApiError,
  failingCodesOf,
  readProgress,
  resetProgress,
  tokenEndpoint,
  type CompletedJourney,
} from './support/exercise-api';
import { startPracticeServer, type PracticeServerHandle } from './support/practice-server';
import { apiRequest, learnerCookie } from './support/requests';

describe('after the exercise', () => {
  let server: PracticeServerHandle;
  let learner: ReturnType<typeof learnerCookie>;
  let journey: CompletedJourney;
  beforeAll(async () => {
    server = await startPracticeServer();
    learner = learnerCookie();
    journey = await completeJourneyOverApi(server, learner.cookie);
  }, 60_000);
  afterAll(() => server.stop());

  const photos = (authorization?: string) =>
    getPhotos(apiRequest('/api/practice/photos', { headers: authorization ? { authorization } : {} }));

  it("refuses the refresh step's response pasted at the code exchange, from the server's record of it (issue 19)", async () => {
    const report = await check('token-response', learner.cookie, { response: JSON.stringify(journey.refreshed) });
    expect(failingCodesOf(report)).toEqual(['access_token.from_refresh_grant']);
    expect(report.results[0]!.hint).toMatch(/Paste it in “Use the refresh token”/);
    // The finished exercise stays finished.
    expect((await readProgress(learner.cookie)).completedAt).not.toBeNull();
  });

  describe('GET /api/practice/photos', () => {
    it('answers the photo list to an access token with api:read, before and after the refresh', async () => {
      for (const token of [journey.first.access_token, journey.refreshed.access_token]) {
        const response = await photos(`Bearer ${token}`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { photos: unknown[]; scopes: string[]; requestedBy: { cid: string } };
        expect(body.photos.length).toBeGreaterThan(0);
        expect(body.scopes).toContain('api:read');
        expect(body.requestedBy.cid).toBe(journey.app.clientId);
      }
    });

    it.each([
      ['no Authorization header', undefined],
      ['a token that is not a JWT', 'Bearer not-a-token'],
      ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['a refresh token', 'Bearer REFRESH'],
    ])('answers 401 invalid_token to %s', async (_name, authorization) => {
      const response = await photos(authorization === 'Bearer REFRESH' ? `Bearer ${journey.first.refresh_token}` : authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_token');
    });

    it('answers 401 to a token whose signature was changed', async () => {
      const [header, payload] = journey.first.access_token.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(342)}`;
      expect((await photos(`Bearer ${forged}`)).status).toBe(401);
    });

    it('answers 403 insufficient_scope to a token without api:read', async () => {
      const app = await server.createApp({ grantTypes: ['authorization_code', 'refresh_token'] });
      const { code, verifier, redirectUri } = await server.signInForCode(app, { scope: 'openid offline_access' });
      const exchange = await tokenEndpoint(server.issuer, app, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      });
      const token = (JSON.parse(exchange.text) as { access_token: string }).access_token;
      const response = await photos(`Bearer ${token}`);
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toMatch(/error="insufficient_scope".*scope="api:read"/);
    });
  });

  describe('resume links', () => {
    it("open the learner's progress in another browser until the exercise is reset", async () => {
      const other = learnerCookie();
      const link = await createResumeLink(apiRequest('/api/progress/resume-link', { method: 'POST', cookie: learner.cookie }));
      expect(link.status).toBe(200);
      const { url, note } = (await link.json()) as { url: string; note: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/resume\/[A-Za-z0-9_-]{43}$/);
      expect(note).toMatch(/anyone with this link/i);
      const token = url.split('/').pop()!;

      // The other browser presses "Continue as this learner".
      const resumed = await resume(apiRequest('/api/progress/resume', { cookie: other.cookie, json: { token } }));
      expect(resumed.status).toBe(200);
      const cookie = resumed.headers.get('set-cookie')!.split(';')[0]!;
      expect(cookie).toMatch(/^oauthlab_sid=/);
      expect(await readProgress(cookie)).toEqual(await readProgress(learner.cookie));
      // The link's secret is stored only as a hash.
      const rows = await (await getDb()).selectFrom('resume_links').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);

      await resetProgress(learner.cookie);
      await expectApiError(await resume(apiRequest('/api/progress/resume', { cookie: other.cookie, json: { token } })), 404, 'not_found');
    });

    it('refuse a made-up token', async () => {
      await expectApiError(await resume(apiRequest('/api/progress/resume', { json: { token: 'x'.repeat(43) } })), 404, 'not_found');
    });
  });

  describe('completion records', () => {
    it('need a completed exercise, and hold no secret', async () => {
      const fresh = learnerCookie();
      await expectApiError(
        await createRecord(apiRequest('/api/progress/completion-record', { cookie: fresh.cookie, json: {} })),
        409,
        'conflict',
      );

      const done = learnerCookie();
      const completed = await completeJourneyOverApi(server, done.cookie);
      const response = await createRecord(
        apiRequest('/api/progress/completion-record', { cookie: done.cookie, json: { displayName: 'Ada' } }),
      );
      expect(response.status).toBe(201);
      const { url, record } = (await response.json()) as { url: string; record: { id: string; displayName: string; steps: string[] } };
      expect(url).toContain(`/completions/${record.id}`);
      expect(record.displayName).toBe('Ada');
      expect(record.steps).toHaveLength(6);
      const stored = JSON.stringify(await findCompletionRecord(await getDb(), record.id));
      for (const secret of [
        completed.app.clientId,
        completed.app.clientSecret,
        completed.first.access_token,
        completed.first.refresh_token,
        server.issuer,
      ]) {
        expect(stored).not.toContain(secret);
      }
    }, 60_000);
  });
});
