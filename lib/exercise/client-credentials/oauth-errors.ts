/**
 * The token endpoint's refusals of a client credentials request, as Okta words them, and
 * what each means for a service app. token/oauth-errors.ts asks here for the grant
 * `client_credentials` (one path for every grant's error answer); token/command-evidence.ts
 * asks here when the pasted command shows what was sent (the scope, the credentials).
 *
 * Pure.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
import { PROVIDERS } from '../../issuer/providers';
import type { DiagnosisCode } from '../codes';
import { quote } from '../report';
import { formDecode } from '../authorize-url/normalize';
import { detectShell, readBasicHeader, readPastedCommand } from '../shell-mistakes';
import type { TokenCheckContext } from '../token/context';
import { sentValue } from '../token/command-evidence';
import { SERVICE_APP, WEB_APP } from './names';

/** An error's meaning for this grant, and the code it is reported with (absent: `response.error`). */
export interface ErrorExplanation {
  code?: DiagnosisCode;
  meaning: string;
  hint: string;
}

/** What the pasted command sent, when the paste shows it. */
export interface SentRequest {
  /** Whether the paste shows the command (a grant_type it sent). */
  shown: boolean;
  /** The `scope` form value, form-decoded (`api:read openid`). */
  scope: string | null;
  /** The client ID of curl's `-u` or of the Basic header's credentials (not a shell variable). */
  clientId: string | null;
}

type ErrorContext = Pick<TokenCheckContext, 'practice' | 'kind' | 'otherClientIds'>;

/** Scopes that name a user (OpenID Connect) or a user's offline session: no client credentials token can carry them. */
export const USER_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'];

const ADD_SCOPE = 'Add -d scope=api:read to the command (a custom scope of your authorization server; several are separated by spaces)';

/** The command's scope and client ID, when the paste shows them. */
export function readSentRequest(text: string): SentRequest {
  const raw = sentValue(text, 'scope');
  const command = readPastedCommand(text, detectShell(text));
  const user = command.user ?? (command.authorization === null ? null : (readBasicHeader(command.authorization)?.credentials ?? null));
  const id = user === null ? null : user.slice(0, Math.max(0, user.indexOf(':')));
  return {
    shown: sentValue(text, 'grant_type') !== null,
    scope: raw === null ? null : formDecode(raw),
    clientId: id === null || id === '' || /[$%]/.test(id) ? null : formDecode(id),
  };
}

/**
 * The meaning of a client credentials refusal. `sent` is what the pasted command shows
 * (absent: the paste has no command). Null: nothing particular to this grant (the shared
 * explanation in token/oauth-errors.ts applies).
 */
