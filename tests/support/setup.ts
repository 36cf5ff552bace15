import { afterEach, beforeEach, vi } from 'vitest';

// A test that logs an unexpected console.error fails (an error nobody asserted on is a bug).
let errorSpy: { mock: { calls: unknown[][] }; mockRestore(): void } | undefined;

beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (calls.length > 0) {
    throw new Error(`Unexpected console.error:\n${calls.map((args) => args.map((arg) => String(arg)).join(' ')).join('\n')}`);
  }
});
