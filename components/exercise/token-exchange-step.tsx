'use client';

import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { rememberRefreshToken } from '@/lib/client/remember-refresh-token';
import { useStoredValue } from '@/lib/client/use-stored-value';
import { buildRefreshCurl, buildTokenCurl } from '@/lib/exercise/curl';
import type { RefreshResponseReport } from '@/lib/exercise/token/refresh-step';
import type { TokenResponseReport } from '@/lib/exercise/token/token-step';
import { CheckForm } from './check-form';
import { ClaimsTable } from './claims-table';
import { CurlPanel } from './curl-panel';
import { RefreshTokenField } from './refresh-token-field';
import { StepSection } from './step-section';
import { useClientSecret } from './use-client-secret';
import { stepRef } from '@/lib/exercise/steps';

type Grant = 'authorization_code' | 'refresh_token';

/** What differs between the two token requests of the exercise. */
const STEPS = {
  authorization_code: {
    intro:
      'Codes expire within minutes and work once: run it soon after logging in. If it fails, the error response is worth checking too — the lab explains it.',
    endpoint: '/api/exercise/token-response',
    label: 'Token Response',
    description: 'Paste the JSON the token endpoint returned. It must hold a refresh_token.',
    claimsTitle: undefined,
    failedClaimsTitle: undefined,
    next: { href: '/exercise/refresh/refresh', label: 'Next: use the refresh token' },
  },
  refresh_token: {
    intro:
      'No browser and no login this time: your app sends the refresh token, with its client ID and secret, to the token endpoint and gets a new access token.',
    endpoint: '/api/exercise/refresh-response',
    label: 'Refresh Token Response',
    description: 'Paste the JSON the token endpoint returned. It must hold a new access token.',
    claimsTitle: 'Inside your new access token',
    failedClaimsTitle: 'Inside the access token you pasted',
    next: { href: '/exercise/refresh/complete', label: 'See your results' },
  },
} as const;

/**
 * Steps 5 and 6: a token request to run in a terminal (the code exchange, or the refresh
 * token grant), filled with what this browser kept, and the check of its response.
 */
export function TokenExchangeStep(props: {
  grant: Grant;
  tokenEndpoint: string;
  clientId: string;
  redirectUri: string;
  practice: boolean;
  /** Whether this server's refresh tokens are opaque (practice, Okta, Auth0), so a JWT there is the access token. */
  opaqueRefreshTokens: boolean;
  /** Another exercise's check endpoint, paste description and next step (defaults: Refresh Tokens'). */
  endpoint?: string;
  description?: string;
  next?: { href: string; label: string } | null;
}) {
  const defaults = STEPS[props.grant];
  const step = {
    ...defaults,
    endpoint: props.endpoint ?? defaults.endpoint,
    description: props.description ?? defaults.description,
    next: props.next === undefined ? defaults.next : props.next,
  };
  const { secret, update, fillFromPracticeApp } = useClientSecret();
  const [code] = useStoredValue('code');
  const [verifier] = useStoredValue('codeVerifier');
  const [refreshToken] = useStoredValue('refreshToken');

  const base = { tokenEndpoint: props.tokenEndpoint, clientId: props.clientId, clientSecret: secret || undefined };
  const command =
    props.grant === 'authorization_code'
      ? buildTokenCurl({
          ...base,
          redirectUri: props.redirectUri,
          code: code ?? 'YOUR_AUTHORIZATION_CODE',
          codeVerifier: verifier ?? 'YOUR_CODE_VERIFIER',
        })
      : buildRefreshCurl({ ...base, refreshToken: refreshToken || 'YOUR_REFRESH_TOKEN' });
  const missing =
    props.grant === 'authorization_code'
      ? [...(code ? [] : ['authorization code']), ...(verifier ? [] : ['code verifier'])]
      : refreshToken
        ? []
        : ['refresh token'];

  return (
    <div className="space-y-8">
      <StepSection id="curl-heading" title="1. Run this in a terminal">
        <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">{step.intro}</p>
        {props.grant === 'refresh_token' && (
          <RefreshTokenField
            error={
              props.opaqueRefreshTokens && refreshToken && looksLikeJwt(refreshToken)
                ? `This is a JWT — the access token (or ID token) — not the refresh token. Use the refresh_token value of your ${stepRef('token')} response.`
                : null
            }
            hint={`Filled in from the response you checked in ${stepRef('token')} (kept in this tab only).`}
            className="mb-4 max-w-md"
          />
        )}
        <CurlPanel
          command={command}
          clientSecret={secret}
          onClientSecretChange={update}
          onFillPracticeSecret={props.practice ? fillFromPracticeApp : undefined}
          missing={missing}
          practice={props.practice}
        />
      </StepSection>
      <StepSection id="paste-heading" title="2. Paste the response" headingClassName="mb-3">
        <CheckForm<TokenResponseReport | RefreshResponseReport>
          endpoint={step.endpoint}
          field="response"
          label={step.label}
          description={step.description}
          buttonLabel="Check Your Response"
          rows={8}
          onReport={(report, input) => {
            // A chunk that fails to load (a deploy since the page opened) only loses the convenience.
            if (report.status === 'pass') rememberRefreshToken(input).catch(() => undefined);
          }}
          action={(report) =>
            report.status === 'pass' && step.next ? (
              <Link href={step.next.href} className={buttonClass('primary')}>
                {step.next.label}
              </Link>
            ) : null
          }
        >
          {(report) =>
            report.claims && (
              <ClaimsTable claims={report.claims} title={report.status === 'pass' ? step.claimsTitle : step.failedClaimsTitle} />
            )
          }
        </CheckForm>
      </StepSection>
    </div>
  );
}

/** Three base64url parts starting with "eyJ" (a JSON header): a JWT. */
function looksLikeJwt(value: string): boolean {
  return /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(value.trim());
}
