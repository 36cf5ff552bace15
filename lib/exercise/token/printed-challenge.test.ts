/**
 * Issue 19, class 4: a paste that shows the hashing recipe and what it printed, with the token
 * request's PKCE refusal, holds both sides of the check: the recipe is named from the paste
 * itself, without the checked URL's challenge.
 */
import { describe, expect, it } from 'vitest';

import { readPrintedChallenge } from '../shell-mistakes/command';
import { toBase64Url, sha256, utf8 } from '../shell-mistakes/encoding';
import { ctx, prepareKeys } from './test-support';
import { checkTokenResponse } from './token-step';

prepareKeys();

const VERIFIER = 'SgS_cFboYqhpk6eGG-NYBhvF1ecHpTkDO8z8cPzPfFo';
const TOKEN = 'http://localhost:3000/oauth2/default/v1/token';

describe('readPrintedChallenge', () => {
  it('reads the line a hashing pipeline printed, and the verifier it echoed', () => {
    const paste = `$ echo "${VERIFIER}" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '='\ntPz4x4GhMSjZY38L6Vvj4LWicG-kdHnupgfHjjgmiG8\n$ curl …`;
    expect(readPrintedChallenge(paste)).toEqual({ challenge: 'tPz4x4GhMSjZY38L6Vvj4LWicG-kdHnupgfHjjgmiG8', verifier: VERIFIER });
  });

  it('joins a line base64 wrapped at 64 characters, and reads nothing when no output follows', () => {
    const long = 'A'.repeat(64);
    expect(readPrintedChallenge(`$ printf %s "$V" | openssl dgst -sha256 | base64\n${long}\nBBBB\n`)).toEqual({
      challenge: `${long}BBBB`,
      verifier: null,
    });
    expect(readPrintedChallenge('$ printf %s "$V" | openssl dgst -sha256 -binary | base64\n$ curl …')).toBeNull();
  });
});

describe('a PKCE refusal pasted with the recipe that made the challenge', () => {
  it('names echo’s newline from the paste alone, with the recipe that prints no newline', async () => {
    const withNewline = toBase64Url(await sha256(utf8(`${VERIFIER}\n`)));
    const paste = [
      `ana@laptop:~$ echo "${VERIFIER}" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '='`,
      withNewline,
      `ana@laptop:~$ curl -X POST ${TOKEN} -d grant_type=authorization_code -d code_verifier=${VERIFIER} -d code=abcdefgh`,
      '{"error":"invalid_grant","error_description":"PKCE verification failed."}',
    ].join('\n');
    const report = await checkTokenResponse(paste, ctx());
    const lead = report.results.find((r) => r.status === 'fail')!;
    expect(lead.code).toBe('pkce.challenge_recipe');
    expect(lead.message).toContain('printed in the paste');
    expect(lead.message).toContain('a newline was hashed');
    expect(lead.hint).toContain('printf %s');
  });

  it('keeps the usual explanation when the printed challenge is the right one', async () => {
    const right = toBase64Url(await sha256(utf8(VERIFIER)));
    const paste = `$ printf %s "${VERIFIER}" | openssl dgst -binary -sha256 | openssl base64 | tr '+/' '-_' | tr -d '='\n${right}\n$ curl ${TOKEN} -d code_verifier=${VERIFIER}\n{"error":"invalid_grant","error_description":"PKCE verification failed."}`;
    const lead = (await checkTokenResponse(paste, ctx())).results.find((r) => r.status === 'fail')!;
    expect(lead.code).toBe('response.error');
  });
});
