/** Examples for the codes the course added to the Refresh Tokens exercise's check kinds. */
import { checkAuthorizeUrl } from '../../authorize-url';
import { build, OKTA, withParams } from '../../authorize-url/test-support';
import { ctx, respond } from '../../token/test-support';
import { checkTokenResponse } from '../../token/token-step';
import { apiCallOnOwnServer } from '../../api-call/check';
import { checkOwnAppClientId } from '../../app-step';
import type { CodeExample } from './types';

const appExample = (raw: string): CodeExample[] => [{ step: 'app', severity: 'fail', run: () => checkOwnAppClientId(raw, '0oaWEBAPP123') }];

export const COURSE_KIND_EXAMPLES: Record<string, CodeExample[]> = {
  'app.client_id_missing': appExample(''),
  'app.client_id_invalid': appExample('{yourClientId}'),
  'app.same_as_web_app': appExample('0oaWEBAPP123'),
  'scope.required_missing': [
    {
      step: 'authorize-url',
      severity: 'fail',
      run: () => checkAuthorizeUrl(build(withParams({ scope: 'openid' })), { ...OKTA, requiredScopes: ['api:read'] }),
    },
  ],
  'api_call.own_server': [
    { step: 'api-call', severity: 'info', run: () => apiCallOnOwnServer('https://dev-123456.okta.com/oauth2/default') },
  ],
  'refresh_token.not_needed': [
    { step: 'token-response', severity: 'info', run: async () => checkTokenResponse(await respond(), ctx({ refreshToken: 'optional' })) },
  ],
};
