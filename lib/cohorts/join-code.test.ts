import { describe, expect, it } from 'vitest';
import { formatShortCode, joinLinks, newShortCode, normalizeShortCode, SHORT_CODE_ALPHABET } from './join-code';

describe('short join codes', () => {
  it('are 8 characters of an alphabet without 0, O, 1 or I', () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(32);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01IO]/);
    for (let i = 0; i < 200; i++) expect(newShortCode()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it('are random: every character of the alphabet turns up, and 2,000 codes never repeat', () => {
    const codes = Array.from({ length: 2000 }, newShortCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('')).size).toBe(SHORT_CODE_ALPHABET.length);
  });

  it.each([
    ['K7PX3MQA', 'K7PX3MQA'],
    ['k7px-3mqa', 'K7PX3MQA'],
    [' K7PX 3MQA ', 'K7PX3MQA'],
    ['K7PX--3MQA', 'K7PX3MQA'],
  ])('reads %j as %j', (typed, code) => expect(normalizeShortCode(typed)).toBe(code));

  it.each([['K7PX3MQ'], ['K7PX3MQAB'], ['K7PX3MQ0'], ['K7PX3MQO'], ['K7PX3MQ1'], ['VSUUwA-Ab0MYFTIOuaYhwQ'], ['x'.repeat(100)], ['']])(
    'refuses %j (not a short code)',
    (typed) => expect(normalizeShortCode(typed)).toBeNull(),
  );

  it('shows and links them in two groups of four', () => {
    expect(formatShortCode('K7PX3MQA')).toBe('K7PX-3MQA');
    expect(joinLinks('https://lab.example', { code: 'long-code', shortCode: 'K7PX3MQA' })).toEqual({
      joinUrl: 'https://lab.example/join/long-code',
      shortJoinUrl: 'https://lab.example/join/K7PX-3MQA',
    });
  });
});
