/** A challenge is decoded before its alphabet is judged (issue 19, class 4): hex text encoded again is named as such. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkAuthorizeUrl } from './index';
import { build, OKTA, withParams } from './test-support';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFXgjXk';
const hex = createHash('sha256').update(VERIFIER).digest('hex');
const challengeResult = (challenge: string) =>
  checkAuthorizeUrl(build(withParams({ code_challenge: challenge })), OKTA).results.find((r) => r.check === 'code_challenge')!;

describe('the challenge, decoded first', () => {
  it('names standard base64 of the hex text (88 characters) as hex encoded again, not only as the wrong alphabet', () => {
    const result = challengeResult(encodeURIComponent(Buffer.from(hex).toString('base64')));
    expect(result.code).toBe('code_challenge.malformed');
    expect(result.message).toContain('standard base64 encoding of a hex string');
    expect(result.hint).toContain('-binary');
  });

  it('names base64url of the hex text with a newline (echo without -n)', () => {
    const result = challengeResult(Buffer.from(`${hex}\n`).toString('base64url'));
    expect(result.code).toBe('code_challenge.malformed');
    expect(result.message).toContain('base64url encoding of a hex string');
  });

  it('names what openssl dgst and shasum print', () => {
    for (const printed of [`SHA2-256(stdin)= ${hex}`, `(stdin)= ${hex}`, `${hex}  -`]) {
      const result = challengeResult(encodeURIComponent(printed));
      expect(result.code, printed).toBe('code_challenge.malformed');
      expect(result.message).toContain('what the hashing command printed');
      expect(result.hint).toContain('openssl dgst -sha256 -binary');
    }
  });

  it('names the report openssl dgst printed without -binary, encoded (and wrapped by base64)', () => {
    const printed = Buffer.from(`SHA2-256(stdin)= ${hex}\n`).toString('base64url');
    const result = challengeResult(printed);
    expect(result.code).toBe('code_challenge.malformed');
    expect(result.message).toContain('SHA2-256(stdin)=');
    expect(result.hint).toContain('-binary');
  });

  it('still passes the real challenge', () => {
    const challenge = createHash('sha256').update(VERIFIER).digest('base64url');
    expect(challengeResult(challenge).status).toBe('pass');
  });
});
