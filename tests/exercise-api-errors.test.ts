/**
 * The exercise API's refusals (docs/api.md): malformed calls 400, no session 401, unknown step
 * 404, missing prerequisite 409, oversized body 413, too many checks 429 — always as
 * `{ error: { code, message } }` — and each learner's progress kept to themselves.
 * Real route handlers, real Requests, a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as postStep } from '@/app/api/exercise/[step]/route';
import { GET as getProgress } from '@/app/api/progress/route';
import { closeDb } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { MAX_BODY_BYTES } from '@/lib/http/api';
import { getLogger } from '@/lib/logging/logger';
import { useTempDatabase } from './support/db';
import { apiRequest, learnerCookie } from './support/requests';
import { callStep, check, expectApiError, failingCodesOf, readProgress, resetProgress } from './support/exercise-api';

const TWO_MB = 2 * 1024 * 1024;

/** A learner who has chosen the practice server. */
async function learnerAfterSetup(): Promise<ReturnType<typeof learnerCookie>> {
  const learner = learnerCookie();
  expect((await check('setup', learner.cookie, { mode: 'practice' })).status).toBe('pass');
  return learner;
}

describe('exercise API: errors and isolation', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  beforeAll(async () => {
    temp = await useTempDatabase();
  });
  afterAll(() => temp.cleanup());

  describe('400 for malformed calls', () => {
    it.each([
      ['truncated JSON', 'authorize-url', '{"url": "https://example.com'],
      ['not JSON at all', 'token-response', 'access_token=abc'],
      ['an empty body', 'setup', ''],
    ])('answers 400 bad_request for %s', async (_name, step, body) => {
      const { cookie } = await learnerAfterSetup();
      const response = await callStep(step, { cookie, body, headers: { 'content-type': 'application/json' } });
      await expectApiError(response, 400, 'bad_request');
    });

    // docs/api.md: "a body not sent as JSON" is a 400 — a body that is not declared as JSON is one.
    it.each([
      ['text/plain', { 'content-type': 'text/plain' }],
      ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['no content type', {}],
    ])('answers 400 bad_request for a JSON body sent as %s', async (_name, headers) => {
      const { cookie } = await learnerAfterSetup();
      const response = await callStep('authorize-url', { cookie, body: JSON.stringify({ url: 'https://example.com' }), headers });
      const error = await expectApiError(response, 400, 'bad_request');
      expect(error.message).toContain('application/json');
    });

    it('accepts application/json with a charset', async () => {
      const { cookie } = await learnerAfterSetup();
      const response = await callStep('authorize-url', {
        cookie,
        body: JSON.stringify({ url: '' }),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(response.status).toBe(200);
      expect(failingCodesOf((await response.json()) as Parameters<typeof failingCodesOf>[0])).toEqual(['input.empty']);
    });

    it.each([
      ['setup', 'a missing mode', {}, 'mode'],
      ['setup', 'a custom server without issuer', { mode: 'custom', clientId: 'abc' }, 'issuer'],
      ['authorize-url', 'a missing url', {}, 'url'],
      ['token-response', 'a missing response', {}, 'response'],
      ['refresh-response', 'a misnamed field', { text: '{}' }, ''],
      ['setup', 'an extra field', { mode: 'practice', issuer: 'https://example.com' }, ''],
      ['authorize-url', 'an extra field', { url: 'https://example.com', state: 'x' }, ''],
      ['token-response', 'an extra field', { response: '{}', grant: 'authorization_code' }, ''],
      ['redirect', 'both a url and a code', { url: 'https://example-app.com/redirect?code=a&state=b', code: 'a' }, ''],
      ['setup', 'an unknown mode', { mode: 'own' }, 'mode'],
      ['authorize-url', 'a number as url', { url: 42 }, 'url'],
      ['token-response', 'an object as response', { response: { access_token: 'abc' } }, 'response'],
      ['refresh-response', 'null as response', { response: null }, 'response'],
      ['redirect', 'a number as code', { code: 123, state: 'abc' }, ''],
      ['authorize-url', 'an array body', ['https://example.com'], ''],
      ['token-response', 'a null body', null, ''],
      ['token-response', 'a JSON string body', '{"access_token":"abc"}', ''],
      ['authorize-url', 'a url past its 16,000 characters', { url: `https://example.com/?${'a'.repeat(16_001)}` }, 'url'],
    ])('answers 400 bad_request to %s with %s', async (step, _name, json, field) => {
      const { cookie } = await learnerAfterSetup();
      const error = await expectApiError(await callStep(step, { cookie, json }), 400, 'bad_request');
      expect(error.message).toContain(field);
    });

    it('records no attempt for a refused call', async () => {
      const { cookie, learnerId } = await learnerAfterSetup();
      await expectApiError(await callStep('authorize-url', { cookie, json: { url: 1 } }), 400, 'bad_request');
      const progress = await readProgress(cookie);
      expect(progress.steps['authorize-url']).toEqual({ status: 'pending', attempts: 0 });
      const rows = await temp.db.selectFrom('exercise_attempts').select('step').where('learner_id', '=', learnerId).execute();
      expect(rows.map((r) => r.step)).toEqual(['setup']);
    });
  });

  it('answers 404 JSON for an unknown step', async () => {
    const { cookie } = learnerCookie();
    for (const step of ['nope', 'constructor', '__proto__', 'Setup']) {
      const error = await expectApiError(await callStep(step, { cookie, json: {} }), 404, 'not_found');
      expect(error.message).toContain('authorize-url');
    }
  });

  describe('a visitor without a valid session gets one on the spot', () => {
    it.each([
      ['no cookie', undefined],
      ['a tampered cookie', 'oauthlab_sid=00000000-0000-4000-8000-000000000000.forged-signature'],
    ])('with %s: a new signed session cookie, and the call is answered for the new learner', async (_name, cookie) => {
      const setup = await callStep('setup', { cookie, json: { mode: 'practice' } });
      expect(setup.status).toBe(200);
      const setCookie = setup.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^oauthlab_sid=[^;]+; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
      expect(setCookie).not.toContain('00000000-0000-4000-8000-000000000000');
      // The forged learner id was not used: nothing was recorded for it.
      const forged = await temp.db
        .selectFrom('exercise_attempts')
        .select('id')
        .where('learner_id', '=', '00000000-0000-4000-8000-000000000000')
        .execute();
      expect(forged).toEqual([]);
      // The new session carries the progress.
      const progress = await (await getProgress(apiRequest('/api/progress', { cookie: setCookie.split(';')[0] }))).json();
      expect(progress.steps.setup).toEqual({ status: 'pass', attempts: 1 });
      // Without a cookie, later steps are a 409 (no server chosen yet), not a 401 or 500.
      await expectApiError(await callStep('authorize-url', { cookie, json: { url: 'x' } }), 409, 'conflict');
      const empty = await getProgress(apiRequest('/api/progress', { cookie }));
      expect(empty.status).toBe(200);
      expect(empty.headers.get('set-cookie')).toMatch(/^oauthlab_sid=/);
    });

    it('refuses a cross-site state change (CSRF) with 403', async () => {
      const { cookie } = learnerCookie();
      const response = await callStep('setup', { cookie, json: { mode: 'practice' }, headers: { origin: 'https://evil.example' } });
      await expectApiError(response, 403, 'forbidden');
    });
  });

  describe('409 for a step before its prerequisite', () => {
    it.each([
      ['authorize-url', { url: 'http://localhost:3999/oauth2/default/v1/authorize?response_type=code' }],
      ['redirect', { code: 'abc', state: 'def' }],
      ['redirect', { url: 'http://localhost:3999/redirect?code=abc&state=def' }],
      ['token-response', { response: '{"access_token":"abc","token_type":"Bearer"}' }],
      ['refresh-response', { response: '{"access_token":"abc","token_type":"Bearer"}' }],
    ])('answers 409 conflict for %s before setup, and records nothing', async (step, json) => {
      const { cookie, learnerId } = learnerCookie();
      const error = await expectApiError(await callStep(step, { cookie, json }), 409, 'conflict');
      expect(error.message).toMatch(/setup/i);
      const rows = await temp.db.selectFrom('exercise_attempts').select('id').where('learner_id', '=', learnerId).execute();
      expect(rows).toEqual([]);
    });

    it('answers 409 again after a reset, since the reset forgets the chosen server', async () => {
      const { cookie } = await learnerAfterSetup();
      await resetProgress(cookie);
      await expectApiError(await callStep('authorize-url', { cookie, json: { url: 'x' } }), 409, 'conflict');
    });

    it('reports (200, not 409) the later prerequisites the checks themselves explain', async () => {
      const { cookie } = await learnerAfterSetup();
      const redirect = await check('redirect', cookie, { code: 'abc', state: 'def' });
      expect(failingCodesOf(redirect)).toContain('redirect.no_authorize_step');
      const refresh = await check('refresh-response', cookie, { response: '{"error":"invalid_grant"}' });
      expect(failingCodesOf(refresh)).toEqual(expect.arrayContaining(['refresh.no_first_response', 'response.error']));
    });
  });

  describe('413 for a 2 MB paste', () => {
    const hugePaste = () => JSON.stringify({ response: `{"access_token":"${'a'.repeat(TWO_MB)}"}` });

    it('refuses it from its Content-Length header', async () => {
      const { cookie } = await learnerAfterSetup();
      const body = hugePaste();
      const response = await callStep('token-response', {
        cookie,
        body,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      });
      const error = await expectApiError(response, 413, 'payload_too_large');
      expect(error.message).toContain(String(MAX_BODY_BYTES));
    });

    it('refuses a streamed body without Content-Length, and stops reading it early', async () => {
      const { cookie } = await learnerAfterSetup();
      const bytes = new TextEncoder().encode(hugePaste());
      const chunk = 16 * 1024;
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled * chunk >= bytes.byteLength) {
            controller.close();
            return;
          }
          controller.enqueue(bytes.subarray(pulled * chunk, (pulled + 1) * chunk));
          pulled += 1;
        },
      });
      const request = new Request('http://localhost:3999/api/exercise/refresh-response', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: stream,
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(request.headers.get('content-length')).toBeNull();
      const response = await postStep(request, { params: Promise.resolve({ step: 'refresh-response' }) });
      await expectApiError(response, 413, 'payload_too_large');
      // 64 KiB is five 16 KiB chunks past the limit at most (plus the stream's read-ahead).
      expect(pulled * chunk).toBeLessThan(MAX_BODY_BYTES + 4 * chunk);
    });

    it('refuses it on every check endpoint, and records no attempt', async () => {
      const { cookie, learnerId } = await learnerAfterSetup();
      const big = 'x'.repeat(TWO_MB);
      const bodies: [string, unknown][] = [
        ['setup', { mode: 'custom', issuer: big, clientId: 'a' }],
        ['authorize-url', { url: big }],
        ['redirect', { url: big }],
        ['token-response', { response: big }],
        ['refresh-response', { response: big }],
      ];
      for (const [step, json] of bodies) {
        await expectApiError(await callStep(step, { cookie, json }), 413, 'payload_too_large');
      }
      const rows = await temp.db.selectFrom('exercise_attempts').select('step').where('learner_id', '=', learnerId).execute();
      expect(rows.map((r) => r.step)).toEqual(['setup']);
    });

    it('still checks a paste just under the limit', async () => {
      const { cookie } = await learnerAfterSetup();
      const response = await callStep('token-response', { cookie, json: { response: `{"access_token": "${'a'.repeat(60_000)}"` } });
      expect(response.status).toBe(200);
      expect(failingCodesOf((await response.json()) as Parameters<typeof failingCodesOf>[0])).toContain('json.invalid');
    });
  });

  describe('429 after too many checks', () => {
    const saved = process.env.RATE_LIMIT_CHECKS_PER_MINUTE;
    beforeAll(() => {
      // A limit no other test uses: limiters are keyed by their limit, so this one starts fresh.
      process.env.RATE_LIMIT_CHECKS_PER_MINUTE = '3';
      resetEnvCache();
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.RATE_LIMIT_CHECKS_PER_MINUTE;
      else process.env.RATE_LIMIT_CHECKS_PER_MINUTE = saved;
      resetEnvCache();
    });

    it('answers 429 with Retry-After once a learner exceeds RATE_LIMIT_CHECKS_PER_MINUTE, and only for that learner', async () => {
      const { cookie } = learnerCookie();
      expect((await callStep('setup', { cookie, json: { mode: 'practice' } })).status).toBe(200);
      expect((await callStep('authorize-url', { cookie, json: { url: 'x' } })).status).toBe(200);
      // Refused calls count too: the limit protects the server, whatever the body.
      expect((await callStep('token-response', { cookie, body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);

      const limited = await callStep('authorize-url', { cookie, json: { url: 'x' } });
      const retryAfter = Number(limited.headers.get('retry-after'));
      await expectApiError(limited, 429, 'rate_limited');
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await readProgress(cookie)).steps['authorize-url'].attempts).toBe(1);

      const other = learnerCookie();
      expect((await callStep('setup', { cookie: other.cookie, json: { mode: 'practice' } })).status).toBe(200);
    });
  });

  describe('isolation between learners', () => {
    it("B neither sees nor changes A's progress", async () => {
      const a = await learnerAfterSetup();
      const authorize = await check('authorize-url', a.cookie, { url: 'https://example.com/' });
      expect(authorize.status).toBe('fail');
      const before = await readProgress(a.cookie);

      const b = learnerCookie();
      const seenByB = await readProgress(b.cookie);
      expect(seenByB).toMatchObject({ provider: null, completedAt: null, stepsDone: 0 });
      expect(Object.values(seenByB.steps).every((s) => s.status === 'pending' && s.attempts === 0)).toBe(true);

      // B's calls act on B only: with A's setup done, B still has no server chosen.
      await expectApiError(await callStep('authorize-url', { cookie: b.cookie, json: { url: 'x' } }), 409, 'conflict');
      await resetProgress(b.cookie);
      expect(await readProgress(a.cookie)).toEqual(before);
    });

    it('DELETE /api/progress resets only the caller, clears the steps and keeps the attempt log', async () => {
      const a = await learnerAfterSetup();
      const c = await learnerAfterSetup();
      await check('authorize-url', a.cookie, { url: 'https://example.com/' });
      await check('authorize-url', c.cookie, { url: 'https://example.com/' });
      const cBefore = await readProgress(c.cookie);

      const reset = await resetProgress(a.cookie);
      expect(reset).toMatchObject({ provider: null, completedAt: null, stepsDone: 0, currentStep: 'setup' });
      expect(Object.values(reset.steps).every((s) => s.status === 'pending' && s.attempts === 0)).toBe(true);
      expect(await readProgress(a.cookie)).toEqual(reset);
      expect(await readProgress(c.cookie)).toEqual(cBefore);

      const steps = await temp.db.selectFrom('exercise_steps').select('step').where('learner_id', '=', a.learnerId).execute();
      expect(steps).toEqual([]);
      const progressRow = await temp.db
        .selectFrom('exercise_progress')
        .select('learner_id')
        .where('learner_id', '=', a.learnerId)
        .execute();
      expect(progressRow).toEqual([]);
      const attempts = await temp.db
        .selectFrom('exercise_attempts')
        .select(['step', 'status'])
        .where('learner_id', '=', a.learnerId)
        .orderBy('created_at')
        .execute();
      expect(attempts.map((r) => r.step).sort()).toEqual(['authorize-url', 'setup']);

      // Starting again counts from zero, and the log keeps growing.
      await check('setup', a.cookie, { mode: 'practice' });
      expect((await readProgress(a.cookie)).steps.setup).toEqual({ status: 'pass', attempts: 1 });
      const after = await temp.db.selectFrom('exercise_attempts').select('id').where('learner_id', '=', a.learnerId).execute();
      expect(after).toHaveLength(3);
    });
  });

  describe("a learner's odd paste is a fail report, never an error", () => {
    const jwt = (header: unknown, payload: unknown) =>
      `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
    it.each([
      ['authorize-url', { url: 'http://[::1' }],
      ['authorize-url', { url: 'javascript:alert(1)' }],
      ['authorize-url', { url: 'http://localhost:3999/oauth2/default/v1/authorize?scope=%E0%A4%A&state=%' }],
      ['redirect', { url: 'http://localhost:3999/redirect?code=%&state=%E0' }],
      ['redirect', { error: '<script>alert(1)</script>', error_description: '\u0000' }],
      ['redirect', { code: '', state: '' }],
      ['token-response', { response: '['.repeat(10_000) }],
      ['token-response', { response: '{"error":{"message":5}}' }],
      ['token-response', { response: `{"access_token":"${jwt('x', null)}"}` }],
      [
        'token-response',
        {
          response: `{"access_token":"${jwt({ alg: 'RS256', kid: 'k' }, { iss: 1, sub: {}, exp: 'x', iat: [], scp: 5 })}","expires_in":1e400}`,
        },
      ],
      ['refresh-response', { response: `{"access_token":"${jwt({ alg: 'none' }, {})}","token_type":"DPoP"}` }],
      ['refresh-response', { response: 'HTTP/1.1 400 Bad Request\r\n\r\n{"error":"invalid_grant"}' }],
    ])('%s with %j answers 200 with a failing report', async (step, json) => {
      const { cookie } = await learnerAfterSetup();
      const report = await check(step as Parameters<typeof check>[0], cookie, json);
      expect(report.status).toBe('fail');
      expect(failingCodesOf(report).length).toBeGreaterThan(0);
    });
  });

  it('answers an outage with a generic 500 in the same envelope, logging the cause but never sending it', async () => {
    const errors = vi.spyOn(getLogger(), 'error').mockImplementation(() => {});
    const saved = process.env.DATABASE_URL;
    const { cookie } = learnerCookie();
    try {
      await closeDb();
      // A folder where the database file should be, or a port nobody listens on: opening it fails.
      process.env.DATABASE_URL = temp.brokenUrl;
      resetEnvCache();
      const response = await getProgress(apiRequest('/api/progress', { cookie }));
      const error = await expectApiError(response, 500, 'internal_error');
      expect(error.message).not.toMatch(/sqlite|database|open|file/i);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]?.[1]).toBe('unhandled API error');
    } finally {
      process.env.DATABASE_URL = saved;
      resetEnvCache();
      await closeDb();
      errors.mockRestore();
    }
    expect((await readProgress(cookie)).stepsDone).toBe(0);
  });
});
