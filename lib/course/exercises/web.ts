import { defineExercise } from '../types';

/** The authorization code flow with PKCE for a confidential client, then a call to an API with the token. */
export const web = defineExercise({
  id: 'web',
  title: 'Web App',
  goal: 'Run the authorization code flow with PKCE and state as a confidential web app, then call an API with the access token.',
  minutes: 20,
  prerequisites: ['getting-started'],
  prerequisiteReason: 'It uses the server and the endpoints you find there.',
  app: 'web',
  status: 'built',
  steps: [
    {
      id: 'authorize-url',
      kind: 'authorize-url',
      title: 'Build the authorization URL',
      summary: 'Build an authorization URL with a PKCE code challenge, a state and the api:read scope.',
      params: { requiredScopes: ['api:read'] },
    },
    {
      id: 'redirect',
      kind: 'redirect',
      title: 'Capture the authorization code',
      summary: 'Log in and capture the authorization code from the redirect.',
    },
    {
      id: 'token-response',
      kind: 'token-response',
      title: 'Exchange the code',
      summary: 'Exchange the code for tokens with curl, authenticating your app with its client secret.',
      params: { refreshToken: 'optional' },
    },
    {
      id: 'api-call',
      kind: 'api-call',
      title: 'Call the API',
      summary: 'Call the practice API with your access token as a Bearer token.',
    },
  ],
});
