import { describe, expect, it } from 'vitest';

import { locateJsonSyntaxError } from './json-syntax';

describe('locateJsonSyntaxError', () => {
  it.each(['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', ' {"nested":{"deep":[[{}]]}} ', '"s"', '0'])(
    'accepts valid JSON %s',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonSyntaxError(text)).toBeNull();
    },
  );

  it.each([
    ['{"a":01}', 6],
    ['{"a":"\\x"}', 7],
    ['[1,]', 3],
    ['{"a" 1}', 5],
    ['{"a":1,,}', 7],
    ['['.repeat(600), 513],
  ])('finds the first error in %s at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)?.offset).toBe(offset);
  });
});
