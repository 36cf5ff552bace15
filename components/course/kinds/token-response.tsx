import { TokenExchangeStep } from '@/components/exercise/token-exchange-step';
import type { KindPageProps } from './types';

/** Exchange the code (kind `token-response`): the curl command and the paste, with the step's refresh token rule. */
export function TokenResponseKind({ step, provider, endpoint, next }: KindPageProps) {
  const p = provider!;
  const refreshRequired = (step.params?.refreshToken ?? 'required') === 'required';
  return (
    <TokenExchangeStep
      grant="authorization_code"
      tokenEndpoint={p.tokenEndpoint}
      clientId={p.clientId}
      redirectUri={p.redirectUri}
      practice={p.mode === 'practice'}
      opaqueRefreshTokens={p.mode === 'practice' || p.kind === 'okta' || p.kind === 'auth0'}
      endpoint={endpoint}
      description={
        refreshRequired
          ? 'Paste the JSON the token endpoint returned. It must hold a refresh_token.'
          : 'Paste the JSON the token endpoint returned.'
      }
      next={next}
    />
  );
}
