/** Examples for the `api-call` check kind's codes (lib/exercise/codes/api-call.ts): calls as the practice API recorded them. */
import { checkApiCall, type ApiCallCheckContext } from '../../api-call/check';
import type { ObservedApiCall } from '../../api-call/observed';
import type { CodeSeverity } from '../code-info';
import type { CodeExample } from './types';

const NOW_S = 1_796_000_000;
const APP = '0oa8f2k1LqWzXc3Rv5d7';
const SERVICE_APP = '0oa3m9TyUvB7nQe2Ws4x';

const CTX: ApiCallCheckContext = {
  clientId: APP,
  since: new Date((NOW_S - 600) * 1000),
  expectedJti: 'AT.Jq7mVb2XkP9wLr4n',
  now: new Date(NOW_S * 1000),
  apiUrl: 'http://localhost:3000/api/practice/photos',
  appNames: { [SERVICE_APP]: 'My Service App' },
};

const call = (changes: Partial<ObservedApiCall>): ObservedApiCall => ({
  clientId: APP,
  tokenJti: 'AT.Jq7mVb2XkP9wLr4n',
  status: 200,
  outcome: 'ok',
  sentVia: 'header',
  scopes: ['openid', 'api:read'],
  calledAt: NOW_S - 30,
  ...changes,
});

const example = (severity: CodeSeverity, calls: ObservedApiCall[], ctx: Partial<ApiCallCheckContext> = {}): CodeExample => ({
  step: 'api-call',
  severity,
  run: () => checkApiCall(calls, { ...CTX, ...ctx }),
});

export const API_CALL_EXAMPLES: Record<string, CodeExample[]> = {
  'api_call.none_observed': [example('fail', [])],
  'api_call.token_in_query': [example('fail', [call({ status: 401, outcome: 'token_in_query', sentVia: 'query' })])],
  'api_call.not_bearer': [example('fail', [call({ status: 401, outcome: 'not_bearer' })])],
  'api_call.several_methods': [example('fail', [call({ status: 400, outcome: 'several_methods' })])],
  'api_call.expired': [example('fail', [call({ status: 401, outcome: 'expired' })])],
  'api_call.insufficient_scope': [example('fail', [call({ status: 403, outcome: 'insufficient_scope', scopes: ['openid', 'profile'] })])],
  'api_call.other_app': [example('fail', [call({ clientId: SERVICE_APP, tokenJti: 'AT.Sv9cQ2', scopes: ['api:read'] })])],
  'api_call.malformed': [example('fail', [call({ status: 401, outcome: 'malformed' })])],
  'api_call.token_rejected': [example('fail', [call({ status: 401, outcome: 'bad_signature' })])],
  'api_call.revoked_but_accepted': [example('info', [call({ outcome: 'revoked_but_accepted' })])],
  'api_call.token_in_body': [example('warn', [call({ sentVia: 'body' })])],
  'api_call.other_token': [example('info', [call({ tokenJti: 'AT.Rf4tYh8UiOp1' })])],
};
