/** Diagnosis codes: pastes that are not the artefact a step asks for (issue 19). See ./index.ts. */
import type { CheckKind } from '../../course/check-kinds';
import type { StepId } from '../steps';
import { code } from './code-info';

const RESPONSES: StepId[] = ['token-response', 'refresh-response'];
const WITH_SERVICE: CheckKind[] = [...RESPONSES, 'client-credentials-response'];

export const PASTE_CODES = {
  'paste.curl_error': code(
    WITH_SERVICE,
    ['fail'],
    'curl failed before the server answered; its error names the cause.',
    'A wrong port or host in the command, a placeholder host kept, https to an http server, or a command cut or mis-quoted.',
  ),
  'paste.powershell_error': code(
    WITH_SERVICE,
    ['fail'],
    'PowerShell refused the command: its curl is Invoke-WebRequest, not curl.',
    'Running the curl command in PowerShell without .exe (curl.exe is the real curl).',
  ),
  'paste.browser_error': code(
    RESPONSES,
    ['fail'],
    "A browser console's error for a fetch() was pasted: the browser did not let the page read the answer.",
    "Sending the token request with fetch() in the browser's console (or devtools' Copy as fetch), where CORS applies.",
  ),
  'paste.http_error': code(
    WITH_SERVICE,
    ['fail'],
    'The server answered an HTTP error without the OAuth JSON: the address or the method is wrong.',
    'Posting to the wrong path (404), sending a GET (405), or sending JSON instead of a form (415).',
  ),
  'paste.html': code(
    WITH_SERVICE,
    ['fail'],
    'An HTML page was pasted: the command went to a web page, not the token endpoint.',
    'Sending the request to the authorize endpoint, the site itself or a login page.',
  ),
  'paste.other_artefact': code(
    ['authorize-url', ...WITH_SERVICE],
    ['fail'],
    'Another artefact of the exercise was pasted (a URL), not the response this step checks.',
    'Pasting the redirect address where the authorization URL goes, or a URL into a response box.',
  ),
  'paste.truncated': code(
    WITH_SERVICE,
    ['fail'],
    'A token in the paste was shortened with "…" by a display.',
    'Copying a browser console preview, a log window or a folded editor view instead of the whole response.',
  ),
  'paste.command_only': code(
    WITH_SERVICE,
    ['fail'],
    'The command was pasted, not what it printed.',
    'Copying the command from the page into the box instead of running it in a terminal.',
  ),
  'access_token.client_credentials_grant': code(
    ['token-response'],
    ['fail'],
    "The token came from the client credentials grant (its sub is the app's client ID, no user): no code was exchanged.",
    'Running grant_type=client_credentials (a service app’s request) instead of exchanging the authorization code.',
  ),
  'paste.placeholder': code(
    WITH_SERVICE,
    ['fail'],
    'The command still holds a template placeholder (YOUR_CLIENT_SECRET, {yourOktaDomain}).',
    'Running the command before filling in the secret, the refresh token or the domain.',
  ),
};
