'use client';

import { useState } from 'react';
import { CodeBlock } from '@/components/ui/code-block';
import { Field, Input } from '@/components/ui/field';
import { useStoredValue } from '@/lib/client/use-stored-value';
import { buildApiCurl, buildRefreshCurl, buildRevokeCurl } from '@/lib/exercise/curl';
import { stepRef } from '@/lib/exercise/steps';
import type { RefreshResponseReport } from '@/lib/exercise/token/refresh-step';
import { CheckForm } from './check-form';
import { StepSection } from './step-section';
import { CurlPanel } from './curl-panel';
import { RefreshTokenField } from './refresh-token-field';
import { useClientSecret } from './use-client-secret';

/** Calling the practice server's protected API with the access token, before and after a refresh. */
export function ApiCallPanel({ apiUrl }: { apiUrl: string }) {
  // Not kept anywhere: an access token is typed (or pasted) for this one command.
  const [accessToken, setAccessToken] = useState('');
  return (
    <StepSection id="api-heading" title="Use your access token">
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        An access token is for calling an API. The practice server has a small one: a photo list that needs a token with the{' '}
        <code className="font-mono">api:read</code> scope. Try it with the <strong>first</strong> access token and with the{' '}
        <strong>new</strong> one: both work until they expire. Then change one character in the <em>middle</em> of the token (the last
        character can carry unused bits, so changing it may leave the signature valid), or send none.
      </p>
      <div className="mt-4 space-y-4">
        <Field label="Access token" hint="The access_token of one of your responses. It stays on this page only.">
          {(control) => (
            <Input
              {...control}
              type="password"
              value={accessToken}
              onChange={(e) => setAccessToken(e.target.value)}
              autoComplete="off"
              className="max-w-md font-mono text-sm"
            />
          )}
        </Field>
        <CodeBlock code={buildApiCurl({ url: apiUrl, accessToken })} label="API call" testId="api-curl-command" />
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700 dark:text-slate-300">
          <li>
            <strong>200</strong> and a photo list: the API verified the token&apos;s signature, issuer, audience, expiry and scope.
          </li>
          <li>
            <strong>401</strong> with <code className="font-mono">WWW-Authenticate: Bearer error=&quot;invalid_token&quot;</code>: no token,
            an expired one, or one that was changed. An app answers this by refreshing the access token.
          </li>
          <li>
            <strong>403</strong> with <code className="font-mono">error=&quot;insufficient_scope&quot;</code>: a valid token without{' '}
            <code className="font-mono">api:read</code>. Refreshing does not help: the login must ask for the scope.
          </li>
        </ul>
      </div>
    </StepSection>
  );
}

/**
 * Revoking the refresh token, and the refresh that then fails — the expected outcome, which
 * the refresh check confirms (`expect: "revoked"`). The same fill-in controls as the token
 * steps: in a new tab the secret and the refresh token are typed or filled in here.
 */
export function RevokePanel({
  revocationEndpoint,
  tokenEndpoint,
  clientId,
}: {
  revocationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
}) {
  const { secret, update, fillFromPracticeApp } = useClientSecret();
  const [refreshToken] = useStoredValue('refreshToken');
  const token = refreshToken || 'YOUR_REFRESH_TOKEN';
  const clientSecret = secret || undefined;
  return (
    <StepSection id="revoke-heading" title="Revoke the refresh token">
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        When a user signs out or a device is lost, the app revokes its refresh token (RFC 7009). Revoke yours, then try to refresh with it.
        Do this before the rotation extra below: revoking ends this login&apos;s tokens, so that extra then starts from a fresh login.
      </p>
      <div className="mt-4 space-y-4">
        <RefreshTokenField
          hint={`The refresh_token of your latest response (from ${stepRef('token')} or ${stepRef('refresh')}); kept in this tab only.`}
          className="max-w-md"
        />
        <CurlPanel
          command={buildRevokeCurl({ revocationEndpoint, clientId, clientSecret, refreshToken: token })}
          clientSecret={secret}
          onClientSecretChange={update}
          onFillPracticeSecret={fillFromPracticeApp}
          missing={refreshToken ? [] : ['refresh token']}
          practice
          testId="revoke-curl-command"
        />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The server answers <strong>200</strong> with an empty body — also for a token it does not know, so a caller learns nothing about
          other tokens. Now run the refresh again:
        </p>
        <CodeBlock
          code={buildRefreshCurl({ tokenEndpoint, clientId, clientSecret, refreshToken: token })}
          label="Refresh command"
          testId="refresh-after-revoke-command"
        />
        <CheckForm<RefreshResponseReport>
          endpoint="/api/exercise/refresh-response"
          field="response"
          extraBody={{ expect: 'revoked' }}
          label="Refresh response after the revoke"
          description="Paste what the refresh answered: a refusal (invalid_grant) is what revocation is for. Your completed exercise stays completed: this is extra credit."
          buttonLabel="Explain This Response"
          rows={4}
        />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Revoking the refresh token also ends the access tokens of that login at the server:{' '}
          <code className="font-mono">/v1/introspect</code> answers <code className="font-mono">{'{"active": false}'}</code> and{' '}
          <code className="font-mono">/v1/userinfo</code> refuses them. The practice API still accepts them until they expire: like most
          APIs, it checks the JWT on its own, without asking the server. That is why access tokens are short-lived.
        </p>
      </div>
    </StepSection>
  );
}
