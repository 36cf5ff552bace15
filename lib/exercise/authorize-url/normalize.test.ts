import { describe, expect, it } from 'vitest';

import { normalizeUrlText } from './normalize';

describe('helpers', () => {
  it('normalizes the multi-line template to one line', () => {
    expect(normalizeUrlText(' https://a.example/x?\n  a=1\n  &b=2 \n')).toBe('https://a.example/x?a=1&b=2');
  });
});

// Issue 8, "Hostile input": a paste may be the worst case of its size. These guard that the
// work stays linear and the report stays readable, never how long it takes.
describe('checkAuthorizeUrl: hostile input', () => {
  const KIB = 1024;

  it('removes line breaks after 256 KiB of spaces and tabs in one pass (no regex backtracking over the run)', () => {
    expect(normalizeUrlText(`a${' \t'.repeat(128 * KIB)}b`)).toBe('ab');
    expect(normalizeUrlText(`a${' '.repeat(128 * KIB)}\n${'\t'.repeat(128 * KIB)}b`)).toBe('ab');
    // Still: line breaks vanish with their indentation; spaces inside a scope become %20.
    expect(normalizeUrlText('https://x.test/a?  \n  scope=a  b\r\n\t&state=s')).toBe('https://x.test/a?scope=a%20b&state=s');
  });
});
