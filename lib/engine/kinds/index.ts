/**
 * Every check kind, by name (lib/course/check-kinds.ts). A step's kind supplies its body
 * schema and checker; adding a kind is one module and one line here.
 */
import type { CheckKind } from '../../course/check-kinds';
import { apiCallKind } from './api-call';
import { appKind } from './app';
import { authorizeUrlKind } from './authorize-url';
import { clientCredentialsKind } from './client-credentials';
import { discoveryKind } from './discovery';
import { redirectKind } from './redirect';
import { setupKind } from './setup';
import { refreshResponseKind, tokenResponseKind } from './token-response';
import type { CheckKindDefinition } from './types';

export const STEP_KINDS: Partial<Record<CheckKind, CheckKindDefinition<never>>> = {
  setup: setupKind,
  app: appKind,
  'authorize-url': authorizeUrlKind,
  redirect: redirectKind,
  'token-response': tokenResponseKind,
  'refresh-response': refreshResponseKind,
  'api-call': apiCallKind,
  'client-credentials-response': clientCredentialsKind,
  discovery: discoveryKind,
} as Partial<Record<CheckKind, CheckKindDefinition<never>>>;

export function kindOf(kind: string): CheckKindDefinition<unknown> | null {
  return (Object.hasOwn(STEP_KINDS, kind) ? STEP_KINDS[kind as CheckKind] : null) as CheckKindDefinition<unknown> | null;
}
