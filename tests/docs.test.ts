/** Documents the project owns stay true to the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCodesMarkdown } from '@/lib/docs/codes-markdown';
import { DIAGNOSIS_CODES } from '@/lib/exercise/codes';

describe('docs/diagnosis-codes.md', () => {
  it('is what lib/exercise/codes.ts generates (run `npm run docs:codes` after changing a code)', () => {
    expect(readFileSync('docs/diagnosis-codes.md', 'utf8')).toBe(renderCodesMarkdown());
  });

  it('lists every code', () => {
    const text = readFileSync('docs/diagnosis-codes.md', 'utf8');
    for (const code of DIAGNOSIS_CODES) expect(text).toContain(`\`${code}\``);
  });
});
