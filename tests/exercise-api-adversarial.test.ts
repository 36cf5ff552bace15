/**
 * Hostile input through the exercise API (issue 8): adversarial pastes of up to 64 KiB and
 * arbitrary bodies to every check endpoint are answered with a report or a 4xx refusal,
 * never a 500. Real route handlers, real Requests, a real SQLite file.
 */
import fc from 'fast-check';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSIS_CODES } from '@/lib/exercise/codes';
import { MAX_BODY_BYTES } from '@/lib/http/api';
import { ADVERSARIAL_FAMILIES, fitBody, KIB } from './support/adversarial';
import { useTempDatabase } from './support/db';
import { callStep, check, type ReportJson } from './support/exercise-api';
import { learnerCookie } from './support/requests';

const STEPS = ['setup', 'authorize-url', 'redirect', 'token-response', 'refresh-response'] as const;
const KNOWN_CODES = new Set<string>(DIAGNOSIS_CODES);

/** What each step takes, wrapping a pasted text. Setup's issuer always fails its input check (no network). */
const BODY: Record<(typeof STEPS)[number], (text: string) => unknown> = {
  setup: (text) => ({
    mode: 'custom',
    issuer: `https://{x}/${text}`.slice(0, 2000),
    clientId: text.slice(0, 500),
    redirectUri: text.slice(0, 2000),
  }),
  'authorize-url': (text) => ({ url: `http://localhost:3999/oauth2/default/v1/authorize?${text}`.slice(0, 16_000) }),
  redirect: (text) => ({ url: `http://localhost:3999/redirect?${text}`.slice(0, 16_000) }),
  'token-response': (text) => ({ response: text }),
  'refresh-response': (text) => ({ response: text }),
};

/** Answered without a 500: a well-formed report (200) or the API's refusal envelope (4xx). */
async function expectNoServerError(response: Response, step: string): Promise<void> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  const body = JSON.parse(text) as ReportJson | { error: { code: string; message: string } };
  if (response.status !== 200) {
    expect(Object.keys(body)).toEqual(['error']);
    return;
  }
  const report = body as ReportJson;
  expect(report.step).toBe(step);
  expect(report.status).toBe(report.results.some((r) => r.status === 'fail') ? 'fail' : 'pass');
  for (const r of report.results) {
    expect(r.message.length).toBeGreaterThan(0);
    if (r.status !== 'pass') expect(KNOWN_CODES.has(r.code ?? '')).toBe(true);
  }
}

describe('exercise API: hostile input', () => {
  let temp: Awaited<ReturnType<typeof useTempDatabase>>;
  let cookie: string;

  beforeAll(async () => {
    temp = await useTempDatabase({ RATE_LIMIT_CHECKS_PER_MINUTE: '1000000', RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '1000000' });
    cookie = learnerCookie().cookie;
    expect((await check('setup', cookie, { mode: 'practice' })).status).toBe('pass');
  });
  afterAll(() => temp.cleanup());

  describe.each(STEPS.filter((step) => step !== 'setup'))('POST /api/exercise/%s', (step) => {
    it.each(ADVERSARIAL_FAMILIES.map((family) => family.name))('answers the %s family at the body limit without a 500', async (name) => {
      const family = ADVERSARIAL_FAMILIES.find((f) => f.name === name)!;
      const text = fitBody(family.make(64 * KIB), BODY[step], MAX_BODY_BYTES);
      const response = await callStep(step, { cookie, json: BODY[step](text) });
      expect(response.status).toBe(200);
      await expectNoServerError(response, step);
    });
  });

  it.each(['token-response', 'refresh-response'] as const)('answers a paste just over the body limit to %s with 413', async (step) => {
    const response = await callStep(step, { cookie, json: BODY[step]('a'.repeat(MAX_BODY_BYTES)) });
    expect(response.status).toBe(413);
  });

  it('answers a custom setup with adversarial fields without a 500 (and without touching the network)', async () => {
    const other = learnerCookie().cookie;
    for (const family of ADVERSARIAL_FAMILIES) {
      const response = await callStep('setup', { cookie: other, json: BODY.setup(family.make(2 * KIB)) });
      expect(response.status).toBe(200);
      await expectNoServerError(response, 'setup');
    }
  });

  it('answers any JSON body to any step with a report or a 4xx, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STEPS), fc.jsonValue({ maxDepth: 4 }), async (step, json) => {
        // A custom setup with a valid issuer would start discovery over the network: keep to refusals.
        const body = step === 'setup' && typeof json === 'object' && json !== null && !Array.isArray(json) ? { ...json, issuer: 1 } : json;
        await expectNoServerError(await callStep(step, { cookie, json: body }), step);
      }),
      { numRuns: 60 },
    );
  });

  it('answers arbitrary text in every field with a report or a 4xx, never a 500', async () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }).map((u) => u.repeat(4000)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STEPS), field, async (step, text) => {
        await expectNoServerError(await callStep(step, { cookie, json: BODY[step](text) }), step);
      }),
      { numRuns: 60 },
    );
  });

  it('answers raw bytes that are not JSON with a 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STEPS), fc.string({ unit: 'binary', maxLength: 200 }), async (step, body) => {
        const response = await callStep(step, { cookie, body, headers: { 'content-type': 'application/json' } });
        await expectNoServerError(response, step);
      }),
      { numRuns: 40 },
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an exp of 9e12', { exp: 9e12 }, 'access_token.time_claim_invalid'],
    ['an iat of -1e300', { iat: -1e300 }, 'access_token.time_claim_invalid'],
    ['an nbf of "soon"', { nbf: 'soon' }, 'access_token.time_claim_invalid'],
    ['an nbf an hour ahead', { nbf: Math.floor(Date.now() / 1000) + 3600 }, 'access_token.not_yet_valid'],
  ])('diagnoses a token with %s (a report, not a 500)', async (_name, claims, code) => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: 'http://localhost:3999/oauth2/default', iat: now, exp: now + 3600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-practice-key' })
      .sign(privateKey);
    for (const step of ['token-response', 'refresh-response'] as const) {
      const report = await check(step, cookie, {
        response: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }),
      });
      expect(report.results.map((r) => r.code)).toContain(code);
    }
  });
});
