/**
 * Every Basic header recipe against what real tools print (fixtures/recipes.json: printf,
 * echo, base64 and Python's form-encoding, never the code under test).
 */
import { describe, expect, it } from 'vitest';

import recipes from './fixtures/recipes.json';
import { fastestRun } from './fixtures/timing';
import { basicCandidates, basicLabel, diagnoseBasicHeader, diagnoseBasicUser, formEncode, MAX_HEADER, parseBasicLabel } from './basic';

const CLIENTS = recipes.basic as { clientId: string; clientSecret: string; headers: Record<string, string> }[];
const [PRACTICE, SPECIAL] = CLIENTS as [(typeof CLIENTS)[0], (typeof CLIENTS)[0]];

describe.each(CLIENTS)('basicCandidates($clientId, …)', ({ clientId, clientSecret, headers }) => {
  it('makes the headers the tools make, each once', () => {
    const candidates = basicCandidates(clientId, clientSecret);
    for (const { label, header } of candidates) expect(header, label).toBe(headers[label]);
    expect(new Set(candidates.map((c) => c.header))).toEqual(new Set(Object.values(headers)));
  });

  it.each(Object.entries(headers))('diagnoses %s, with and without the secret', (label, header) => {
    // A header two recipes make alike is named by the first of them (e.g. base64url of a text
    // whose base64 has no + or /, which only lost its padding).
    const first = Object.entries(headers).find(([, h]) => h === header)![0];
    const withSecret = diagnoseBasicHeader(header, clientId, clientSecret)!;
    expect(withSecret).not.toBeNull();
    expect(basicLabel(withSecret)).toBe(first);
    expect(withSecret.credentialsMatch).toBe(true);
    const withoutSecret = diagnoseBasicHeader(header, clientId, null)!;
    // Without the secret, everything but its form-encoding can still be told.
    expect(withoutSecret.mistakes).toEqual(withSecret.mistakes.filter((m) => m !== 'not_form_encoded'));
    expect(withoutSecret.credentialsMatch).toBeNull();
  });
});

describe('diagnoseBasicHeader', () => {
  const { clientId, clientSecret, headers } = PRACTICE;

  it('reads the whole header line, any case of the scheme', () => {
    expect(basicLabel(diagnoseBasicHeader(`Authorization: ${headers.correct}`, clientId, clientSecret)!)).toBe('correct');
    expect(basicLabel(diagnoseBasicHeader(headers.correct!.replace('Basic', 'basic'), clientId, clientSecret)!)).toBe('correct');
  });

  it('tells a wrong secret and another client', () => {
    const wrong = `Basic ${Buffer.from(`${clientId}:not-the-secret`).toString('base64')}`;
    expect(basicLabel(diagnoseBasicHeader(wrong, clientId, clientSecret)!)).toBe('wrong_secret');
    const other = `Basic ${Buffer.from('0oaSOMEONEELSE:secret').toString('base64')}`;
    expect(diagnoseBasicHeader(other, clientId, clientSecret)).toMatchObject({ otherClient: true, credentialsMatch: false });
  });

  it('names every mistake of a combination', () => {
    // cmd.exe: echo "id:secret" | base64 → quotes, a space and \r\n, then base64 -w 76.
    const text = Buffer.from(`"${clientId}:${clientSecret}" \r\n`).toString('base64');
    const header = `Basic  ${text.slice(0, 76)}\n${text.slice(76)}`;
    expect(diagnoseBasicHeader(header, clientId, clientSecret)?.mistakes).toEqual([
      'extra_space',
      'wrapped',
      'crlf',
      'trailing_space',
      'quotes_in_credentials',
    ]);
  });

  it('answers null for what is no Basic header', () => {
    for (const header of ['', 'Basic', 'Basic %%%', 'Bearer eyJhbGciOi.x.y!', 'x'.repeat(MAX_HEADER + 1)])
      expect(diagnoseBasicHeader(header, clientId, clientSecret)).toBeNull();
  });

  it('finishes 64 KiB hostile headers within 50 ms', async () => {
    const hostile = [' '.repeat(64 * 1024), `Basic ${'='.repeat(64 * 1024)}`, '"'.repeat(64 * 1024), `Basic ${'QUFB'.repeat(500)}`];
    expect(await fastestRun(() => hostile.forEach((header) => diagnoseBasicHeader(header, clientId, clientSecret)))).toBeLessThan(50);
  });
});

describe('diagnoseBasicUser (curl -u)', () => {
  it('reads the credentials curl encodes as they are', () => {
    const { clientId, clientSecret } = SPECIAL;
    expect(diagnoseBasicUser(`${formEncode(clientId)}:${formEncode(clientSecret)}`, clientId, clientSecret)?.mistakes).toEqual([]);
    expect(diagnoseBasicUser(`${clientId}:${clientSecret}`, clientId, clientSecret)?.mistakes).toEqual(['not_form_encoded']);
    expect(diagnoseBasicUser(`'${clientId}:${formEncode(clientSecret)}'`, clientId, clientSecret)?.mistakes).toEqual([
      'quotes_in_credentials',
    ]);
    expect(diagnoseBasicUser(`${formEncode(clientSecret)}:${clientId}`, clientId, clientSecret)?.mistakes).toEqual(['swapped']);
  });
});

it('a stored label reads back as its mistakes', () => {
  expect(parseBasicLabel('newline+wrapped')).toEqual(['wrapped', 'newline']);
  expect(parseBasicLabel('wrong_secret')).toEqual([]);
  expect(parseBasicLabel('nonsense+newline')).toEqual(['newline']);
});

it('formEncode is application/x-www-form-urlencoded (RFC 6749 §2.3.1)', () => {
  // python3 -c 'import urllib.parse; print(urllib.parse.quote_plus("p@ss w0rd!*()~", safe=""))'
  expect(formEncode("p@ss w0rd!*()'~")).toBe('p%40ss+w0rd%21%2A%28%29%27~');
});
