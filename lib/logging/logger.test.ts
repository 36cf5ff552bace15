import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './logger';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

describe('logger', () => {
  it('redacts secret-shaped fields at any of the first levels', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        code: 'auth-code-value',
        req: { headers: { authorization: 'Basic c2VjcmV0', cookie: 'oauthlab_sid=abc', 'set-cookie': 'x=y', accept: 'text/html' } },
        body: { client_secret: 'shh', refresh_token: 'rt-value', nested: { access_token: 'at-value', password: 'pw' } },
      },
      'a request',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['auth-code-value', 'c2VjcmV0', 'oauthlab_sid=abc', 'x=y', 'shh', 'rt-value', 'at-value', '"pw"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('text/html');
    expect(text).toContain('[redacted]');
  });

  it('honours the level', () => {
    const { logger, lines } = capture('warn');
    logger.info('not written');
    logger.warn('written');
    expect(lines.map((line) => line.msg)).toEqual(['written']);
  });

  it('writes nothing when silent', () => {
    const { logger, lines } = capture('silent');
    logger.error('nothing');
    expect(lines).toEqual([]);
  });
});

describe('redactUrl', () => {
  it.each([
    ['/redirect?code=abc&state=xyz&iss=http%3A%2F%2Fx', '/redirect?code=[redacted]&state=[redacted]&iss=http%3A%2F%2Fx'],
    ['/oauth2/default/interaction/uid-123?x=1', '/oauth2/default/interaction/[redacted]?x=1'],
    // The authorization endpoint's resume URL carries the same interaction id (issue 18).
    ['/oauth2/default/v1/authorize/uid-123', '/oauth2/default/v1/authorize/[redacted]'],
    ['/oauth2/default/v1/authorize?client_id=a&state=s', '/oauth2/default/v1/authorize?client_id=a&state=[redacted]'],
    ['/oauth2/default/v1/authorize?client_id=0oa1&Code_Verifier=v', '/oauth2/default/v1/authorize?client_id=0oa1&Code_Verifier=[redacted]'],
    ['/resume/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', '/resume/[redacted]'],
    ['/api/health', '/api/health'],
    ['/x?%E0%A4%A=1', '/x?%E0%A4%A=1'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
