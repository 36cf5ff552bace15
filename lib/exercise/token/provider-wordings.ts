/**
 * Error descriptions whose wording tells the provider's own cause (issue 19, classes 1 and 3):
 * Okta's access policy, Auth0's opaque "Unauthorized" and its grant types, Keycloak's client
 * errors, sessions and stale tokens. Each is answered with the cause and the console setting
 * to change. Pure.
 */
import type { TokenCheckContext, TokenGrant } from './context';
import { stepRef } from '../steps';

/** Auth0's `unauthorized_client`: "Grant type 'authorization_code' not allowed for the client." */
const AUTH0_GRANT_NOT_ALLOWED = /^Grant type '([^']{1,100})' not allowed for the client/i;
const AUTH0_GRANT_NAMES: Record<string, string> = {
  authorization_code: 'Authorization Code',
  refresh_token: 'Refresh Token',
  client_credentials: 'Client Credentials',
  implicit: 'Implicit',
  password: 'Password',
};

/**
 * Errors whose wording tells the provider's own cause (issue 19, class 3): Okta's access
 * policy, Auth0's opaque "Unauthorized", Auth0's grant types, refresh-token and code wordings. The hint
 * says where in that provider's console to look.
 */
export function providerWording(
  code: string,
  description: string,
  grant: TokenGrant,
  ctx: Pick<TokenCheckContext, 'practice' | 'kind'>,
): { meaning: string; hint: string } | null {
  const d = description.toLowerCase();
  if (code === 'access_denied' && d.includes('policy evaluation failed')) {
    const grantName = grant === 'refresh_token' ? 'Refresh Token' : 'Authorization Code';
    return {
      meaning: `no rule of the authorization server's access policies allows this request: Okta found no rule that lets this app use the ${grantName} grant with the scopes asked for (the System Log shows it as no_matching_policy).`,
      hint: `In the Okta Admin Console: Security → API → Authorization Servers → default → Access Policies. In the policy assigned to your app (or to all clients), edit the rule: under "IF Grant type is" tick ${grantName}${
        grant === 'refresh_token' ? ' (and Authorization Code)' : ' (and Refresh Token for this exercise)'
      }, and let "AND Scopes requested" be "Any scopes" or list every scope you ask for, offline_access included. Update Rule, then ${
        grant === 'refresh_token' ? 'run the refresh command again' : 'log in again and exchange the new code'
      }.`,
    };
  }
  const notAllowed = code === 'unauthorized_client' ? AUTH0_GRANT_NOT_ALLOWED.exec(description) : null;
  if (notAllowed) {
    const named = AUTH0_GRANT_NAMES[notAllowed[1]!] ?? notAllowed[1]!;
    return {
      meaning: `Auth0 does not allow this application the ${named} grant: it is not ticked in the application's Grant Types.`,
      hint: `In the Auth0 Dashboard → Applications → your app → Settings → Advanced Settings → Grant Types, tick ${named}${
        grant === 'authorization_code' ? ' (and Refresh Token for this exercise)' : ''
      }, then Save Changes. ${
        grant === 'authorization_code'
          ? 'Then log in again and exchange the new code.'
          : grant === 'refresh_token'
            ? 'Then run the refresh command again.'
            : 'Then run the command again.'
      }`,
    };
  }
  const auth0 = ctx.kind === 'auth0';
  if (code === 'access_denied' && (d === 'unauthorized' || (auth0 && d.includes('unauthorized')))) {
    return {
      meaning:
        "Auth0 refused the client's authentication: the client secret, or the way your command sends it, does not match the application (Auth0 answers “Unauthorized” for a wrong secret, a secret sent to an app set to “None”, or Basic sent to an app set to Post).",
      hint: `In the Auth0 Dashboard → Applications → your app: copy the Client Secret again, and check its authentication method (Credentials tab, or "Token Endpoint Authentication Method" in Settings): Client Secret (Post) takes -d client_secret=…, Client Secret (Basic) takes -u "client_id:client_secret". A Single Page Application has no secret: use a Regular Web Application. Monitoring → Logs shows the failed exchange with its reason.${
        grant === 'refresh_token' ? ' Then run the refresh command again.' : ' Then log in again and exchange the new code.'
      }`,
    };
  }
  if (code === 'invalid_grant' && grant === 'refresh_token' && d.includes('unknown or invalid refresh token')) {
    return {
      meaning:
        'Auth0 does not know this refresh token for this application: it was revoked, or rotated (with Refresh Token Rotation on, each refresh returns a new one, and reusing an old one revokes them all), or it expired, or it belongs to another application, or it was copied incompletely.',
      hint: 'Use the refresh_token of your most recent response, copied whole, with the same client_id and secret. If that fails, log in again — with offline_access in the scope and “Allow Offline Access” on for your API (Applications → APIs → your API → Settings) — and use the new refresh token.',
    };
  }
  if (code === 'invalid_grant' && grant === 'authorization_code' && auth0 && d.includes('invalid authorization code')) {
    return {
      meaning:
        'Auth0 does not accept this code: it was already exchanged (codes are single-use), or it expired, or it was issued to another application (a different client_id).',
      hint: `Log in again with the Log In link of ${stepRef('authorize')}, and exchange the new code once, right away, with the client_id and secret of the same application.`,
    };
  }
  if (code === 'access_denied' && d.startsWith('service not found')) {
    return {
      meaning:
        'the audience your request names is not the identifier of any API of this Auth0 tenant, so Auth0 cannot issue a token for it.',
      hint: "In the Auth0 Dashboard → Applications → APIs, copy your API's Identifier exactly (it is a name, often a URL, not the tenant's address) into audience, then log in again.",
    };
  }
  return keycloakWording(code, d, grant);
}

