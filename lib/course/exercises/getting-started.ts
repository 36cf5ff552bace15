import { defineExercise } from '../types';

/** oauth.school's "Getting Started": a server, and where its metadata says everything is. */
export const gettingStarted = defineExercise({
  id: 'getting-started',
  title: 'Getting Started',
  goal: 'Choose an authorization server and read its discovery document: issuer, endpoints, keys and a custom scope.',
  minutes: 10,
  prerequisites: [],
  app: null,
  status: 'built',
  steps: [
    {
      id: 'setup',
      kind: 'setup',
      title: 'Choose your server',
      summary: 'The built-in practice server (no account needed) or your own: Okta, Auth0, Keycloak or any OAuth server.',
    },
    {
      id: 'discovery',
      kind: 'discovery',
      title: 'Find the endpoints',
      summary: 'Open the server’s metadata document and find its issuer, endpoints, key set and a custom scope.',
    },
  ],
});