export function explainClientCredentialsError(
  error: string,
  description: string,
  ctx: ErrorContext,
  sent?: SentRequest,
): ErrorExplanation | null {
  const d = description.toLowerCase();
  const app = ctx.practice ? SERVICE_APP : 'your service app';
  const settings = ctx.practice ? `the practice console (${SERVICE_APP})` : PROVIDERS[ctx.kind ?? 'generic'].appSettings;
  const webId = ctx.otherClientIds?.web;
  const usedWebApp = sent?.clientId != null && webId !== undefined && sent.clientId === webId;

  switch (error) {
    case 'invalid_scope': {
      const userScopes = sent?.scope ? sent.scope.split(/\s+/).filter((s) => USER_SCOPES.includes(s)) : [];
      if (
        /default scopes|'scope' must be provided|scope.{0,20}(?:missing|required)/.test(d) ||
        (sent?.shown === true && sent.scope === null && !/openid/.test(d))
      ) {
        return {
          code: 'client_credentials.scope_missing',
          meaning:
            'the request named no scope, and the authorization server has no default scope to give instead: Okta requires a client credentials request to name at least one custom scope.',
          hint: `${ADD_SCOPE}, and run it again.`,
        };
      }
      if (/openid|offline_access/.test(d) || userScopes.length > 0) {
        const named = userScopes.length > 0 ? `your command asked for ${userScopes.map((s) => quote(s, 20)).join(', ')}: ` : '';
        return {
          code: 'client_credentials.openid_scope',
          meaning: `${named}openid, profile, email and offline_access are about a user who logs in, and a client credentials request has no user — the app asks for itself.`,
          hint: `Remove openid, profile, email and offline_access from the scope: send only custom scopes (-d scope=api:read), and run the command again.`,
        };
      }
      const which = sent?.scope ? `your command asked for ${quote(sent.scope, 80)}, and ` : '';
      return {
        code: 'client_credentials.scope_refused',
        meaning: `${which}the authorization server does not have that scope, or does not let ${app} ask for it.`,
        hint: ctx.practice
          ? 'The practice server has the custom scopes api:read and api:write (with a colon): send -d scope=api:read and run the command again.'
          : `Send a custom scope your authorization server publishes (the one you found in its metadata, spelled exactly), and check that its access policy lets ${app} use it; then run the command again.`,
      };
    }
    case 'unauthorized_client': {
      if (/not enabled to retrieve service account/i.test(description)) {
        return {
          code: 'client_credentials.grant_not_allowed',
          meaning:
            "Keycloak's client has no service account enabled: a client credentials request is made as the client's own service account, so Keycloak refuses it.",
          hint: 'In the Keycloak admin console → Clients → your client → Settings → Capability config: turn on Client authentication and Service accounts roles, Save, and run the command again.',
        };
      }
      const configured = /configured grant types: \[([^\]]{0,200})\]/i.exec(description)?.[1];
      const webLike = usedWebApp || (configured !== undefined && /authorization_code/.test(configured));
      return {
        code: 'client_credentials.grant_not_allowed',
        meaning: webLike
          ? `${usedWebApp ? `your command sends ${WEB_APP}'s client ID ${quote(webId!, 60)}` : `the app you authenticated as allows ${quote(configured!, 80)}`}: you used the credentials of ${WEB_APP}, which signs users in, not of ${app}. An app that has users logging in does not get tokens for itself.`
          : `the app you authenticated as is not allowed the Client Credentials grant${configured !== undefined ? ` (it allows ${quote(configured, 80)})` : ''}.`,
        hint: webLike
          ? `Use ${app}'s Client ID and Client secret (${settings}) in the command's -u credentials, and run it again.`
          : `Use ${app}'s credentials; if they are, tick Client Credentials in ${settings}, Save, and run the command again.`,
      };
    }
    case 'invalid_client':
      return {
        meaning: `client authentication failed — the server did not accept the client ID and secret your command sent${usedWebApp ? ` (the client ID is ${WEB_APP}'s)` : ''}.`,
        hint: `Send ${app}'s Client ID and Client secret (${settings}) with -u "$CLIENT_ID:$CLIENT_SECRET". Copy the secret again completely; a secret read from a file saved on Windows keeps a \\r at its end (printf %s "$CLIENT_SECRET" | od -c shows it): set it without one, and run the command again.`,
      };
    case 'unsupported_grant_type':
      return {
        meaning: 'the server does not recognise the grant_type your command sent.',
        hint: "Send -d grant_type=client_credentials exactly (lowercase, with an underscore: client-credentials is only the name of Auth0's gty claim), form-encoded with -d, and run the command again.",
      };
    case 'access_denied':
      if (ctx.kind === 'auth0' && /audience/.test(d)) {
        return {
          meaning: 'Auth0 needs to know which API the token is for, and neither the request nor the tenant named one.',
          hint: 'Add -d audience=<your API identifier> (Applications → APIs → your API → Identifier), and authorize the app for that API (its Machine to Machine Applications tab).',
        };
      }
      return {
        meaning: "the authorization server's access policy did not let this app get a token with the client credentials grant.",
        hint: ctx.practice
          ? 'Run the command again as shown; if it keeps failing, the practice server is misconfigured: tell your instructor.'
          : "In the authorization server's access policy (Okta: Security → API → your server → Access Policies), add a rule that allows the Client Credentials grant for this app and its scopes, then run the command again.",
      };
    default:
      return null;
  }
}
