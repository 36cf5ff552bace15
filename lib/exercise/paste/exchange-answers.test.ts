/** Answers read from the exchange a paste shows (issue 19, class 1): a 401's credentials, a redirect's target, a 405's method. */
import { describe, expect, it } from 'vitest';

import { answerResponsePaste } from './answers';
import { classifyPaste } from './classify';

const TOKEN = 'https://auth.example.com/v1/token';
const answer = (text: string, clientId?: string) =>
  answerResponsePaste(classifyPaste(text)!, { tokenEndpoint: TOKEN, practice: false, grant: 'authorization_code', clientId });
const verbose401 = (basic: string, user: string) =>
  [
    `$ curl -v -u ${user} -d grant_type=authorization_code ${TOKEN}`,
    '> POST /v1/token HTTP/1.1',
    `> Authorization: Basic ${basic}`,
    '>',
    '< HTTP/1.1 401 Unauthorized',
    '< WWW-Authenticate: Basic realm="auth"',
    '< Content-Length: 0',
    '<',
  ].join('\n');

describe('a 401 read with the Authorization header sent', () => {
  it('names empty credentials and the shell variables that were not set', () => {
    const result = answer(verbose401('Og==', '${client_id}:${client_secret}'));
    expect(result.code).toBe('paste.http_error');
    expect(result.message).toContain('an empty client ID and an empty client secret');
    expect(result.message).toContain('"${client_id}" and "${client_secret}" are not set');
    expect(result.message).toContain('WWW-Authenticate');
    expect(result.hint).toContain('Set them in this terminal');
    expect(result.hint).toContain("client_id='…' client_secret='…'");
  });

  it('names only the variable behind the empty side, and a swap of ID and secret without quoting the secret', () => {
    const secretOnly = answer(verbose401(btoa('0oa8f3k2EXAMPLE:'), '0oa8f3k2EXAMPLE:$CLIENT_SECRET'), '0oa8f3k2EXAMPLE');
    expect(secretOnly.message).toContain('"$CLIENT_SECRET" is not set');
    expect(secretOnly.hint).toContain("CLIENT_SECRET='…'");
    const swapped = answer(verbose401(btoa('Tq8vR2pLx5Nw3KsQq8vR2pLx5Nw3KsQ:0oa8f3k2EXAMPLE'), '"$SECRET:$ID"'), '0oa8f3k2EXAMPLE');
    expect(swapped.message).toContain('swapped');
    expect(swapped.message).not.toContain('Tq8vR2pLx5');
  });

  it('names another client ID, and a refused secret by its length only', () => {
    const other = answer(verbose401(btoa('0oaOTHER:abcdef'), '0oaOTHER:abcdef'), '0oa8f3k2EXAMPLE');
    expect(other.message).toContain('client ID "0oaOTHER"');
    expect(other.message).toContain('"0oa8f3k2EXAMPLE"');
    const refused = answer(verbose401(btoa('0oa8f3k2EXAMPLE:abcdef'), 'x'), '0oa8f3k2EXAMPLE');
    expect(refused.message).toContain('a secret of 6 characters');
    expect(refused.message).not.toContain('abcdef');
  });
});

describe('a redirect', () => {
  it('to a login page: the address is not the token endpoint', () => {
    const result = answer(
      `$ curl -i -X POST https://auth.example.com/oauth/token -d a=b\nHTTP/1.1 302 Found\nLocation: https://auth.example.com/login\nContent-Length: 0`,
    );
    expect(result.message).toContain('a login page for a browser');
    expect(result.message).toContain('"/oauth/token" is not your server');
    expect(result.hint).toContain(TOKEN);
  });

  it('to https: the command used http://', () => {
    const result = answer(
      `$ curl -i -X POST http://auth.example.com/v1/token -d a=b\nHTTP/1.1 301 Moved Permanently\nLocation: ${TOKEN}\n`,
    );
    expect(result.message).toContain('only answers on https://');
  });
});

describe('a 405 read with the request line', () => {
  it('names the GET and the parameters in the query', () => {
    const result = answer(
      `$ curl -v "${TOKEN}?grant_type=authorization_code&code=abc&client_secret=s3cret"\n> GET /v1/token?grant_type=authorization_code&code=abc&client_secret=s3cret HTTP/2\n>\n< HTTP/2 405\n< allow: POST\n<`,
    );
    expect(result.message).toContain('405 Method Not Allowed');
    expect(result.message).toContain('sent GET "/v1/token" with its 3 parameters in the URL');
    expect(result.message).not.toContain('s3cret');
    expect(result.hint).toContain('-d name=value');
  });
});
