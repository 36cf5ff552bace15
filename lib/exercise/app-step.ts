/**
 * The `app` check kind on the learner's own server: the client ID of the app they created
 * there for this exercise (on the practice server the engine creates the app itself).
 */
import { fail, makeReport, pass, quote, type Report } from './report';

/** Printable, no spaces: any id a server hands out. */
const PLAUSIBLE_CLIENT_ID = /^[\x21-\x7e]{1,255}$/;
/** A template's placeholder left in: {clientId}, <client id>, YOUR_CLIENT_ID. */
const TEMPLATE = /[{}<>]|YOUR_|client[_ ]?id/i;

export function checkOwnAppClientId(raw: string, webClientId: string): Report<'app'> {
  const clientId = raw.trim();
  if (!clientId) {
    return makeReport('app', [
      fail('app', 'app.client_id_missing', 'The Client ID field is empty.', 'Create the app on your server, then copy its client ID here.'),
    ]);
  }
  if (!PLAUSIBLE_CLIENT_ID.test(clientId) || TEMPLATE.test(clientId)) {
    return makeReport('app', [
      fail(
        'app',
        'app.client_id_invalid',
        `${quote(clientId, 60)} does not look like a client ID: it has spaces, invisible characters or a template's placeholder.`,
        "Copy the client ID from the app's settings on your server (Okta: General → Client Credentials; Auth0: Settings → Client ID; Keycloak: Clients → Client ID).",
      ),
    ]);
  }
  if (clientId === webClientId) {
    return makeReport('app', [
      fail(
        'app',
        'app.same_as_web_app',
        `${quote(clientId, 60)} is the client ID of the web app you chose with your server.`,
        'This exercise needs an app of its own (machine to machine: client credentials only, no redirect URIs). Create it and enter its client ID.',
      ),
    ]);
  }
  return makeReport('app', [pass('app', `The app's client ID is ${clientId}.`)]);
}
