import { parseResponse } from '../exercise/token/parse-response';
import { writeStored } from './browser-storage';

/**
 * Keeps the refresh token of a passing token or refresh response in this tab for the next
 * command (with rotation, the newest one replaces the old). It is never sent to the server.
 * A module of its own: the response parser (and jose's JWT decoding) then loads only on the
 * pages that check a response, not with the storage helpers every step page uses.
 */
export function rememberRefreshToken(pastedResponse: string): void {
  const parsed = parseResponse(pastedResponse);
  if (parsed.ok && typeof parsed.body.refresh_token === 'string') writeStored('refreshToken', parsed.body.refresh_token);
}
