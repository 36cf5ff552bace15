import { defineExercise } from '../types';

/** Machine to machine: the client credentials grant, no user, no browser. */
export const service = defineExercise({
  id: 'service',
  title: 'Machine to Machine',
  goal: 'Get an access token for a service with the client credentials grant, keeping the secret off the command line.',
  minutes: 10,
  prerequisites: ['getting-started'],
  prerequisiteReason: 'It uses the server and the custom scope you find there.',
  app: 'service',
  status: 'built',
  steps: [
    {
      id: 'app',
      kind: 'app',
      title: 'Create a service app',
      summary: 'Create an API Services app: client credentials only, no redirect URIs, no user.',
    },
    {
      id: 'token-response',
      kind: 'client-credentials-response',
      title: 'Get a token',
      summary: 'Request a token with grant_type=client_credentials and a custom scope, authenticating with HTTP Basic.',
    },
  ],
});
