import { afterEach, beforeEach, vi } from 'vitest';
import { getLogger } from '@/lib/logging/logger';

// Tests keep stdout for the test runner: the structured logger writes nothing unless asked.
process.env.LOG_LEVEL ??= 'silent';

// A test that logs an unexpected error fails (an error nobody asserted on is a bug), whether
// it goes through console.error or the structured logger. A test that expects one spies on
// the same method itself and restores it.
type Spy = { mock: { calls: unknown[][] }; mockRestore(): void };
let spies: Spy[] = [];

beforeEach(() => {
  const logger = getLogger();
  spies = [vi.spyOn(console, 'error'), vi.spyOn(logger, 'error'), vi.spyOn(logger, 'fatal')];
});

afterEach(() => {
  const calls = spies.flatMap((spy) => spy.mock.calls);
  for (const spy of spies) spy.mockRestore();
  if (calls.length > 0) {
    throw new Error(
      `Unexpected error logged:\n${calls.map((args) => args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')).join('\n')}`,
    );
  }
});
