/**
 * The UI half of each step kind (lib/engine/kinds holds the checks): kind → component. The
 * step page renders the step's kind from here; adding a kind is one component and one line.
 * The redirect kind has no entry: its page is /redirect (app/redirect/page.tsx).
 */
import type { StepKind } from '@/lib/course/types';
import { ApiCallKind } from './api-call';
import { AppKind } from './app';
import { AuthorizeUrlKind } from './authorize-url';
import { ClientCredentialsKind } from './client-credentials';
import { DiscoveryKind } from './discovery';
import { SetupKind } from './setup';
import { TokenResponseKind } from './token-response';
import type { KindPageProps } from './types';

export const KIND_COMPONENTS: Partial<Record<StepKind, (props: KindPageProps) => React.ReactNode>> = {
  setup: SetupKind,
  discovery: DiscoveryKind,
  app: AppKind,
  'authorize-url': AuthorizeUrlKind,
  'token-response': TokenResponseKind,
  'client-credentials-response': ClientCredentialsKind,
  'api-call': ApiCallKind,
};

/** Whether a kind's page needs the learner's server before it can show anything useful. */
export const needsServer = (kind: StepKind): boolean => kind !== 'setup' && kind !== 'console-task';

export type { KindPageProps } from './types';
