'use client';

import { CodeBlock } from '@/components/ui/code-block';
import { writeStored } from '@/lib/client/browser-storage';
import { useStoredValue } from '@/lib/client/use-stored-value';
import type { AuthorizeUrlReport } from '@/lib/exercise/authorize-url';
import type { ScopeAdvice, ScopeGroups } from '@/lib/exercise/scope-advice';
import { buttonClass } from '@/components/ui/button';
import { CheckForm } from './check-form';
import { PkceHelper } from './pkce-helper';
import { ServerScopes } from './server-scopes';
import { StepSection } from './step-section';

const REFRESH_SCOPE = 'offline_access+{YOUR_SCOPE}';

/** The seed's multi-line template, filled with what we know. */
export function buildAuthorizeTemplate(o: {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  /** The template's scope value (default Refresh Tokens': offline_access plus the learner's scope). */
  scope?: string;
}): string {
  return [
    `${o.authorizationEndpoint}?`,
    '  response_type=code&',
    `  scope=${o.scope ?? REFRESH_SCOPE}&`,
    `  client_id=${o.clientId}&`,
    `  state=${o.state || '{STATE}'}&`,
    `  redirect_uri=${o.redirectUri}&`,
    `  code_challenge=${o.codeChallenge || '{CODE_CHALLENGE}'}&`,
    '  code_challenge_method=S256',
  ].join('\n');
}

/** Only an http(s) URL on the authorization endpoint's origin may become the Log In link. */
function safeLoginUrl(loginUrl: string | undefined, authorizationEndpoint: string): string | null {
  if (!loginUrl) return null;
  try {
    const url = new URL(loginUrl);
    const expected = new URL(authorizationEndpoint);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === expected.origin ? url.href : null;
  } catch {
    return null;
  }
}

export function AuthorizeStep(props: {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopeAdvice: ScopeAdvice;
  /** The server's published scopes, null when it publishes none. */
  scopes: ScopeGroups | null;
  /** Where the practice console lists the scopes (practice server only). */
  scopesConsoleHref?: string;
  /** The template's scope value; default Refresh Tokens' offline_access+{YOUR_SCOPE}. */
  scope?: string;
  /** What the scope explanation says instead of Refresh Tokens' (which asks for offline_access). */
  scopeNote?: React.ReactNode;
  /** The check's endpoint; default Refresh Tokens'. */
  endpoint?: string;
}) {
  const [codeChallenge] = useStoredValue('codeChallenge');
  const [state] = useStoredValue('state');
  const template = buildAuthorizeTemplate({ ...props, codeChallenge: codeChallenge ?? '', state: state ?? '' });
  const scopeNote = props.scopeNote ?? (
    <>
      Replace <code className="font-mono">{'{YOUR_SCOPE}'}</code> with {props.scopeAdvice.text}. The{' '}
      <code className="font-mono">offline_access</code> scope is what asks for a refresh token.
    </>
  );

  return (
    <div className="space-y-8">
      <StepSection id="pkce-heading" title="1. Make a PKCE code verifier, its challenge, and a state">
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          PKCE proves that whoever exchanges the code is whoever started the login. Everything here runs in your browser.
        </p>
        <div className="mt-4">
          <PkceHelper />
        </div>
      </StepSection>

      <StepSection id="template-heading" title="2. Build the URL">
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Start from this template. {scopeNote} Line breaks are fine: they are ignored.
        </p>
        <ServerScopes groups={props.scopes} consoleHref={props.scopesConsoleHref} />
        <div className="mt-3">
          <CodeBlock code={template} label="URL template" />
        </div>
      </StepSection>

      <StepSection id="check-heading" title="3. Check it" headingClassName="mb-3">
        <CheckForm<AuthorizeUrlReport>
          endpoint={props.endpoint ?? '/api/exercise/authorize-url'}
          field="url"
          label="Authorization URL"
          description="Paste your finished authorization URL."
          buttonLabel="Check Your URL"
          rows={8}
          onReport={(report) => {
            // The redirect page checks on its own only a redirect carrying this state.
            if (report.status === 'pass' && report.request?.state) writeStored('state', report.request.state);
          }}
          action={(report) => {
            const href = report.status === 'pass' ? safeLoginUrl(report.loginUrl, props.authorizationEndpoint) : null;
            return href ? (
              <a href={href} className={buttonClass('primary')} rel="noreferrer">
                Log In
              </a>
            ) : null;
          }}
        >
          {(report) => (report.status === 'pass' && safeLoginUrl(report.loginUrl, props.authorizationEndpoint) ? <LogInNote /> : null)}
        </CheckForm>
      </StepSection>
    </div>
  );
}

/**
 * What Log In does. The server remembers a sign-in (the practice server for 14 days, Okta for
 * its session's lifetime), so a second Log In skips the sign-in page: said here, or a learner
 * who was promised a sign-in page thinks something broke (issue 20, item 10).
 */
export function LogInNote() {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      Log In takes you to the server&apos;s sign-in page, then back to the redirect page with a code. If you are still signed in there from
      an earlier login, you come straight back to the redirect page without seeing the sign-in page.
    </p>
  );
}
