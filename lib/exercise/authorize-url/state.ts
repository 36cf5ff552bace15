/** The rule for `state`: a value an attacker cannot guess. */
import { type Param } from './normalize';
import { type CheckResult, quote, warn } from '../report';

const GUESSABLE_STATES = new Set([
  'state',
  'abc',
  'xyz',
  'abc123',
  'test',
  'foo',
  'bar',
  'foobar',
  'hello',
  'random',
  'randomstring',
  'random_string',
  'mystate',
  'my_state',
  'somestate',
  'teststate',
  'state123',
  'qwerty',
  'password',
  'csrf',
  'null',
  'undefined',
  'none',
]);

/**
 * `state` should be long and random; a short or guessable one is a warning, not a failure.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12 state must be non-guessable
 */
export function checkState(p: Param): CheckResult[] {
  const value = p.value;
  const lower = value.toLowerCase();
  let why: string | null = null;
  if (GUESSABLE_STATES.has(lower) || /^\d{1,12}$/.test(value)) why = 'an easily guessed value';
  else if (/^(.{1,4})\1+$/.test(value)) why = 'a short pattern repeated';
  else if (value.length < 16) why = `only ${value.length} characters long`;
  else if (new Set(value).size < 6) why = `made of only ${new Set(value).size} different characters`;
  if (!why) return [];
  return [
    warn(
      'state',
      'state.weak',
      `state is ${quote(value, 40)}: ${why}.`,
      'Use a fresh random value of at least 16 characters (the "state" helper makes one): an attacker who can guess it can slip their own code into your redirect.',
    ),
  ];
}
