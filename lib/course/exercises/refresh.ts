import { defineExercise } from '../types';

/**
 * The flagship (SPEC §2). Its step ids, page slugs and titles are contracts: the API
 * (`/api/exercise/<id>`), the pages under /exercise/refresh and the tests use them.
 */
export const refresh = defineExercise({
  id: 'refresh',
  title: 'Refresh Tokens',
  goal: 'Get a refresh token with offline_access and PKCE, then use it for a new access token.',
  minutes: 15,
  prerequisites: ['getting-started', 'web'],
  prerequisiteReason: 'It assumes you found your server’s endpoints and have run the authorization code flow once.',
  app: 'web',
  status: 'built',
  basePath: '/exercise/refresh',
  steps: [
    {
      id: 'setup',
      kind: 'setup',
      title: 'Choose your server',
      summary: 'Choose an authorization server: the built-in practice server (no account needed) or your own.',
    },
    {
      id: 'enable',
      kind: 'console-task',
      title: 'Enable refresh tokens',
      summary: 'Allow the Refresh Token grant for your app.',
      params: { grant: 'refresh_token' },
    },
    {
      id: 'authorize-url',
      slug: 'authorize',
      kind: 'authorize-url',
      title: 'Build the authorization URL',
      summary: 'Build an authorization URL that asks for offline_access, with a PKCE code challenge and a state.',
      params: { requiredScopes: ['offline_access'] },
    },
    {
      id: 'redirect',
      kind: 'redirect',
      title: 'Capture the authorization code',
      summary: 'Log in and capture the authorization code from the redirect.',
    },
    {
      id: 'token-response',
      slug: 'token',
      kind: 'token-response',
      title: 'Exchange the code',
      summary: 'Exchange the code for tokens with curl — the response must include a refresh token.',
      params: { refreshToken: 'required' },
    },
    {
      id: 'refresh-response',
      slug: 'refresh',
      kind: 'refresh-response',
      title: 'Use the refresh token',
      summary: 'Use the refresh token to get a new access token.',
    },
  ],
});
