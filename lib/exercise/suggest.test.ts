import { describe, expect, it } from 'vitest';
import { editDistance, foldName, suggest } from './suggest';

const PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'nonce',
  'idp',
  'sessionToken',
];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['scope', 'scopes', 1],
    ['code_challange', 'code_challenge', 1],
    ['cleint_id', 'client_id', 1], // adjacent swap counts once
    ['redirect_url', 'redirect_uri', 1],
    ['offline_acess', 'offline_access', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('foldName', () => {
  it.each([
    ['codeChallenge', 'code_challenge'],
    ['client-id', 'client_id'],
    ['REDIRECT_URI', 'redirect_uri'],
    ['amp;scope', 'scope'],
    ['response.type', 'response_type'],
  ])('%s → %s', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

describe('suggest', () => {
  it.each([
    ['redirect_url', 'redirect_uri'],
    ['client-id', 'client_id'],
    ['clientId', 'client_id'],
    ['response-type', 'response_type'],
    ['codeChallenge', 'code_challenge'],
    ['code_challange', 'code_challenge'],
    ['codeChallengeMethod', 'code_challenge_method'],
    ['scopes', 'scope'],
    ['promt', 'prompt'],
    ['session_token', 'sessionToken'],
    ['amp;state', 'state'],
    ['callback_url', 'redirect_uri'],
    ['foo', null],
    ['access_type', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(suggest(input, PARAMS, { aliases: { callback_url: 'redirect_uri' } })).toBe(expected);
  });

  it('respects maxDistance', () => {
    expect(suggest('client_secret', ['client_secret'], { maxDistance: 0 })).toBe('client_secret');
    expect(suggest('client_secrets', ['client_secret'], { maxDistance: 0 })).toBeNull();
  });
});
