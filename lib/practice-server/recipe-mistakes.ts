/**
 * When the practice server refuses a code exchange's PKCE check or a Basic header, it
 * records which shell recipe mistake explains it (issue 19, class 4), so the token step can
 * name it when the learner pastes only the error. Only the label is kept — never the
 * verifier, the secret or the header (nothing secret at rest or in logs).
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { DB } from '../db/client';
import { findPracticeAppByClientId } from '../db/practice-clients';
import { recordRecipeMistake } from '../db/practice-recipe-mistakes';
import { basicLabel, diagnoseBasicHeader, diagnoseChallenge, readBasicHeader, UNRELATED_LABEL } from '../exercise/shell-mistakes';
import { fingerprint } from '../exercise/token/inspect';
import { getLogger } from '../logging/logger';
import type { ProviderErrorLike } from './errors';

/** oidc-provider's `error_detail` when the verifier does not hash to the code's challenge. */
const PKCE_MISMATCH = 'code_verifier does not match code_challenge';

/** oidc-provider's refusals (invalid_request) of a malformed Basic header (lib/shared/client_auth.js). */
const BASIC_HEADER_REFUSALS = new Set([
  'invalid authorization header value format',
  'client_id and client_secret in the authorization header are not properly encoded',
  'client_secret must be provided in the Authorization header',
]);

/** A practice app's client ID ("0oa" and 17 letters or digits), wherever the header put it. */
const PRACTICE_CLIENT_ID = /0oa[A-Za-z0-9]{17}/g;

/**
 * Records the recipe mistake behind a refused token request, if it is a PKCE or Basic
 * header refusal. Never throws: a failed record changes nothing in the answer.
 */
export async function recordRecipeOutcome(db: DB, provider: Provider, ctx: KoaContextWithOIDC, error: ProviderErrorLike): Promise<void> {
  try {
    if (error.error === 'invalid_grant' && error.error_detail === PKCE_MISMATCH) await recordPkce(db, provider, ctx);
    else if (
      error.error === 'invalid_client' ||
      (error.error === 'invalid_request' && BASIC_HEADER_REFUSALS.has(error.error_description ?? ''))
    ) {
      await recordBasic(db, ctx);
    }
  } catch (err) {
    getLogger().warn({ requestId: ctx.get('x-request-id') || undefined, err }, 'practice server: recipe mistake not recorded');
  }
}

async function recordPkce(db: DB, provider: Provider, ctx: KoaContextWithOIDC): Promise<void> {
  const { code, code_verifier: verifier } = ctx.oidc.params ?? {};
  const client = ctx.oidc.client;
  if (!client || typeof code !== 'string' || typeof verifier !== 'string') return;
  // The check failed before the code was consumed, so it is still there to read its challenge.
  const stored = await provider.AuthorizationCode.find(code, { ignoreExpiration: true });
  if (!stored?.codeChallenge) return;
  const diagnosis = await diagnoseChallenge(verifier, stored.codeChallenge);
  await recordRecipeMistake(db, {
    clientId: client.clientId,
    kind: 'pkce',
    label: diagnosis?.label ?? UNRELATED_LABEL,
    codeFingerprint: fingerprint(code),
    recordedAt: Math.floor(Date.now() / 1000),
  });
}

/**
 * The app is found by the request's client_id, or by a practice client ID anywhere in the
 * decoded header (first, second when swapped, glued to the secret without a colon). A
 * refusal without a Basic header is recorded as `none`, so an older header's mistake is not
 * taken for this one's.
 */
async function recordBasic(db: DB, ctx: KoaContextWithOIDC): Promise<void> {
  const header = ctx.get('authorization');
  const read = header ? readBasicHeader(header) : null;
  const names = new Set<string>();
  if (typeof ctx.oidc.params?.client_id === 'string') names.add(ctx.oidc.params.client_id);
  for (const match of read?.credentials.matchAll(PRACTICE_CLIENT_ID) ?? []) if (names.size < 4) names.add(match[0]);
  for (const name of names) {
    const app = await findPracticeAppByClientId(db, name);
    if (!app) continue;
    const diagnosis = header ? diagnoseBasicHeader(header, app.clientId, app.clientSecret) : null;
    const label = !header ? 'none' : diagnosis ? basicLabel(diagnosis) : 'unreadable';
    await recordRecipeMistake(db, {
      clientId: app.clientId,
      kind: 'basic',
      label,
      codeFingerprint: null,
      recordedAt: Math.floor(Date.now() / 1000),
    });
    return;
  }
}
