import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STORED_CLAIMS_BYTES, SHOWN_CLAIMS, toStoredClaims } from './stored-claims';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('toStoredClaims', () => {
  it('keeps only the claims the timeline shows', () => {
    expect(toStoredClaims({ iss: 'https://x', sub: 'u', jti: 'j', secret: 'no', scp: ['api:read'] })).toEqual({
      iss: 'https://x',
      sub: 'u',
      scp: ['api:read'],
    });
    expect(toStoredClaims({ jti: 'j' })).toBeNull();
    expect(toStoredClaims(null)).toBeNull();
  });

  it('cuts a 60 KB claim down (issue 8: one check stored 39 KB of claims)', () => {
    const stored = toStoredClaims({
      iss: 'i'.repeat(60_000),
      scp: Array.from({ length: 5000 }, (_, i) => `scope-${i}-${'x'.repeat(50)}`),
      sub: { nested: 'x'.repeat(9000) },
    });
    expect(bytes(stored)).toBeLessThanOrEqual(MAX_STORED_CLAIMS_BYTES);
    expect(String(stored?.iss).length).toBeLessThanOrEqual(200);
  });

  it('never stores more than 4 KiB, whatever the claims', () => {
    const claimValue = fc.oneof(
      fc.string({ maxLength: 3000, unit: 'binary' }),
      fc.double(),
      fc.array(fc.string({ maxLength: 500, unit: 'grapheme' }), { maxLength: 200 }),
      fc.object(),
    );
    fc.assert(
      fc.property(fc.record(Object.fromEntries(SHOWN_CLAIMS.map((name) => [name, claimValue])), { requiredKeys: [] }), (payload) => {
        expect(bytes(toStoredClaims(payload as Record<string, unknown>))).toBeLessThanOrEqual(MAX_STORED_CLAIMS_BYTES);
      }),
      { numRuns: 150 },
    );
  });
});
