'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { readStored, rememberRefreshToken } from '@/lib/client/browser-storage';
import { buildTokenCurl } from '@/lib/exercise/curl';
import type { TokenResponseReport } from '@/lib/exercise/token-response';
import { CheckForm } from './check-form';
import { ClaimsTable } from './claims-table';
import { CurlPanel } from './curl-panel';
import { useClientSecret } from './use-client-secret';
import { StepSection } from './step-section';

/** Step 5: the code exchange command, and the check of its response. */
export function TokenStep(props: { tokenEndpoint: string; clientId: string; redirectUri: string; practice: boolean }) {
  const { secret, update, fillFromPracticeApp } = useClientSecret();
  const [stored, setStored] = useState<{ code: string | null; verifier: string | null }>({ code: null, verifier: null });

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser storage after hydration
    setStored({ code: readStored('code'), verifier: readStored('codeVerifier') });
  }, []);

  const command = buildTokenCurl({
    tokenEndpoint: props.tokenEndpoint,
    clientId: props.clientId,
    clientSecret: secret || undefined,
    redirectUri: props.redirectUri,
    code: stored.code ?? 'YOUR_AUTHORIZATION_CODE',
    codeVerifier: stored.verifier ?? 'YOUR_CODE_VERIFIER',
  });
  const missing = [...(stored.code ? [] : ['authorization code']), ...(stored.verifier ? [] : ['code verifier'])];

  return (
    <div className="space-y-8">
      <StepSection id="curl-heading" title="1. Run this in a terminal">
        <p className="mb-4 mt-1 text-sm text-slate-700 dark:text-slate-300">
          Codes expire within minutes and work once: run it soon after logging in. If it fails, the error response is
          worth checking too — the lab explains it.
        </p>
        <CurlPanel
          command={command}
          clientSecret={secret}
          onClientSecretChange={update}
          onFillPracticeSecret={props.practice ? fillFromPracticeApp : undefined}
          missing={missing}
        />
      </StepSection>
      <StepSection id="paste-heading" title="2. Paste the response" headingClassName="mb-3">
        <CheckForm<TokenResponseReport>
          endpoint="/api/exercise/token-response"
          field="response"
          label="Token Response"
          description="Paste the JSON the token endpoint returned. It must hold a refresh_token."
          buttonLabel="Check Your Response"
          rows={8}
          onReport={(report, input) => {
            if (report.status === 'pass') rememberRefreshToken(input);
          }}
        >
          {(report) => (
            <>
              {report.claims && <ClaimsTable claims={report.claims} />}
              {report.status === 'pass' && (
                <Link href="/exercise/refresh/refresh" className={buttonClass('primary')}>
                  Next: use the refresh token
                </Link>
              )}
            </>
          )}
        </CheckForm>
      </StepSection>
    </div>
  );
}
