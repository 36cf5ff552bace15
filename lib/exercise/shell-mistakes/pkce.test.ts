/**
 * Every PKCE recipe against what real tools print (fixtures/recipes.json, made by
 * fixtures/recipes.sh with printf, echo, sha256sum, shasum, openssl and base64 — never with
 * the code under test).
 */
import { describe, expect, it } from 'vitest';

import recipes from './fixtures/recipes.json';
import { fastestRun } from './fixtures/timing';
import {
  describePkceLabel,
  diagnoseChallenge,
  MAX_VERIFIER,
  normalizeChallenge,
  pkceCandidates,
  PLAIN_LABEL,
  S256_LABEL,
  type PkceCandidate,
} from './pkce';

const TABLES = Object.entries(recipes.pkce as Record<string, Record<string, string>>);

/** Independent checks of a few lines of the table, against outputs pasted from a terminal. */
describe('the fixtures are what a terminal prints', () => {
  const table = recipes.pkce['dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFXgjXk'] as Record<string, string>;
  it.each([
    // printf %s dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFXgjXk | openssl dgst -sha256 -binary | base64
    ['verifier.binary.base64', 'UHcwGp5e8VQ0g7x8OK+VwsTG1uillETjZScbCFVgShA='],
    // … | openssl base64 -A | tr '+/' '-_' | tr -d '='
    [S256_LABEL, 'UHcwGp5e8VQ0g7x8OK-VwsTG1uillETjZScbCFVgShA'],
    // printf %s … | shasum -a 256 | cut -d' ' -f1 | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '='
    ['verifier.hex.base64url', 'NTA3NzMwMWE5ZTVlZjE1NDM0ODNiYzdjMzhhZjk1YzJjNGM2ZDZlOGE1OTQ0NGUzNjUyNzFiMDg1NTYwNGExMA'],
  ])('%s', (label, challenge) => {
    expect(table[label]).toBe(challenge);
  });
});

describe.each(TABLES)('pkceCandidates(%j)', (verifier, table) => {
  let candidates: PkceCandidate[];
  const load = async () => (candidates ??= await pkceCandidates(verifier));

  it('makes every challenge the tools make, under its label, S256 first', async () => {
    const list = await load();
    expect(list[0]).toMatchObject({ label: S256_LABEL, challenge: table[S256_LABEL] });
    for (const candidate of list) expect(candidate.challenge, candidate.label).toBe(table[candidate.label]);
    expect(new Set(list.map((c) => c.challenge))).toEqual(new Set(Object.values(table)));
  });

  it('lists each challenge once', async () => {
    const list = await load();
    expect(new Set(list.map((c) => c.challenge)).size).toBe(list.length);
  });

  it.each(Object.entries(table))('diagnoses %s', async (label, challenge) => {
    const diagnosis = await diagnoseChallenge(verifier, challenge);
    expect(diagnosis).not.toBeNull();
    // Two recipes can make the same text (a hash without + or / encodes alike in base64 and
    // base64url): then the simpler explanation is named, and it makes this very challenge.
    expect(table[diagnosis!.label]).toBe(challenge);
    if (diagnosis!.label !== label) expect(Object.keys(table)).toContain(label);
    expect(diagnosis!.correct).toBe(diagnosis!.label === S256_LABEL);
    expect(diagnosis!.mistakes.length > 0).toBe(!diagnosis!.correct);
  });
});

describe('diagnoseChallenge', () => {
  const [verifier, table] = TABLES[0]!;

  it('names the mistakes of a combined recipe, each in words', async () => {
    const diagnosis = await diagnoseChallenge(verifier, table['verifier_newline.hex_newline.base64url']!);
    expect(diagnosis).toMatchObject({ label: 'verifier_newline.hex_newline.base64url', correct: false });
    expect(diagnosis!.mistakes).toHaveLength(2);
    expect(diagnosis!.description).toMatch(/base64url of the hex text.*plus a newline/);
  });

  it('reads the challenge as a query decodes it: a + became a space, a wrapped line joined', async () => {
    const base64 = table['verifier.binary.base64']!;
    expect((await diagnoseChallenge(verifier, base64.replaceAll('+', ' ')))?.label).toBe('verifier.binary.base64');
    const long = table['verifier.shasum_line.base64']!;
    expect((await diagnoseChallenge(verifier, `${long.slice(0, 76)}\n${long.slice(76)}`))?.label).toBe('verifier.shasum_line.base64');
  });

  it('answers null when the verifier is not the one that was hashed', async () => {
    expect(await diagnoseChallenge(verifier, TABLES[1]![1][S256_LABEL]!)).toBeNull();
    expect(await diagnoseChallenge(verifier, '')).toBeNull();
    expect(await diagnoseChallenge('', table[S256_LABEL]!)).toBeNull();
  });

  it('does not hash what cannot be a verifier', async () => {
    expect(await pkceCandidates('v'.repeat(MAX_VERIFIER + 1))).toEqual([]);
    expect(await diagnoseChallenge('v'.repeat(64 * 1024), 'x')).toBeNull();
  });

  it('finishes a 64 KiB hostile pair within 50 ms', async () => {
    const ms = await fastestRun(async () => {
      await diagnoseChallenge('a'.repeat(MAX_VERIFIER), `${' '.repeat(32 * 1024)}${'='.repeat(32 * 1024)}`);
      await diagnoseChallenge('=+'.repeat(500), '\n'.repeat(64 * 1024));
    });
    expect(ms).toBeLessThan(50);
  });
});

describe('describePkceLabel', () => {
  it('reads back every stored label without the verifier', () => {
    for (const label of Object.keys(TABLES[0]![1])) expect(describePkceLabel(label)?.label).toBe(label);
    expect(describePkceLabel(PLAIN_LABEL)).toMatchObject({ description: 'the verifier itself', correct: false });
  });

  it('refuses labels it does not know', () => {
    for (const label of ['', 'verifier', 'verifier.binary', 'x.binary.base64url', 'verifier.binary.base64url.x', 'verifier.none.base64'])
      expect(describePkceLabel(label)).toBeNull();
  });
});

it('normalizeChallenge keeps a challenge that needs nothing', () => {
  expect(normalizeChallenge('abc-_')).toBe('abc-_');
  expect(normalizeChallenge(' a b\r\n')).toBe('a+b');
});
