/**
 * The corpus of learners' mistakes in the discovery step (test data, imported by
 * ../corpus.test.ts): each case names what the learner did, the server, the field, what they
 * entered, the code and status expected, and what the hint must say.
 */
import type { DiscoveryAnswers, DiscoveryContext } from '../types';
import { auth0Context, genericContext, keycloakContext, oktaContext, oktaOrgContext, practiceContext } from '../fixtures';

export type Field = keyof DiscoveryAnswers;
export type Server = 'practice' | 'okta' | 'org' | 'auth0' | 'keycloak' | 'generic';

/** [what the learner did, server, field, what they entered, code, status, what the hint must say] */
export type Case = [string, Server, Field, string, string, 'fail' | 'warn' | 'info', RegExp];

export const CONTEXTS: Record<Server, () => DiscoveryContext> = {
  practice: practiceContext,
  okta: () => oktaContext(),
  org: oktaOrgContext,
  auth0: auth0Context,
  keycloak: () => keycloakContext(),
  generic: () => genericContext(),
};

/** The right scope for each server (the org server has none to give). */
export const SCOPE: Record<Server, string> = {
  practice: 'api:read',
  okta: 'photos:read',
  org: 'photos:read',
  auth0: 'read:photos',
  keycloak: 'photos:read',
  generic: 'photos.read',
};

export const okta = oktaContext().metadata;
export const kc = keycloakContext().metadata;
export const auth0 = auth0Context().metadata;
export const practice = practiceContext().metadata;
export const OKTA = 'https://dev-123456.okta.com';
