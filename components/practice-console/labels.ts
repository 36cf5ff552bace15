import type { PracticeAppView } from '@/lib/practice-server/app-view';

/** Console labels of the grant types, in Okta's order and wording (a plain module: server and client panels share it). */
export const GRANT_TYPE_LABELS: [PracticeAppView['grantTypes'][number], string][] = [
  ['client_credentials', 'Client Credentials'],
  ['authorization_code', 'Authorization Code'],
  ['refresh_token', 'Refresh Token'],
  ['implicit', 'Implicit (Hybrid)'],
];
