import { writeStored } from './browser-storage';

/**
 * Keeps the refresh token of a passing token or refresh response in this tab for the next
 * command (with rotation, the newest one replaces the old). It is never sent to the server.
 * The response parser (with the shell-mistake readers and jose's JWT decoding, about 35 KB)
 * is imported when a response passes, not with the page: every course step page shares one
 * client bundle, and parsing it on load cost the mobile budget (SPEC §9).
 */
export async function rememberRefreshToken(pastedResponse: string): Promise<void> {
  const { parseResponse } = await import('../exercise/token/parse-response');
  const parsed = parseResponse(pastedResponse);
  if (parsed.ok && typeof parsed.body.refresh_token === 'string') writeStored('refreshToken', parsed.body.refresh_token);
}
