import { build, CHALLENGE, type Case, describeCases, expectExercised, VERIFIER, withParams } from './test-support';

const PKCE_CASES: Case[] = [
  ['challenge missing', build(withParams({ code_challenge: undefined })), ['fail:code_challenge.missing']],
  ['challenge empty', build(withParams({ code_challenge: '' })), ['fail:param.empty']],
  ['challenge truncated', build(withParams({ code_challenge: CHALLENGE.slice(0, 40) })), ['fail:code_challenge.malformed']],
  [
    'challenge with a stray character',
    build(withParams({ code_challenge: `${CHALLENGE.slice(0, 42)}!` })),
    ['fail:code_challenge.malformed'],
  ],
  ['challenge pasted twice', build(withParams({ code_challenge: CHALLENGE + CHALLENGE })), ['fail:code_challenge.malformed']],
  [
    'base64 of the hex digest',
    build(
      withParams({ code_challenge: Buffer.from('13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3').toString('base64url') }),
    ),
    ['fail:code_challenge.malformed'],
  ],
  [
    'standard base64 with padding',
    build(withParams({ code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=' })),
    ['fail:code_challenge.not_base64url'],
  ],
  [
    'standard base64, encoded',
    build(withParams({ code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw%2FcM%3D' })),
    ['fail:code_challenge.not_base64url'],
  ],
  [
    'hex SHA-256',
    build(withParams({ code_challenge: '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3' })),
    ['fail:code_challenge.not_base64url'],
  ],
  [
    'the verifier itself (64 characters)',
    build(withParams({ code_challenge: 'M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag.abc~' })),
    ['fail:code_challenge.is_verifier'],
  ],
  [
    'the verifier itself, sent as both',
    build(withParams({ code_challenge: VERIFIER, code_verifier: VERIFIER })),
    ['fail:code_challenge.is_verifier', 'fail:code_verifier.in_url'],
  ],
  ['the verifier next to the challenge', build(withParams({ code_verifier: VERIFIER })), ['fail:code_verifier.in_url']],
  [
    'hash of an empty verifier',
    build(withParams({ code_challenge: '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU' })),
    ['fail:code_challenge.empty_verifier'],
  ],
  [
    'hash of "undefined"',
    build(withParams({ code_challenge: '6wRdeNJzEHNIsDAMAdKbdVLWIqu8b6-Bs-xVNZqplQw' })),
    ['fail:code_challenge.empty_verifier'],
  ],
  ['challenge placeholder', build(withParams({ code_challenge: '{CODE_CHALLENGE}' })), ['fail:param.placeholder']],
  ['method missing', build(withParams({ code_challenge_method: undefined })), ['fail:code_challenge_method.missing']],
  ['method plain', build(withParams({ code_challenge_method: 'plain' })), ['fail:code_challenge_method.plain']],
  ['method s256 (case)', build(withParams({ code_challenge_method: 's256' })), ['fail:code_challenge_method.invalid']],
  ['method SHA256', build(withParams({ code_challenge_method: 'SHA256' })), ['fail:code_challenge_method.invalid']],
  ['method sha-256', build(withParams({ code_challenge_method: 'sha-256' })), ['fail:code_challenge_method.invalid']],
];

describeCases('pkce', PKCE_CASES);

expectExercised([
  'code_challenge.missing',
  'code_challenge.malformed',
  'code_challenge.not_base64url',
  'code_challenge.is_verifier',
  'code_challenge.empty_verifier',
  'code_verifier.in_url',
  'code_challenge_method.missing',
  'code_challenge_method.plain',
  'code_challenge_method.invalid',
]);
