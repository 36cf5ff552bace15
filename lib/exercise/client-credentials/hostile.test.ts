/**
 * 64 KiB of hostile text stays linear in the client credentials check (SPEC §8): the time at
 * 64 KiB is at most a few times the time at 16 KiB for each family, and nothing throws.
 */
import { describe, expect, it } from 'vitest';

import { checkClientCredentialsResponse } from './check';
import { ccCtx } from './test-support';
import { fastestRun } from '../shell-mistakes/fixtures/timing';
import { prepareKeys } from '../token/test-support';

prepareKeys();

const FAMILIES: Record<string, (n: number) => string> = {
  'one character': (n) => 'a'.repeat(n),
  'nested brackets': (n) => '['.repeat(n / 2) + ']'.repeat(n / 2),
  'many {': (n) => '{'.repeat(n),
  'many & and %': (n) => 'client_secret=x&'.repeat(n / 16),
  'spaces and tabs': (n) => ' \t'.repeat(n / 2) + '{}',
  'huge JWT segments': (n) => `{"access_token":"eyJ${'A'.repeat(n / 2)}.${'B'.repeat(n / 2 - 40)}.c","token_type":"Bearer"}`,
  'deep JSON': (n) => '{"a":'.repeat(n / 5),
  'a -u with a long secret': (n) => `curl -u id:${'s'.repeat(n)} -d grant_type=client_credentials\n{"error":"invalid_client"}`,
  'URLs with secrets': (n) => `curl "http://x/token?client_secret=${'s'.repeat(n)}"`,
  'long lines of dashes': (n) => `${'-u '.repeat(n / 3)}`,
  ellipses: (n) => '…aaaaaaaaa'.repeat(n / 10),
};

/** The fastest of five runs: the code's time, not a shared machine's pauses. */
const time = (text: string) => fastestRun(() => checkClientCredentialsResponse(text, ccCtx()), 5);

describe('hostile pastes', () => {
  it.each(Object.entries(FAMILIES))('%s stays linear', async (_name, make) => {
    const small = make(16 * 1024);
    const large = make(64 * 1024);
    await time(small); // warm up
    const t16 = await time(small);
    const t64 = await time(large);
    // 4× the text: linear is ~4× the time, quadratic 16×; allow 8×, plus a floor for timer
    // noise on tiny times (CI machines are shared: a 5× bound failed there on a pause).
    expect(t64).toBeLessThan(Math.max(8 * t16, 25));
  });
});
