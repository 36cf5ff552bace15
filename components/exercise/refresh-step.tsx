'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { readStored, rememberRefreshToken, writeStored } from '@/lib/client/browser-storage';
import { buildRefreshCurl } from '@/lib/exercise/curl';
import type { RefreshResponseReport } from '@/lib/exercise/refresh-response';
import { CheckForm } from './check-form';
import { ClaimsTable } from './claims-table';
import { CurlPanel } from './curl-panel';
import { useClientSecret } from './use-client-secret';
import { StepSection } from './step-section';

/** Step 6: the refresh token grant command, and the check of its response. */
export function RefreshStep(props: { tokenEndpoint: string; clientId: string; practice: boolean }) {
  const ids = { token: useId() };
  const { secret, update, fillFromPracticeApp } = useClientSecret();
  const [refreshToken, setRefreshToken] = useState('');

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser storage after hydration
    setRefreshToken(readStored('refreshToken') ?? '');
  }, []);

  const command = buildRefreshCurl({
    tokenEndpoint: props.tokenEndpoint,
    clientId: props.clientId,
    clientSecret: secret || undefined,
    refreshToken: refreshToken || 'YOUR_REFRESH_TOKEN',
  });

  return (
    <div className="space-y-8">
      <StepSection id="curl-heading" title="1. Run this in a terminal">
        <p className="mb-4 mt-1 text-sm text-slate-700 dark:text-slate-300">
          No browser and no login this time: the refresh token alone gets a new access token.
        </p>
        <div className="mb-4 space-y-1">
          <label htmlFor={ids.token} className="block text-sm font-medium">
            Refresh token
          </label>
          <input
            id={ids.token}
            type="password"
            value={refreshToken}
            onChange={(e) => {
              setRefreshToken(e.target.value);
              writeStored('refreshToken', e.target.value || null);
            }}
            autoComplete="off"
            className="block w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
          />
          <p className="text-xs text-slate-600 dark:text-slate-400">Filled in from the response you checked in step 5 (kept in this tab only).</p>
        </div>
        <CurlPanel
          command={command}
          clientSecret={secret}
          onClientSecretChange={update}
          onFillPracticeSecret={props.practice ? fillFromPracticeApp : undefined}
          missing={refreshToken ? [] : ['refresh token']}
        />
      </StepSection>
      <StepSection id="paste-heading" title="2. Paste the response" headingClassName="mb-3">
        <CheckForm<RefreshResponseReport>
          endpoint="/api/exercise/refresh-response"
          field="response"
          label="Refresh Token Response"
          description="Paste the JSON the token endpoint returned. It must hold a new access token."
          buttonLabel="Check Your Response"
          rows={8}
          onReport={(report, input) => {
            if (report.status === 'pass') rememberRefreshToken(input);
          }}
        >
          {(report) => (
            <>
              {report.claims && <ClaimsTable claims={report.claims} title="Inside your new access token" />}
              {report.status === 'pass' && (
                <Link href="/exercise/refresh/complete" className={buttonClass('primary')}>
                  See your results
                </Link>
              )}
            </>
          )}
        </CheckForm>
      </StepSection>
    </div>
  );
}
