/** What the pasted command shows about a refused token request (issue 19, class 5). */
import { describe, expect, it } from 'vitest';
import { explainFromCommand, sentValue } from './command-evidence';

const command = (...lines: string[]) => lines.join(' \\\n  ');

describe('sentValue', () => {
  it('reads -d, --data-urlencode and quoted values, and nothing else', () => {
    const paste = command(
      "$ curl -X POST 'http://localhost:3000/oauth2/default/v1/token'",
      '-d grant_type=refresh-token',
      "--data-urlencode 'redirect_uri=http://localhost:3000/redirect/'",
      '-d "code=abc"',
    );
    expect(sentValue(paste, 'grant_type')).toBe('refresh-token');
    expect(sentValue(paste, 'redirect_uri')).toBe('http://localhost:3000/redirect/');
    expect(sentValue(paste, 'code')).toBe('abc');
    expect(sentValue('{"error":"x","grant_type=oops"}', 'grant_type')).toBeNull();
    expect(sentValue('a'.repeat(70_000), 'grant_type')).toBeNull();
  });
});

describe('explainFromCommand', () => {
  it('names a misspelt grant_type instead of a generic unsupported grant', () => {
    const paste = `${command('curl -X POST http://localhost:3000/oauth2/default/v1/token', '-d grant_type=refresh-token')}\n{"error":"unsupported_grant_type"}`;
    const result = explainFromCommand(paste, { error: 'unsupported_grant_type' }, 'refresh_token', {})!;
    expect(result.message).toMatch(/grant_type="refresh-token"/);
    expect(result.message).toMatch(/one character differs/);
    expect(result.hint).toMatch(/grant_type=refresh_token/);
  });

  it('names the redirect_uri the command sent beside the authorization URL’s', () => {
    const paste = `${command('curl http://localhost:3000/oauth2/default/v1/token', '-d redirect_uri=http://localhost:3000/redirect/')}\n{}`;
    const result = explainFromCommand(
      paste,
      { error: 'invalid_grant', error_description: 'Incorrect redirect_uri' },
      'authorization_code',
      { redirectUri: 'http://localhost:3000/redirect' },
    )!;
    expect(result.message).toMatch(/a trailing slash/);
    expect(result.hint).toMatch(/Send redirect_uri=http:\/\/localhost:3000\/redirect exactly/);
  });

  it('says nothing when the command shows nothing wrong', () => {
    expect(explainFromCommand('{"error":"invalid_grant"}', { error: 'invalid_grant' }, 'refresh_token', {})).toBeNull();
    const same = command('curl x', '-d grant_type=refresh_token');
    expect(explainFromCommand(same, { error: 'unsupported_grant_type' }, 'refresh_token', {})).toBeNull();
  });
});

describe('the Basic header curl -v showed', () => {
  it('names empty credentials and the unset variables behind a refused client', () => {
    const paste = [
      '$ curl -v -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=authorization_code http://localhost:3000/oauth2/default/v1/token',
      '> POST /oauth2/default/v1/token HTTP/1.1',
      '> Authorization: Basic Og==',
      '>',
      '< HTTP/1.1 401 Unauthorized',
      '<',
      '{"error":"invalid_client","error_description":"client authentication failed"}',
    ].join('\n');
    const result = explainFromCommand(
      paste,
      { error: 'invalid_client', error_description: 'client authentication failed' },
      'authorization_code',
      {
        redirectUri: 'http://localhost:3000/redirect',
        clientId: '0oa8f3k2EXAMPLE',
      },
    )!;
    expect(result.message).toContain('decodes to an empty client ID');
    expect(result.message).toContain('"$CLIENT_ID" and "$CLIENT_SECRET" are not set');
  });
});