/** Keycloak's wordings (issue 19, class 3): its client errors say unauthorized_client, its sessions end refresh tokens. */
function keycloakWording(code: string, d: string, grant: TokenGrant): { meaning: string; hint: string } | null {
  if (
    (code === 'unauthorized_client' || code === 'invalid_client') &&
    /invalid client(?: or invalid client)? credentials|invalid client secret/.test(d)
  ) {
    return {
      meaning:
        'client authentication failed: Keycloak did not accept the client ID and secret (it says unauthorized_client for that, not that a grant is off).',
      hint: 'In the Keycloak admin console → Clients → your client → Credentials: copy the Client Secret again (Client Authenticator "Client Id and Secret", Client authentication on), send it with the client_id as client_secret or -u "client_id:client_secret", and run the command again.',
    };
  }
  if (code !== 'invalid_grant') return null;
  if (grant === 'authorization_code' && d === 'code not valid') {
    return {
      meaning: "Keycloak does not accept this code: it was already exchanged, or it expired — Keycloak's codes last one minute by default.",
      hint: `Log in again with the Log In link of ${stepRef('authorize')} and run the exchange within the minute (the command ready before you log in).`,
    };
  }
  if (grant === 'refresh_token' && /session not active|token is not active|session doesn't have required client/.test(d)) {
    return {
      meaning:
        "the Keycloak login session behind this refresh token has ended (logged out, or past the realm's SSO Session Idle or Max), so its refresh token ended with it.",
      hint: `Log in again (${stepRef('authorize')}), exchange the new code, and refresh soon after; the session lengths are in Realm settings → Sessions.`,
    };
  }
  if (grant === 'refresh_token' && d.startsWith('stale token')) {
    return {
      meaning:
        'this refresh token was already used: the realm revokes refresh tokens (Revoke Refresh Token is on), so each refresh returns a new one and the old one is refused.',
      hint: 'Use the refresh_token of your most recent response; if that one was used too, log in again and start from the new one.',
    };
  }
  return null;
}
