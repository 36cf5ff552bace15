/** Diagnosis codes: the exercise's own app on the learner's server (the `app` check kind). See ./index.ts. */
import { code, type CodeInfo } from './code-info';

export const APP_CODES = {
  'app.client_id_missing': code(
    ['app'],
    ['fail'],
    'No client ID was given for the exercise’s app.',
    'Pressing Check before creating the app.',
  ),
  'app.client_id_invalid': code(
    ['app'],
    ['fail'],
    'The client ID has spaces, invisible characters or a template’s placeholder.',
    'Copying a label with it, or leaving {clientId} in.',
  ),
  'app.same_as_web_app': code(
    ['app'],
    ['fail'],
    'The client ID is the web app’s: the exercise needs an app of its own type.',
    'Reusing the web app for machine to machine instead of creating a service app.',
  ),
} as const satisfies Record<string, CodeInfo>;
