/**
 * lib/exercise/properties.test.ts for the shell-mistakes module (issue 8, "Hostile input"):
 * whatever a learner pastes — any text up to 64 KiB, the known adversarial families — no
 * function throws, each answers its documented shape, and the token step that uses them
 * still answers a report with known codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ADVERSARIAL_FAMILIES, KIB } from '../../../tests/support/adversarial';
import { anyText, text } from '../properties-support';
import { DIAGNOSIS_CODES } from '../codes';
import { ctx, NOW } from '../token/test-support';
import { checkTokenResponse } from '../token/token-step';
import {
  BASIC_MISTAKES,
  basicCandidates,
  detectShell,
  diagnoseBasicHeader,
  diagnoseBasicUser,
  diagnoseChallenge,
  readPastedCommand,
  shellAdvice,
} from './index';
import { fastestRun } from './fixtures/timing';

const KNOWN = new Set<string>(DIAGNOSIS_CODES);
const MISTAKES = new Set<string>(BASIC_MISTAKES);

describe('any text', () => {
  it('detectShell, shellAdvice and readPastedCommand answer their shapes', () => {
    fc.assert(
      fc.property(text, (paste) => {
        const guess = detectShell(paste);
        if (guess.shell !== null) expect(shellAdvice(guess.shell).continueLine.length).toBeGreaterThan(0);
        const sent = readPastedCommand(paste, guess);
        for (const value of [sent.codeVerifier, sent.authorization, sent.user]) if (value !== null) expect(value.length).toBeLessThan(2100);
      }),
      { numRuns: 250 },
    );
  });

  it('diagnoseBasicHeader and diagnoseBasicUser name only known mistakes', () => {
    fc.assert(
      fc.property(text, anyText(20), fc.option(anyText(40)), (header, clientId, secret) => {
        for (const diagnosis of [diagnoseBasicHeader(header, clientId, secret), diagnoseBasicUser(header, clientId, secret)]) {
          if (diagnosis !== null) for (const m of diagnosis.mistakes) expect(MISTAKES.has(m)).toBe(true);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('every Basic candidate of any client (colons, quotes, control characters) is diagnosed without throwing', () => {
    fc.assert(
      fc.property(anyText(30), anyText(50), (clientId, secret) => {
        for (const { header } of basicCandidates(clientId, secret)) diagnoseBasicHeader(header, clientId, secret);
      }),
      { numRuns: 100 },
    );
  });

  it('diagnoseChallenge answers a diagnosis or null', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText(130), text), text, async (verifier, challenge) => {
        const diagnosis = await diagnoseChallenge(verifier, challenge);
        if (diagnosis !== null) expect(diagnosis.label.split('.')).toHaveLength(3);
      }),
      { numRuns: 60 },
    );
  });

  it('the token step with every lookup answers known codes around a refused PKCE check or client authentication', async () => {
    const errors = fc.constantFrom(
      '{"error":"invalid_grant","error_description":"PKCE verification failed."}',
      '{"error":"invalid_client"}',
      '{"error":"invalid_request","error_description":"invalid authorization header value format"}',
    );
    await fc.assert(
      fc.asyncProperty(text, errors, fc.option(anyText(60)), anyText(30), async (before, error, challenge, label) => {
        const report = await checkTokenResponse(`${before}\n${error}`, {
          ...ctx({ practice: true, codeChallenge: challenge }),
          lookupClientSecret: async () => 'secret',
          lookupRecipeMistake: async () => ({ label, recordedAt: NOW, sameCode: null }),
        });
        for (const r of report.results) if (r.status !== 'pass') expect(KNOWN.has(r.code ?? '')).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});

describe('the known adversarial families at 64 KiB, within 50 ms', () => {
  it.each(ADVERSARIAL_FAMILIES.map((family) => [family.name, family.make(64 * KIB)] as const))('%s', async (_name, paste) => {
    const ms = await fastestRun(async () => {
      readPastedCommand(paste, detectShell(paste));
      diagnoseBasicHeader(paste, paste, paste);
      diagnoseBasicUser(paste, paste, paste);
      await diagnoseChallenge(paste, paste);
    });
    expect(ms).toBeLessThan(50);
  });
});
