import { defineExercise, type AppType } from '../types';

/**
 * The exercises of the course's later parts (issues 22 and 23), listed on the index as
 * "coming" until each is built on the engine and moves to its own module.
 */
const coming = (id: string, title: string, goal: string, minutes: number, prerequisites: string[], app: AppType | null) =>
  defineExercise({ id, title, goal, minutes, prerequisites, app, status: 'coming', steps: [] });

export const spa = coming(
  'spa',
  'Single-Page App',
  'Run the flow from a browser as a public client: CORS, trusted origins and rotating refresh tokens.',
  25,
  ['web'],
  'spa',
);
export const native = coming(
  'native',
  'Native App',
  'Use a loopback redirect as RFC 8252 prescribes, in the system browser, with no client secret.',
  20,
  ['web'],
  'native',
);
export const openid = coming(
  'openid',
  'OpenID Connect',
  'Sign a user in: validate the ID token’s signature, issuer, audience and nonce, and read userinfo.',
  20,
  ['web'],
  'web',
);
export const device = coming(
  'device',
  'Device Flow',
  'Sign in on a device without a browser: device code, activation page and polling.',
  15,
  ['getting-started'],
  'device',
);
export const revoke = coming(
  'revoke',
  'Revoke',
  'Revoke access and refresh tokens, introspect them, and see what an API that validates locally still accepts.',
  15,
  ['refresh'],
  'web',
);
export const api = coming(
  'api',
  'Protect an API',
  'Be the resource server: validate JWT access tokens, enforce scopes and answer with RFC 6750 errors.',
  30,
  ['web'],
  null,
);
export const challenge = coming('challenge', 'Workshop challenge', 'A challenge your instructor sets for the cohort.', 30, ['web'], null);
