import { randomInt } from 'node:crypto';

/**
 * Short join codes: what a learner types from the projector (`/join/K7PX-3MQA`), beside
 * the long link's 128-bit code.
 *
 * The alphabet leaves out the characters people misread on a screen: 0/O and 1/I (L stays:
 * with no 1 or I beside it, an upper-case L is unambiguous). 32 characters, so 8 of them
 * carry 40 bits: 32^8 ≈ 1.1 × 10^12 codes. Why that is enough without a limit of its own on
 * join attempts: a guessed code only enrols the guesser in that class — they learn its
 * name and nothing about anyone in it, and the instructor sees them on the dashboard and
 * can archive the cohort. Only open cohorts answer, so with 100 open cohorts on one site a
 * guess hits one in 11 billion; a client keeping the server saturated at ~1,000 lookups a
 * second (every one logged) would need about four months for one random hit. Codes are
 * case-insensitive and may be typed with a hyphen or spaces.
 */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 8;

const SHORT_CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** A new random short code (8 characters of {@link SHORT_CODE_ALPHABET}, uniform). */
export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

/**
 * The canonical short code of what a learner typed (upper case, hyphens and spaces
 * removed), or null when it cannot be one — then it may still be a long join code.
 */
export function normalizeShortCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = input.replace(/[\s-]+/g, '').toUpperCase();
  return SHORT_CODE.test(code) ? code : null;
}

/** How a short code is shown and linked: two groups of four, `K7PX-3MQA`. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The two ways into a cohort: the full join link and the short one. */
export function joinLinks(publicUrl: string, cohort: { code: string; shortCode: string }): { joinUrl: string; shortJoinUrl: string } {
  return { joinUrl: `${publicUrl}/join/${cohort.code}`, shortJoinUrl: `${publicUrl}/join/${formatShortCode(cohort.shortCode)}` };
}
