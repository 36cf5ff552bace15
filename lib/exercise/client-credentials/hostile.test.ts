/**
 * 64 KiB of hostile text stays linear in the client credentials check (SPEC §8): the time at
 * 64 KiB is at most a few times the time at 16 KiB for each family, and nothing throws.
 */
import { describe, expect, it } from 'vitest';

import { checkClientCredentialsResponse } from './check';
import { ccCtx } from './test-support';
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

async function time(text: string): Promise<number> {
  const start = performance.now();
  await checkClientCredentialsResponse(text, ccCtx());
  return performance.now() - start;
}

describe('hostile pastes', () => {
  it.each(Object.entries(FAMILIES))('%s stays linear', async (_name, make) => {
    const small = make(16 * 1024);
    const large = make(64 * 1024);
    await time(small); // warm up
    const t16 = Math.min(await time(small), await time(small));
    const t64 = Math.min(await time(large), await time(large));
    // 4× the text: allow 5× the time, plus a floor for timer noise on tiny times.
    expect(t64).toBeLessThan(Math.max(5 * t16, 15));
  });
});
