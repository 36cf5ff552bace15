/**
 * What the pasted command itself shows about a refused token request (issue 19, class 5):
 * when the command is pasted with the server's error, the value it sent is the evidence —
 * a `grant_type` misspelt, a `redirect_uri` that is not the authorization URL's. The hint then
 * fixes what was sent instead of asking for what is there. Reads `-d name=value` (and
 * `--data-urlencode`, `--data-raw`) on the command's lines: linear, bounded. Pure.
 */
import { formDecode } from '../authorize-url/normalize';
import { explainClientCredentialsError, readSentRequest } from '../client-credentials/oauth-errors';
import { explainDifference } from '../explain-difference';
import { commandTraits, linesOf, unsetCredentialVariables } from '../paste/classify';
import { readBasicCredentials, readHttpExchange, shownClientId } from '../paste/http-exchange';
import { fail, quote, type CheckResult } from '../report';
import { stepRef } from '../steps';
import type { TokenCheckContext, TokenGrant } from './context';

/** The value the pasted command sent for `name` in its form data, or null. */
export function sentValue(text: string, name: string): string | null {
  for (const line of linesOf(text)) {
    const at = line.indexOf(`${name}=`);
    if (at < 0) continue;
    const before = line.slice(Math.max(0, at - 24), at);
    if (!/(?:-d|--data(?:-urlencode|-raw|-binary)?)\s+["']?$|[&?]$/.test(before)) continue;
    const rest = line.slice(at + name.length + 1);
    const stop = rest.search(/["'\s&\\]/);
    const value = stop < 0 ? rest : rest.slice(0, stop);
    return value === '' ? null : value;
  }
  return null;
}

/** A refusal the command's own values explain, or null. */
export function explainFromCommand(
  text: string,
  body: Record<string, unknown>,
  grant: TokenGrant,
  ctx: Pick<TokenCheckContext, 'redirectUri'> & Partial<Pick<TokenCheckContext, 'practice' | 'kind' | 'otherClientIds' | 'clientId'>>,
): CheckResult | null {
  const error = typeof body.error === 'string' ? body.error : '';
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  const seen = `The server answered ${quote(error, 40)}${description ? ` (${quote(description, 120)})` : ''}`;

  if (grant === 'client_credentials' && (error === 'invalid_scope' || error === 'unauthorized_client')) {
    // The scope and the credentials the command sent tell which mistake it was.
    const sent = readSentRequest(text);
    const explained =
      sent.shown || sent.clientId !== null
        ? explainClientCredentialsError(error, description, { ...ctx, practice: ctx.practice ?? false }, sent)
        : null;
    if (explained) return fail('response', explained.code ?? 'response.error', `${seen}: ${explained.meaning}`, explained.hint);
  }

  // curl -v showed the Basic header sent (issue 19, class 1): empty credentials are the cause, whatever the wording.
  if (error === 'invalid_client' || error === 'unauthorized_client') {
    const basic = readBasicCredentials(readHttpExchange(text).request?.headers.authorization);
    if (basic && (basic.clientId === '' || basic.secretLength === 0)) {
      const variables = unsetCredentialVariables(commandTraits(linesOf(text)), {
        id: basic.clientId === '',
        secret: basic.secretLength === 0,
      });
      const shown = shownClientId(basic.clientId, ctx.clientId);
      const empty =
        basic.clientId === '' ? 'an empty client ID' : `${shown.quoted ? `the client ID ${shown.text}` : shown.text} with an empty secret`;
      return fail(
        'response',
        'response.error',
        `${seen}: the Authorization: Basic header your command sent (curl -v shows it) decodes to ${empty}${
          variables.length > 0
            ? ` — ${variables.map((v) => quote(v, 40)).join(' and ')} ${variables.length === 1 ? 'is' : 'are'} not set in this shell`
            : ''
        }.`,
        `${variables.length > 0 ? 'Set the variables in this terminal first, or write' : 'Write'} your app's client ID and secret into -u 'client_id:client_secret', and run the command again.`,
      );
    }
  }

  // The description names another cause (a redirect URI, the verifier): that one is told, not the client.
  if (CLIENT_ERRORS.has(error) && ctx.clientId && !OTHER_CAUSE.test(description)) {
    // The code or the refresh token belongs to the app that asked for it (RFC 6749 §5.2 "issued to another client").
    const sent = sentValue(text, 'client_id');
    const decoded = sent === null || /^[$%]|[{}<>]/.test(sent) ? null : formDecode(sent);
    if (decoded !== null && decoded !== ctx.clientId) {
      const difference = explainDifference(decoded, ctx.clientId);
      const bound = grant === 'authorization_code' ? 'the code' : 'the refresh token';
      return fail(
        'response',
        'response.error',
        `${seen}: your command sends client_id=${quote(decoded, 60)}, but your app's client ID is ${quote(ctx.clientId, 60)}${
          difference ? ` — ${difference}` : ''
        }. ${capitalize(bound)} was issued to your app, and only that app (with its own secret) can use it.`,
        `Send client_id=${ctx.clientId} with that app's client secret and run the command again${
          grant === 'authorization_code'
            ? `; if the code is then refused as invalid or expired, log in again with the Log In link of ${stepRef('authorize')} and exchange the new code`
            : ''
        }.`,
      );
    }
  }
  if (error === 'unsupported_grant_type') {
    const sent = sentValue(text, 'grant_type');
    if (sent !== null && sent !== grant) {
      const difference = explainDifference(sent, grant);
      return fail(
        'response',
        'response.error',
        `${seen}: your command sends grant_type=${quote(sent, 60)}, which is not a grant type${difference ? ` — ${difference}` : ''}.`,
        `Write grant_type=${grant} on that line and run the command again; nothing else needs to change.`,
      );
    }
  }
  if (error === 'invalid_grant' && /redirect/i.test(description) && ctx.redirectUri) {
    const sent = sentValue(text, 'redirect_uri');
    const decoded = sent === null ? null : formDecode(sent);
    if (decoded !== null && decoded !== ctx.redirectUri) {
      const difference = explainDifference(decoded, ctx.redirectUri);
      return fail(
        'response',
        'response.error',
        `${seen}: your command sends redirect_uri=${quote(decoded, 100)}, but your authorization URL used ${quote(ctx.redirectUri, 100)}${
          difference ? ` — ${difference}` : ''
        }. The token request must repeat it exactly.`,
        `Send redirect_uri=${ctx.redirectUri} exactly. This code is spent: log in again with the Log In link of ${stepRef('authorize')} and exchange the new code.`,
      );
    }
  }
  return null;
}

const CLIENT_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);
const OTHER_CAUSE = /redirect|pkce|verifier|challenge|grant.?type|scope/i;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
