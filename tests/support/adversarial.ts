/**
 * The worst cases a learner can paste (issue 8, "Hostile input"): each family makes a text of
 * a given size that once drove a check into quadratic time or an exception. Shared by the
 * property tests, the API test and `npm run bench -- --only=adversarial`.
 */

export const KIB = 1024;

export interface AdversarialFamily {
  /** Short, stable name for tables and test titles. */
  name: string;
  /** A text of about `size` UTF-16 code units. */
  make(size: number): string;
}

const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const b64 = (text: string) => Buffer.from(text).toString('base64url');

export const ADVERSARIAL_FAMILIES: readonly AdversarialFamily[] = [
  { name: 'one character', make: (size) => fill('a', size) },
  // Re-parsing from every "{" to the last "}" was quadratic (5–19 s at 64 KiB).
  { name: 'nested {"":', make: (size) => `$ ${fill('{"":', size - 3)}}` },
  { name: 'nested [[[[', make: (size) => fill('[', size) },
  { name: 'many {', make: (size) => `${fill('{', size - 1)}}` },
  { name: 'many &', make: (size) => fill('&', size) },
  { name: 'many %', make: (size) => fill('%', size) },
  {
    name: 'many parameters',
    make: (size) =>
      Array.from({ length: Math.floor(size / 8) }, (_, i) => `p${i.toString(36).padStart(4, '0')}=1`)
        .join('&')
        .slice(0, size),
  },
  // `[^\S\r\n]*[\r\n]\s*` retried from every space of a run without a line break.
  { name: 'spaces and tabs', make: (size) => `a${fill(' \t', size - 2)}b` },
  // `/\/+$/` retried from every slash of a run that does not reach the end.
  { name: 'slashes', make: (size) => `https://x.example${fill('/', size - 20)}x` },
  {
    name: 'huge JWT segments',
    make: (size) => {
      const third = Math.floor(size / 3);
      const header = b64(JSON.stringify({ alg: 'RS256', kid: 'k'.repeat(Math.floor((third * 3) / 4)) }));
      const payload = b64(JSON.stringify({ iss: 'https://x.example', exp: 9e12, pad: 'p'.repeat(Math.floor((third * 3) / 4)) }));
      const token = `${header}.${payload}.${'s'.repeat(third)}`;
      return JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 });
    },
  },
  // Issue 19's paste classifier and value explainer: ellipses after token runs (scanned back),
  // shell prompts and commands on every line, and percent-encoding layers.
  { name: 'ellipses', make: (size) => fill('abcdefghij…', size) },
  { name: 'prompt lines', make: (size) => fill('ana@laptop:~$ curl -d a=YOUR_X https://x.example/t \\\n', size) },
  { name: 'encoding layers', make: (size) => `client_id=${fill('%2525', size - 10)}` },
  {
    name: 'deep JSON',
    make: (size) => {
      const depth = Math.floor(size / 6);
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    },
  },
];

/**
 * Cuts `text` so that `JSON.stringify(wrap(text))` stays within `maxBytes` (UTF-8): what the
 * API accepts (its body limit is 64 KiB, and JSON escaping makes quotes and control
 * characters longer).
 */
export function fitBody(text: string, wrap: (t: string) => unknown, maxBytes: number): string {
  let cut = text;
  for (let i = 0; i < 20 && Buffer.byteLength(JSON.stringify(wrap(cut))) > maxBytes; i++) {
    const over = Buffer.byteLength(JSON.stringify(wrap(cut))) / maxBytes;
    cut = cut.slice(0, Math.floor(cut.length / over) - 16);
  }
  return cut;
}
