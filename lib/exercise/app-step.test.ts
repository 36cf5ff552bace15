import { describe, expect, it } from 'vitest';
import { checkOwnAppClientId } from './app-step';

const codes = (raw: string) => checkOwnAppClientId(raw, '0oaWEBAPP123').results.map((r) => r.code ?? 'pass');

describe("the own server's app client ID", () => {
  it('accepts what servers hand out, trimmed', () => {
    expect(codes(' 0oa8f2k1LqWzXc3Rv5d7 ')).toEqual(['pass']);
    expect(codes('my-service@realm')).toEqual(['pass']);
    expect(codes('Zx7Qk2LmN4pR8sT1vW3yA5bC6dE9fG0h')).toEqual(['pass']);
  });
  it('names an empty field, a placeholder, spaces and the web app’s id', () => {
    expect(codes('   ')).toEqual(['app.client_id_missing']);
    expect(codes('{clientId}')).toEqual(['app.client_id_invalid']);
    expect(codes('YOUR_CLIENT_ID')).toEqual(['app.client_id_invalid']);
    expect(codes('0oa8f2 k1Lq')).toEqual(['app.client_id_invalid']);
    expect(codes('0oa8f2\u200bk1Lq')).toEqual(['app.client_id_invalid']);
    expect(codes('0oaWEBAPP123')).toEqual(['app.same_as_web_app']);
  });
  it('stays linear on 64 KiB', () => {
    const started = performance.now();
    checkOwnAppClientId('a'.repeat(64 * 1024), 'x');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
