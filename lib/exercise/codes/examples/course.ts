/** Examples for the codes the course added to the Refresh Tokens exercise's check kinds. */
import { checkAuthorizeUrl } from '../../authorize-url';
import { build, OKTA, withParams } from '../../authorize-url/test-support';
import { ctx, respond } from '../../token/test-support';
import { checkTokenResponse } from '../../token/token-step';
import type { CodeExample } from './types';

export const COURSE_KIND_EXAMPLES: Record<string, CodeExample[]> = {
  'scope.required_missing': [
    {
      step: 'authorize-url',
      severity: 'fail',
      run: () => checkAuthorizeUrl(build(withParams({ scope: 'openid' })), { ...OKTA, requiredScopes: ['api:read'] }),
    },
  ],
  'refresh_token.not_needed': [
    { step: 'token-response', severity: 'info', run: async () => checkTokenResponse(await respond(), ctx({ refreshToken: 'optional' })) },
  ],
};
