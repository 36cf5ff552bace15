/** Diagnosis codes: PKCE and Basic authentication built the usual wrong ways in a shell (issue 19, class 4). See ./index.ts. */
import { code } from './code-info';

export const SHELL_CODES = {
  'pkce.challenge_recipe': code(
    ['token-response'],
    ['fail'],
    'The code_challenge was made from the code_verifier by a recipe that is not S256, so no verifier can pass; the message names the recipe.',
    'echo without -n (a newline hashed), openssl dgst without -binary or shasum/sha256sum (hex text encoded), base64 without turning + and / into - and _, the = padding kept, or the verifier itself as the challenge.',
  ),
  'client.basic_header_recipe': code(
    ['token-response', 'refresh-response', 'client-credentials-response'],
    ['fail'],
    'The Authorization: Basic header was built the wrong way; the message names how.',
    "echo without -n (a newline in the credentials), base64url instead of base64, GNU base64's line wrapping, the colon missing, client ID and secret swapped, quotes or an extra space in the header, Basic left out.",
  ),
};
