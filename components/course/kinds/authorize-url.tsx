import { AuthorizeStep } from '@/components/exercise/authorize-step';
import { adviseScope, groupScopes } from '@/lib/exercise/scope-advice';
import type { KindPageProps } from './types';

/** Build the authorization URL (kind `authorize-url`): the template asks for the step's `requiredScopes`. */
export function AuthorizeUrlKind({ step, provider, endpoint }: KindPageProps) {
  const p = provider!;
  const required = (step.params?.requiredScopes as string[] | undefined) ?? ['offline_access'];
  // Refresh Tokens' wording (offline_access plus a scope of the learner's) when it asks for a refresh token.
  const refresh = required.includes('offline_access');
  const scope = refresh ? undefined : required.join('+');
  const scopeNote = refresh ? undefined : (
    <>
      It asks for{' '}
      {required.map((s, i) => (
        <span key={s}>
          {i > 0 && ' and '}
          <code className="font-mono">{s}</code>
        </span>
      ))}
      : the scope{required.length > 1 ? 's' : ''} the API you call later needs. Add <code className="font-mono">openid</code> if you also
      want an ID token.
    </>
  );
  return (
    <AuthorizeStep
      authorizationEndpoint={p.authorizationEndpoint}
      clientId={p.clientId}
      redirectUri={p.redirectUri}
      scopeAdvice={adviseScope(p.scopesSupported)}
      scopes={groupScopes(p.scopesSupported)}
      scopesConsoleHref={p.mode === 'practice' ? '/practice/console#scopes' : undefined}
      scope={scope}
      scopeNote={scopeNote}
      endpoint={endpoint}
    />
  );
}
