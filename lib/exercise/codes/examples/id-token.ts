/**
 * Examples for the ID token check (kind `id-token`): its own `id_token.*` codes, each from a
 * token with one fault judged as a learner plausibly judges it. Run by codes.test.ts, whose
 * keys (token/test-support.ts) sign the tokens.
 */
import { checkIdTokenVerdicts } from '../../id-token/judge';
import { idCtx, mintId, unsigned, verdicts } from '../../id-token/test-support';
import type { CheckName, IdTokenContext, Verdict } from '../../id-token/validate';
import { mint, NOW_S, otherKey } from '../../token/test-support';
import type { CodeSeverity } from '../code-info';
import type { CodeExample } from './types';

type Judged = Partial<Record<CheckName, Verdict | undefined>>;

const judge = (
  severity: CodeSeverity,
  token: () => string | Promise<string>,
  judged: Judged = {},
  o: () => Partial<IdTokenContext> = () => ({}),
): CodeExample[] => [
  { step: 'id-token', severity, run: async () => checkIdTokenVerdicts({ token: await token(), verdicts: verdicts(judged) }, idCtx(o())) },
];

export const ID_TOKEN_EXAMPLES: Record<string, CodeExample[]> = {
  'id_token.not_a_jwt': judge('fail', async () => `{"token_type":"Bearer","id_token":"${await mintId()}"}`),
  'id_token.is_access_token': judge('fail', () => mint()),
  'id_token.verdict_missing': judge('fail', () => mintId(), { nonce: undefined }),
  'id_token.verdict_wrong': judge('fail', () => mintId(), { aud: 'invalid' }),
  'id_token.alg_none': judge('fail', () => unsigned()),
  'id_token.symmetric_alg': judge('fail', () =>
    mintId({}, { alg: 'HS256', key: new TextEncoder().encode('a-secret-of-at-least-32-bytes-long!') }),
  ),
  'id_token.unknown_key': judge('fail', () => mintId({}, { key: otherKey, kid: 'k2-other-tenant' })),
  'id_token.signature_invalid': judge('fail', () => mintId({}, { key: otherKey })),
  'id_token.keys_unavailable': judge(
    'warn',
    () => mintId(),
    {},
    () => ({ getKey: null }),
  ),
  'id_token.claim_missing': judge('fail', () => mintId({ iat: undefined })),
  'id_token.wrong_issuer': judge('fail', () => mintId({ iss: 'https://login.other-idp.example.com/oauth2/default' })),
  'id_token.wrong_audience': judge('fail', () => mintId({ aud: '0oaOTHERAPP9z8y7x6w5' })),
  'id_token.expired': judge('fail', () => mintId({ iat: NOW_S - 7200, exp: NOW_S - 3600 })),
  'id_token.issued_in_future': judge('fail', () => mintId({ iat: NOW_S + 3600, exp: NOW_S + 7200 })),
  'id_token.nonce_missing': judge('fail', () => mintId({ nonce: undefined })),
  'id_token.nonce_mismatch': judge('fail', () => mintId({ nonce: 'n-0ther-L0gin-5vXq2Rt8' })),
  'id_token.azp_mismatch': judge('fail', () => mintId({ azp: '0oaOTHERAPP9z8y7x6w5' })),
};
