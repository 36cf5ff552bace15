/** Diagnosis codes: the client credentials response of a service app (Machine to Machine). See ./index.ts. */
import type { CheckKind } from '../../course/check-kinds';
import { code } from './code-info';

const CC: CheckKind[] = ['client-credentials-response'];

export const CLIENT_CREDENTIALS_CODES = {
  'client_credentials.user_token': code(
    CC,
    ['fail'],
    'The token names a user who logged in (uid, a user as sub, or issued to a login): it did not come from the client credentials grant.',
    'Pasting the Web App or Refresh Tokens exercise’s token response instead of running the client credentials request.',
  ),
  'client_credentials.web_app_token': code(
    CC,
    ['fail'],
    'The token was issued to the learner’s web app, not to the service app: the web app’s credentials were used.',
    'Running the request with My Web App’s client ID and secret instead of My Service App’s.',
  ),
  'client_credentials.refresh_token_present': code(
    CC,
    ['fail'],
    'The response has a refresh token, which the client credentials grant never issues.',
    'Pasting a login’s response (offline_access), or a server set to give service apps refresh tokens (Keycloak’s option).',
  ),
  'client_credentials.id_token_present': code(
    CC,
    ['fail'],
    'The response has an ID token, which the client credentials grant never issues (no user).',
    'Pasting the response of a login that asked for openid.',
  ),
  'client_credentials.no_custom_scope': code(
    CC,
    ['fail'],
    'The token grants no custom scope, so no API would accept it.',
    'A request without scope on a server that answers with an empty scope, or only standard scopes asked for.',
  ),
  'client_credentials.scope_missing': code(
    CC,
    ['fail'],
    'invalid_scope: the request named no scope and the server has no default scope (Okta requires one).',
    'Running the request without -d scope=api:read (oauth.school’s command has none).',
  ),
  'client_credentials.openid_scope': code(
    CC,
    ['fail'],
    'invalid_scope: openid, profile, email or offline_access was asked for, which need a user.',
    'Copying the scope of the authorization URL (openid offline_access …) into the client credentials request.',
  ),
  'client_credentials.scope_refused': code(
    CC,
    ['fail'],
    'invalid_scope: the scope asked for does not exist on the server or is not allowed to this app.',
    'A misspelt custom scope (api.read, api_read), or a scope the access policy does not allow.',
  ),
  'client_credentials.grant_not_allowed': code(
    CC,
    ['fail'],
    'unauthorized_client: the app authenticated is not allowed the Client Credentials grant.',
    'Using My Web App’s credentials, or a service app without Client Credentials ticked.',
  ),
  'client_credentials.secret_on_command_line': code(
    CC,
    ['warn'],
    'The client secret is written in the pasted command line, where shell history and process lists keep it.',
    'Typing the secret into -u id:secret or -d client_secret=… instead of reading it from a curl config or netrc file.',
  ),
  'client_credentials.secret_in_url': code(
    CC,
    ['warn'],
    'The client secret is in the URL’s query, where server logs and proxies record it.',
    'Putting ?client_id=…&client_secret=… on the token endpoint’s URL instead of in the request body or Basic authentication.',
  ),
};
