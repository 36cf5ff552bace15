import { build, type Case, describeCases, expectExercised, withParams } from './test-support';

const STATE_CASES: Case[] = [
  ['missing', build(withParams({ state: undefined })), ['fail:state.missing']],
  ['empty', build(withParams({ state: '' })), ['fail:param.empty']],
  ['placeholder', build(withParams({ state: '{STATE}' })), ['fail:param.placeholder']],
  ...['1234', 'state', 'abc', 'xyz', 'aaaaaaaaaaaaaaaaaaaa', 'abcabcabcabcabcabc', 'k3J9xQ', 'ababababcdcdcdcdab'].map((value): Case => [
    `weak: ${value}`,
    build(withParams({ state: value })),
    ['warn:state.weak'],
  ]),
];

describeCases('state', STATE_CASES);

expectExercised(['state.missing', 'state.weak']);
