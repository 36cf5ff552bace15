/** Diagnosis codes: the authorization response on the redirect. See ./index.ts. */
import type { StepId } from '../steps';
import { code, type CodeInfo } from './code-info';

const REDIRECT: StepId[] = ['redirect'];

export const REDIRECT_CODES = {
  'redirect.error': code(
    REDIRECT,
    ['fail'],
    'The authorization server redirected back with an error.',
    'The server refused the request (access_denied, invalid_scope, unauthorized_client…) and redirected back with an error.',
  ),
  'redirect.code_missing': code(
    REDIRECT,
    ['fail'],
    'The redirect has no code.',
    'Pasting the redirect URL without its query, or the authorization URL itself.',
  ),
  'redirect.state_missing': code(REDIRECT, ['fail'], 'The redirect has no state.', 'Copying only the code from the address bar.'),
  'redirect.state_mismatch': code(
    REDIRECT,
    ['fail'],
    'The state does not match the one sent.',
    'Logging in with an older URL, or in another tab with a different state.',
  ),
  'redirect.no_authorize_step': code(
    REDIRECT,
    ['fail'],
    'A redirect arrived before an authorization URL was checked.',
    'Arriving at the redirect page before checking an authorization URL.',
  ),
  'redirect.iss_mismatch': code(
    REDIRECT,
    ['fail'],
    'The redirect names another issuer (iss, RFC 9207) than the learner’s server: a mix-up.',
    'Logging in at another authorization server (another tenant, the org server) than the one chosen.',
  ),
  'redirect.url_invalid': code(REDIRECT, ['fail'], 'The pasted redirect URL could not be parsed.', 'Pasting only part of the address bar.'),
} as const satisfies Record<string, CodeInfo>;
