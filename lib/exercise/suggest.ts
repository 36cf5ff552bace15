/**
 * "Did you mean …?" for names a learner typed by hand: parameter names in an authorization
 * URL, scope names. Pure and dependency-free so the same helper can run in the browser.
 */

/**
 * Optimal string alignment distance (Damerau–Levenshtein restricted to adjacent
 * transpositions): insertions, deletions, substitutions and swaps of two neighbours each
 * cost 1, so `code_challange` → `code_challenge` is 1 and `cleint_id` → `client_id` is 1.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows are enough for the transposition look-back.
  let beforePrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrev[j - 2]! + 1);
      }
      row.push(best);
    }
    beforePrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Folds the spelling variants that do not change a name's meaning to one form:
 * camelCase → snake_case, `-`, `.` and spaces → `_`, lower case, and a leading `amp;`
 * (an `&` copied from HTML as `&amp;`) dropped. `redirectUri`, `redirect-uri` and
 * `REDIRECT_URI` all fold to `redirect_uri`.
 */
export function foldName(name: string): string {
  // Already folded (most names): no need for the four passes below.
  if (/^[a-z0-9_]*$/.test(name)) return name;
  return name
    .replace(/^amp;/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-.\s]+/g, '_')
    .toLowerCase();
}

/** Longer inputs are never taken for a misspelled name. */
export const MAX_NAME_LENGTH = 256;

export interface SuggestOptions {
  /** Names that are not a near spelling but mean the candidate, e.g. `callback_url` → `redirect_uri`. Keys are folded names. */
  aliases?: Readonly<Record<string, string>>;
  /** Largest edit distance still worth suggesting; by default about a quarter of the name, at least 1, at most 3. */
  maxDistance?: number;
}

/**
 * The candidate the learner most likely meant by `input`, or `null` when nothing is close.
 * Exact matches after {@link foldName} win, then aliases, then the smallest edit distance
 * (ties go to the earlier candidate, so list the likelier ones first).
 */
export function suggest(input: string, candidates: readonly string[], options: SuggestOptions = {}): string | null {
  // Names are short; a long "name" is a paste gone wrong, and folding or edit distance on it
  // is wasted work (folding a 64 KiB paste costs milliseconds).
  if (input.length > MAX_NAME_LENGTH) return null;
  const folded = foldName(input);
  if (!folded || folded.length > 64) return null;
  const byFold = candidates.find((c) => foldName(c) === folded);
  if (byFold) return byFold;
  const alias = options.aliases?.[folded];
  if (alias && candidates.includes(alias)) return alias;
  const limit = options.maxDistance ?? Math.min(3, Math.max(1, Math.floor(folded.length / 4)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, foldName(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}
